package io.tidemark.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.tidemark.app.GitHubSimulatorResource;
import io.tidemark.app.hostile.RawGraphQl.Answer;
import io.vertx.core.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A bounded fuzz run against the packaged application: a few thousand generated documents and
 * bodies (mutated valid queries, random fragment graphs, random JSON, raw bytes, odd media types),
 * each answered without a server error, with a code from the README's table on every error, and
 * without Java internals. The seed is printed and fixed per run, so a failure can be replayed with
 * {@code -Dtidemark.fuzz.seed=...}.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class FuzzedRequestsIT {

    private static final int REQUESTS = Integer.getInteger("tidemark.fuzz.requests", 3_000);

    private static final List<String> VALID = List.of(
            "{ __typename }",
            "{ repositories(first: 5) { totalCount nodes { nameWithOwner lastSyncError } pageInfo { endCursor hasNextPage } } }",
            "{ repository(owner: \"octo\", name: \"hello\") { views(per: WEEK) { count uniques buckets { timestamp count uniques complete } } } }",
            "{ repository(owner: \"octo\", name: \"hello\") { clones(since: \"2024-01-01\", until: \"2024-02-01\") { count } topReferrers { referrer count uniques } topPaths { path title count } } }",
            "query Q($o: String!, $n: String!) { repository(owner: $o, name: $n) { name } }",
            "fragment R on Repository { name owner } { repositories { nodes { ...R } } }",
            "{ __schema { types { name fields { name } } } }",
            "mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }");

    private static final List<String> TOKENS = List.of("{", "}", "(", ")", "[", "]", ":", "...", "$", "!", "=", "@skip(if: true)",
            "@include(if: $x)", "fragment F on Query { ...F }", "on", "query", "mutation", "subscription", "\"", "\"\"\"", "#",
            "1e999", "2147483648", "-0", "0x10", "null", "true", "__schema", "__type(name: \"Query\")", "repositories",
            "first: -1", "after: \"!!\"", "per: MONTH", "since: \"2024-13-45\"", "\\u0000", "\u00e9", "\ud83d\ude00",
            " ".repeat(50), "\n", ",", "...on Query", "{ ...F }");

    private static final List<String> MEDIA_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/graphql", "text/plain", "application/json; charset=latin1", "", "application/json;;;",
            "application/json; charset=", "*/*", "application/json; boundary=\"x");

    @Test
    void noGeneratedRequestBreaksTheServerOrItsErrorContract() {
        long seed = Long.getLong("tidemark.fuzz.seed", System.nanoTime());
        System.out.println("FuzzedRequestsIT seed: " + seed + " (replay with -Dtidemark.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        RawGraphQl api = new RawGraphQl(URI.create("http://localhost:" + RestAssured.port + "/graphql"));
        int served = 0;
        for (int i = 0; i < REQUESTS; i++) {
            String contentType = "application/json";
            byte[] body;
            switch (random.nextInt(6)) {
                case 0, 1 -> body = json(mutated(random), random);
                case 2 -> body = json(fragmentGraph(random), random);
                case 3 -> body = randomJson(random, 0).getBytes(StandardCharsets.UTF_8);
                case 4 -> {
                    body = new byte[random.nextInt(200)];
                    random.nextBytes(body);
                }
                default -> {
                    contentType = MEDIA_TYPES.get(random.nextInt(MEDIA_TYPES.size()));
                    body = (contentType.startsWith("application/graphql") ? mutated(random) : new String(json(mutated(random), random),
                            StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
            }
            Answer answer = api.post(GitHubSimulatorResource.VIEWER_TOKEN, contentType.isEmpty() ? null : contentType, body);
            RawGraphQl.assertWellFormed(answer, new String(body, StandardCharsets.UTF_8));
            if (answer.status() == 200 && answer.json().get("data") != null) {
                served++;
            }
        }
        assertThat(served).as("some generated requests are valid and served").isPositive();
        assertThat(api.postJson(GitHubSimulatorResource.VIEWER_TOKEN, RawGraphQl.query("{ __typename }")).status())
                .isEqualTo(200);
    }

    /** A valid query with a few random edits: deletions, repetitions and inserted tokens. */
    private static String mutated(Random random) {
        StringBuilder text = new StringBuilder(VALID.get(random.nextInt(VALID.size())));
        int edits = random.nextInt(4);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(10)));
                case 1 -> text.insert(at, text.substring(at, Math.min(text.length(), at + 1 + random.nextInt(20))));
                default -> text.insert(at, " " + TOKENS.get(random.nextInt(TOKENS.size())) + " ");
            }
        }
        return text.toString();
    }

    /** Random fragments, each spreading earlier ones (or, now and then, any one: a cycle). */
    private static String fragmentGraph(Random random) {
        int count = 1 + random.nextInt(12);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("fragment F").append(i).append(" on Query { ");
            if (i == 0 || random.nextInt(4) == 0) {
                text.append("repositories { totalCount } ");
            }
            int spreads = random.nextInt(4);
            for (int s = 0; s < spreads && i > 0; s++) {
                int target = random.nextInt(10) == 0 ? random.nextInt(count) : random.nextInt(i);
                text.append("...F").append(target).append(' ');
            }
            text.append("__typename } ");
        }
        return text.append("{ ...F").append(count - 1).append(" }").toString();
    }

    private static byte[] json(String query, Random random) {
        String variables = switch (random.nextInt(5)) {
            case 0 -> ", \"variables\": " + randomJson(random, 0);
            case 1 -> ", \"variables\": {\"o\": \"octo\", \"n\": \"hello\", \"x\": true}";
            default -> "";
        };
        String operation = random.nextInt(5) == 0 ? ", \"operationName\": " + randomJson(random, 2) : "";
        return ("{\"query\": " + Json.encode(query) + variables + operation + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String randomJson(Random random, int depth) {
        int kind = depth > 40 ? random.nextInt(4) : random.nextInt(7);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> Long.toString(random.nextLong());
            case 2 -> Json.encode(TOKENS.get(random.nextInt(TOKENS.size())));
            case 3 -> random.nextBoolean() ? "1.5e308" : "true";
            case 4 -> "[" + randomJson(random, depth + 1) + (random.nextBoolean() ? "" : ", " + randomJson(random, depth + 1)) + "]";
            case 5 -> "{\"query\": " + randomJson(random, depth + 1) + "}";
            default -> "{\"a\": " + randomJson(random, depth + 1) + ", \"query\": \"{ __typename }\"}";
        };
    }
}
