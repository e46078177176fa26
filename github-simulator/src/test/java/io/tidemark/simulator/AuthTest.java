package io.tidemark.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthTest {

    private static GitHubSimulator sim;
    private static Http http;

    @BeforeAll
    static void start() {
        sim = GitHubSimulator.builder()
                .now(Instant.parse("2024-05-15T10:00:00Z"))
                .generatedRepository("octo", "hello", 10)
                .privateRepository("octo", "secret", TrafficModel.empty())
                .token("t-push", Permission.PUSH, "octo/*")
                .token("t-read", Permission.PULL, "octo/hello")
                .token("t-none", Permission.ADMIN, "other/*")
                .start();
        http = new Http(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void missingOrWrongTokenIsBadCredentials() {
        for (HttpResponse<String> response : List.of(
                http.get("/repos/octo/hello/traffic/views", null),
                http.get("/repos/octo/hello/traffic/views", "t-wrong"),
                Http.send(http.request("/repos/octo/hello/traffic/views", null).header("Authorization", "Basic dDp4").build()))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo(
                    "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}");
            assertThat(response.headers().firstValue("content-type")).contains("application/json; charset=utf-8");
            assertThat(response.headers().firstValue("x-ratelimit-limit")).isPresent();
        }
    }

    @Test
    void bothAuthorizationSchemesAreAccepted() {
        HttpRequest tokenScheme = http.request("/repos/octo/hello/traffic/views", null)
                .header("Authorization", "token t-push").build();
        assertThat(Http.send(tokenScheme).statusCode()).isEqualTo(200);
        assertThat(http.get("/repos/octo/hello/traffic/views", "t-push").statusCode()).isEqualTo(200);
    }

    @Test
    void trafficNeedsPushAccess() {
        for (String endpoint : new String[] {"views", "clones", "popular/referrers", "popular/paths"}) {
            HttpResponse<String> response = http.get("/repos/octo/hello/traffic/" + endpoint, "t-read");
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(Http.json(response).get("message").asText()).isEqualTo("Must have push access to repository");
            assertThat(Http.json(response).get("status").asText()).isEqualTo("403");
            assertThat(Http.json(response).get("documentation_url").asText()).startsWith("https://docs.github.com/");
        }
        // a public repository without any grant is readable, so 403 too
        assertThat(http.get("/repos/octo/hello/traffic/views", "t-none").statusCode()).isEqualTo(403);
    }

    @Test
    void unknownOrInvisibleRepositoriesAreNotFound() {
        for (String path : new String[] {
                "/repos/octo/nope/traffic/views", "/repos/nobody/hello/traffic/clones",
                "/repos/octo/hello/traffic/nonsense", "/nothing/here"}) {
            HttpResponse<String> response = http.get(path, "t-push");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(Http.json(response).get("message").asText()).isEqualTo("Not Found");
            assertThat(Http.json(response).get("status").asText()).isEqualTo("404");
        }
        assertThat(http.get("/repos/octo/secret/traffic/views", "t-none").statusCode()).isEqualTo(404);
        assertThat(http.get("/repos/octo/secret/traffic/views", "t-push").statusCode()).isEqualTo(200);
    }

    @Test
    void ownerAndRepositoryNamesAreCaseInsensitive() {
        assertThat(http.get("/repos/OCTO/Hello/traffic/views", "t-push").statusCode()).isEqualTo(200);
        assertThat(http.get("/repos/octo/HELLO/traffic/popular/paths", "t-push").body()).contains("/octo/hello");
    }
}
