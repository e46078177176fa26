package io.tidemark.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Validates the simulator's real responses against GitHub's official OpenAPI component schemas
 * (src/test/resources/github-openapi, an extract of @octokit/openapi 23.0.2).
 */
class OpenApiSchemaTest {

    private static final String TOKEN = "t-admin";
    private static JsonNode components;
    private static JsonNode reposComponents;
    private static GitHubSimulator sim;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        try (InputStream in = OpenApiSchemaTest.class.getResourceAsStream("/github-openapi/traffic.openapi.json")) {
            components = Http.JSON.readTree(in).get("components");
        }
        try (InputStream in = OpenApiSchemaTest.class.getResourceAsStream("/github-openapi/repos.openapi.json")) {
            reposComponents = Http.JSON.readTree(in).get("components");
        }
        sim = GitHubSimulator.builder()
                .now(Instant.parse("2024-05-15T10:00:00Z"))
                .generatedRepository("octo", "hello", 80)
                .repository("octo", "quiet")
                .token(TOKEN, Permission.ADMIN, "*")
                .token("t-read", Permission.PULL, "*")
                .start();
        http = new Http(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** A schema made of one component ({@code array}: an array of it), resolving refs in the spec. */
    private static JsonSchema schema(JsonNode components, String component, boolean array) {
        ObjectNode ref = Http.JSON.createObjectNode().put("$ref", "#/components/schemas/" + component);
        ObjectNode root = Http.JSON.createObjectNode();
        if (array) {
            root.put("type", "array").set("items", ref);
        } else {
            root.putArray("allOf").add(ref);
        }
        root.set("components", components);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .nullableKeywordEnabled(true) // OpenAPI 3.0's "nullable: true" (e.g. a repository's mirror_url)
                .build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(root, config);
    }

    private static Set<ValidationMessage> validate(String component, boolean array, JsonNode body) {
        return schema(components, component, array).validate(body);
    }

    /** Validates against a component of the repos extract (repository, releases, stargazers). */
    private static Set<ValidationMessage> validateRepos(String component, boolean array, JsonNode body) {
        return schema(reposComponents, component, array).validate(body);
    }

    @ParameterizedTest
    @CsvSource({
        "views, day, view-traffic", "views, week, view-traffic",
        "clones, day, clone-traffic", "clones, week, clone-traffic"})
    void seriesMatchTheirSchemas(String endpoint, String per, String component) {
        for (String repo : new String[] {"hello", "quiet"}) {
            JsonNode body = http.getJson("/repos/octo/" + repo + "/traffic/" + endpoint + "?per=" + per, TOKEN);
            assertThat(validate(component, false, body)).as(repo + " " + body).isEmpty();
        }
        assertThat(http.getJson("/repos/octo/hello/traffic/" + endpoint + "?per=" + per, TOKEN).get(endpoint).size())
                .isPositive(); // the buckets were validated too
    }

    @Test
    void dailyBucketsForWeeksIsWrongInMeaningOnlyAndStillMatchesItsSchema() {
        sim.faults().inject(EndpointKind.VIEWS, Fault.dailyBucketsForWeeks(), 1);
        JsonNode body = http.getJson("/repos/octo/hello/traffic/views?per=week", TOKEN);
        assertThat(body.get("views").size()).isGreaterThan(3);
        assertThat(validate("view-traffic", false, body)).isEmpty();
    }

    @Test
    void popularListsMatchTheirSchemas() {
        JsonNode referrers = http.getJson("/repos/octo/hello/traffic/popular/referrers", TOKEN);
        JsonNode paths = http.getJson("/repos/octo/hello/traffic/popular/paths", TOKEN);
        assertThat(referrers.size()).isPositive();
        assertThat(paths.size()).isPositive();
        assertThat(validate("referrer-traffic", true, referrers)).isEmpty();
        assertThat(validate("content-traffic", true, paths)).isEmpty();
    }

    @Test
    void errorBodiesMatchBasicError() {
        for (HttpResponse<String> response : java.util.List.of(
                http.get("/repos/octo/hello/traffic/views", "wrong"),
                http.get("/repos/octo/hello/traffic/views", "t-read"),
                http.get("/repos/octo/missing/traffic/views", TOKEN),
                http.get("/repos/octo/hello/traffic/views?per=year", TOKEN))) {
            assertThat(response.statusCode()).isIn(401, 403, 404, 422);
            assertThat(validate("basic-error", false, Http.json(response))).as(response.body()).isEmpty();
        }
    }

    @Test
    void theValidationWouldCatchAWrongShape() {
        ObjectNode views = (ObjectNode) http.getJson("/repos/octo/hello/traffic/views", TOKEN);
        assertThat(validate("view-traffic", false, views)).isEmpty();

        ObjectNode missingUniques = views.deepCopy();
        missingUniques.remove("uniques");
        assertThat(validate("view-traffic", false, missingUniques)).isNotEmpty();

        ObjectNode stringUniques = views.deepCopy();
        stringUniques.put("uniques", "12");
        assertThat(validate("view-traffic", false, stringUniques)).isNotEmpty();

        ObjectNode bucketWithoutUniques = views.deepCopy();
        ((ObjectNode) bucketWithoutUniques.get("views").get(0)).remove("uniques");
        assertThat(validate("view-traffic", false, bucketWithoutUniques)).isNotEmpty();

        ObjectNode badTimestamp = views.deepCopy();
        ((ObjectNode) badTimestamp.get("views").get(0)).put("timestamp", "yesterday");
        assertThat(validate("view-traffic", false, badTimestamp)).isNotEmpty();

        JsonNode paths = http.getJson("/repos/octo/hello/traffic/popular/paths", TOKEN).deepCopy();
        ((ObjectNode) paths.get(0)).remove("title");
        assertThat(validate("content-traffic", true, paths)).isNotEmpty();

        ObjectNode error = Http.JSON.createObjectNode().put("message", "x").put("status", 404);
        assertThat(validate("basic-error", false, error)).isNotEmpty(); // status must be a string
    }

    @Test
    void fullRepositoryMatchesItsSchemaForEveryToken() {
        for (String repo : new String[] {"hello", "quiet"}) {
            for (String token : new String[] {TOKEN, "t-read"}) {
                JsonNode body = http.getJson("/repos/octo/" + repo, token);
                assertThat(validateRepos("full-repository", false, body)).as(repo + " " + body).isEmpty();
            }
        }
    }

    @Test
    void releasesMatchTheirSchema() {
        JsonNode releases = http.getJson("/repos/octo/hello/releases?per_page=100", TOKEN);
        assertThat(releases.size()).isPositive();
        assertThat(releases.findValues("assets")).anyMatch(assets -> assets.size() > 0); // assets validated too
        assertThat(validateRepos("release", true, releases)).isEmpty();
        assertThat(validateRepos("release", true, http.getJson("/repos/octo/quiet/releases", TOKEN))).isEmpty();
    }

    @Test
    void stargazersMatchTheirSchemasWithAndWithoutStarTimes() {
        JsonNode users = http.getJson("/repos/octo/hello/stargazers?per_page=100", TOKEN);
        assertThat(users.size()).isPositive();
        assertThat(validateRepos("simple-user", true, users)).isEmpty();
        HttpResponse<String> starred = Http.send(http.request("/repos/octo/hello/stargazers?per_page=100", TOKEN)
                .header("Accept", "application/vnd.github.star+json").GET().build());
        JsonNode stargazers = Http.json(starred);
        assertThat(stargazers.size()).isEqualTo(users.size());
        assertThat(validateRepos("stargazer", true, stargazers)).isEmpty();
        assertThat(validateRepos("simple-user", true, stargazers)).isNotEmpty(); // not user objects
    }

    @Test
    void repositoryErrorBodiesMatchBasicError() {
        for (String path : new String[] {"/repos/octo/missing", "/repos/octo/missing/releases", "/repos/octo/missing/stargazers"}) {
            HttpResponse<String> response = http.get(path, TOKEN);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(validateRepos("basic-error", false, Http.json(response))).as(response.body()).isEmpty();
        }
    }

    @Test
    void theRepositoryValidationWouldCatchAWrongShape() {
        ObjectNode repository = (ObjectNode) http.getJson("/repos/octo/hello", TOKEN);
        ObjectNode missingStars = repository.deepCopy();
        missingStars.remove("stargazers_count");
        assertThat(validateRepos("full-repository", false, missingStars)).isNotEmpty();
        ObjectNode stringForks = repository.deepCopy();
        stringForks.put("forks_count", "3");
        assertThat(validateRepos("full-repository", false, stringForks)).isNotEmpty();
        ObjectNode ownerWithoutLogin = repository.deepCopy();
        ((ObjectNode) ownerWithoutLogin.get("owner")).remove("login");
        assertThat(validateRepos("full-repository", false, ownerWithoutLogin)).isNotEmpty();

        JsonNode releases = http.getJson("/repos/octo/hello/releases?per_page=100", TOKEN).deepCopy();
        for (JsonNode release : releases) {
            if (release.get("assets").size() > 0) {
                ((ObjectNode) release.get("assets").get(0)).remove("download_count");
                break;
            }
        }
        assertThat(validateRepos("release", true, releases)).isNotEmpty();
    }
}
