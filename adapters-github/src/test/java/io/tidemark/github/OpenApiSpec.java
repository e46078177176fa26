package io.tidemark.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The extract of GitHub's OpenAPI description in src/test/resources/github-openapi. */
final class OpenApiSpec {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode root;

    private OpenApiSpec(JsonNode root) {
        this.root = root;
    }

    static OpenApiSpec load() {
        try (InputStream in = OpenApiSpec.class.getResourceAsStream("/github-openapi/traffic.openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("github-openapi/traffic.openapi.json is not on the test class path");
            }
            return new OpenApiSpec(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** components/examples, by name: their {@code value}. */
    Map<String, JsonNode> examples() {
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        root.path("components").path("examples").fields()
                .forEachRemaining(e -> examples.put(e.getKey(), e.getValue().path("value")));
        return examples;
    }

    /** The {@code required} fields of a component schema. */
    List<String> required(String schema) {
        List<String> fields = new ArrayList<>();
        root.path("components").path("schemas").path(schema).path("required").forEach(f -> fields.add(f.asText()));
        return fields;
    }

    /** An operation of the spec: its path template and the query parameters it declares. */
    record Operation(String template, Pattern pattern, Map<String, List<String>> queryParameters) {
        /** Whether {@code value} is allowed for {@code parameter} ({@code null} enum: any). */
        boolean allows(String parameter, String value) {
            List<String> allowed = queryParameters.get(parameter);
            return allowed != null && (allowed.isEmpty() || allowed.contains(value));
        }
    }

    /** The GET operations, with {@code $ref} parameters resolved. */
    List<Operation> getOperations() {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode()) {
                continue;
            }
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (JsonNode parameter : get.path("parameters")) {
                JsonNode resolved = resolve(parameter);
                if (resolved.path("in").asText().equals("query")) {
                    List<String> values = new ArrayList<>();
                    resolved.path("schema").path("enum").forEach(v -> values.add(v.asText()));
                    query.put(resolved.path("name").asText(), values);
                }
            }
            String regex = "\\Q" + path.getKey().replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            operations.add(new Operation(path.getKey(), Pattern.compile(regex), query));
        }
        return operations;
    }

    private JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        JsonNode target = root;
        for (String part : node.get("$ref").asText().substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }
}
