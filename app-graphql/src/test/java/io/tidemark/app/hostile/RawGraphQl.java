package io.tidemark.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GraphQL client that sends exactly the bytes and headers it is given (no charset or media
 * type added), and the checks every answer of the API must pass: a code from the README's error
 * table on every error, no Java internals anywhere.
 */
final class RawGraphQl {

    /** Qualified Java names, exception names, graphql-java's object notation, SmallRye's ids. */
    static final Pattern JAVA_INTERNALS = Pattern.compile(
            "\\b(?:java|javax|jakarta|io|org|com|graphql|sun)\\.[a-z][a-z0-9_]*\\.[A-Za-z_$][\\w$.]*"
                    + "|\\b[A-Z]\\w*(?:Exception|Error)\\b|\\b[A-Z]\\w*Value\\{|SRGQL\\d+|\\bclassification\\b"
                    + "|\\tat [a-z]");

    private final URI endpoint;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    RawGraphQl(URI endpoint) {
        this.endpoint = endpoint;
    }

    record Answer(int status, String body) {
        JsonPath json() {
            return JsonPath.from(body);
        }
    }

    Answer post(String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError("the server did not answer " + describe(body) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Answer postJson(String token, String json) {
        return post(token, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A JSON request body with this document as its query. */
    static String query(String document) {
        return "{\"query\": " + io.vertx.core.json.Json.encode(document) + "}";
    }

    /**
     * Asserts what every answer must be: not a server error, JSON, each error with a code the
     * README lists, and no Java internals anywhere in it.
     */
    static void assertWellFormed(Answer answer, String request) {
        assertThat(answer.status()).as("status for %s", describe(request)).isLessThan(500);
        assertThat(answer.body()).as("answer to %s", describe(request)).isNotBlank();
        Matcher internals = JAVA_INTERNALS.matcher(answer.body());
        assertThat(internals.find()).as("Java internals (%s) in the answer to %s: %s",
                internals.hitEnd() ? "" : safeGroup(internals), describe(request), answer.body()).isFalse();
        JsonPath json = answer.json();
        List<Object> errors = json.getList("errors");
        if (answer.status() != 200) {
            assertThat(errors).as("an HTTP %d answer carries errors: %s", answer.status(), answer.body()).isNotEmpty();
        }
        if (errors != null) {
            for (int i = 0; i < errors.size(); i++) {
                assertThat(json.getString("errors[" + i + "].extensions.code"))
                        .as("code of error %d of %s", i, answer.body())
                        .isIn(readmeCodes());
                assertThat(json.getMap("errors[" + i + "].extensions")).as("extensions of %s", answer.body())
                        .containsOnlyKeys("code");
            }
        } else {
            assertThat(json.getMap("data")).as("an answer without errors has data: %s", answer.body()).isNotNull();
        }
    }

    private static String safeGroup(Matcher matcher) {
        try {
            return matcher.group();
        } catch (IllegalStateException e) {
            return "";
        }
    }

    private static String describe(Object request) {
        String text = request instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(request);
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " chars)";
    }

    private static Set<String> codes;

    /** The codes of the README's error table: an answer's code must be documented. */
    static synchronized Set<String> readmeCodes() {
        if (codes == null) {
            Path readme = Path.of("..", "README.md");
            String text;
            try {
                text = Files.readString(readme);
            } catch (IOException e) {
                throw new AssertionError("cannot read " + readme.toAbsolutePath(), e);
            }
            Set<String> found = new LinkedHashSet<>();
            Matcher row = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|").matcher(text);
            while (row.find()) {
                found.add(row.group(1));
            }
            assertThat(found).as("error codes in the README's table").contains("INTERNAL", "BAD_REQUEST");
            codes = found;
        }
        return codes;
    }
}
