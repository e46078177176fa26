package io.tidemark.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.tidemark.simulator.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's error codes as a client gets them over GraphQL: RATE_LIMITED, UNAUTHENTICATED,
 * INTERNAL, GRAPHQL_PARSE_FAILED, and FORBIDDEN for every admin mutation asked with a viewer token.
 */
@QuarkusTest
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class ErrorCodesOverGraphQlTest {

    private static final String ADMIN = GitHubSimulatorResource.ADMIN_TOKEN;
    private static final String VIEWER = GitHubSimulatorResource.VIEWER_TOKEN;
    private static final Pattern RESUME_AT = Pattern.compile("spent until (\\S+?);");

    @Test
    void aSpentGitHubRateLimitIsRateLimitedWithTheTimeItEndsAndSyncsWorkAgainAfterIt() {
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }");
        await().atMost(Duration.ofSeconds(30)).until(() -> HistoryScenario.lastSyncedAt("hello") != null);
        RateLimit rateLimit = GitHubSimulatorResource.simulator().rateLimit();
        Instant asked = Instant.now().minusSeconds(1);
        JsonPath json;
        try {
            rateLimit.setWindow(Duration.ofSeconds(2));
            rateLimit.forceReset();
            rateLimit.setBudget(0);
            json = Gql.post(ADMIN, "mutation { syncRepository(owner: \"octo\", name: \"hello\") { syncedAt } }")
                    .statusCode(200).extract().jsonPath();
        } finally {
            rateLimit.setBudget(5000);
            rateLimit.setWindow(Duration.ofHours(1));
        }

        assertThat(json.getString("errors[0].extensions.code")).isEqualTo("RATE_LIMITED");
        Matcher until = RESUME_AT.matcher(json.getString("errors[0].message"));
        assertThat(until.find()).as("the message says until when: %s", json.getString("errors[0].message")).isTrue();
        Instant resumeAt = Instant.parse(until.group(1));
        assertThat(resumeAt).isAfter(asked).isBefore(asked.plusSeconds(60));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> Gql.post(ADMIN,
                        "mutation { syncRepository(owner: \"octo\", name: \"hello\") { syncedAt } }")
                .statusCode(200).extract().jsonPath().get("errors") == null);
    }

    @Test
    void withoutAValidTokenTheAnswerIs401WithACodeAndAChallenge() {
        for (Map<String, String> headers : new Map[] {
                Map.of(),
                Map.of("Authorization", "Bearer wrong-" + ADMIN),
                Map.of("Authorization", "Basic " + ADMIN)}) {
            ExtractableResponse<Response> response = given().contentType(ContentType.JSON).headers(headers)
                    .body(Map.of("query", "{ __typename }"))
                    .post("/graphql").then().statusCode(401).extract();
            assertThat(response.header("WWW-Authenticate")).as("challenge for %s", headers).startsWith("Bearer");
            assertThat(response.contentType()).as("media type for %s: %s", headers, response.asString())
                    .startsWith("application/json");
            JsonPath json = response.jsonPath();
            assertThat(json.getString("errors[0].extensions.code")).as("code for %s", headers).isEqualTo("UNAUTHENTICATED");
            assertThat(json.getString("errors[0].message")).contains("Bearer");
            assertThat(response.asString()).doesNotContain(ADMIN);
        }
    }

    @Test
    void anUnexpectedFailureIsInternalWithAGenericMessageAndTheRestOfTheAnswerIsServed() {
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"" + FailingTrafficStore.BROKEN_NAME + "\") { name } }");

        String body = Gql.post(VIEWER, "{ repository(owner: \"octo\", name: \"" + FailingTrafficStore.BROKEN_NAME
                        + "\") { name topPaths { path } } }").statusCode(200).extract().asString();
        JsonPath json = JsonPath.from(body);

        assertThat(json.getString("errors[0].extensions.code")).isEqualTo("INTERNAL");
        assertThat(json.getString("errors[0].message")).isEqualTo("internal error; the server log has the details");
        assertThat(json.getList("errors[0].path")).containsExactly("repository", "topPaths");
        assertThat(json.getMap("errors[0]")).containsOnlyKeys("message", "locations", "path", "extensions");
        assertThat(body).doesNotContain(FailingTrafficStore.INTERNAL_DETAIL)
                .doesNotContain("IllegalStateException").doesNotContain("Exception")
                .doesNotContain("io.tidemark").doesNotContain("java.").doesNotContain("classification");
        assertThat(Gql.ok(VIEWER, "{ repository(owner: \"octo\", name: \"" + FailingTrafficStore.BROKEN_NAME
                + "\") { name } }").getString("data.repository.name")).as("fields that do not fail are served")
                .isEqualTo(FailingTrafficStore.BROKEN_NAME);
    }

    @Test
    void aSyntaxErrorIsParseFailed() {
        for (String broken : new String[] {
                "{ repositories { totalCount }",
                "{ repository(owner: \"octo\" name: ) { name } }",
                "query { ... }"}) {
            JsonPath json = Gql.post(VIEWER, broken).statusCode(200).extract().jsonPath();
            assertThat(json.getString("errors[0].extensions.code")).as(broken).isEqualTo("GRAPHQL_PARSE_FAILED");
            assertThat(json.getString("errors[0].message")).as(broken).contains("not valid GraphQL")
                    .doesNotContain("Exception").doesNotContain("graphql.");
            assertThat(json.getString("data")).isNull();
        }
    }

    @Test
    void everyAdminMutationIsForbiddenToAViewerAndChangesNothing() {
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }");
        Map<String, String> mutations = Map.of(
                "trackRepository", "mutation { trackRepository(owner: \"octo\", name: \"world\") { name } }",
                "trackOwner", "mutation { trackOwner(owner: \"octo\") { name } }",
                "untrackRepository", "mutation { untrackRepository(owner: \"octo\", name: \"hello\") }",
                "syncRepository", "mutation { syncRepository(owner: \"octo\", name: \"hello\") { syncedAt } }",
                "deleteRepositoryHistory", "mutation { deleteRepositoryHistory(owner: \"octo\", name: \"hello\") }");
        for (Map.Entry<String, String> mutation : mutations.entrySet()) {
            JsonPath json = Gql.post(VIEWER, mutation.getValue()).statusCode(200).extract().jsonPath();
            assertThat(json.getString("errors[0].extensions.code")).as(mutation.getKey()).isEqualTo("FORBIDDEN");
            assertThat(json.getString("errors[0].message")).as(mutation.getKey()).contains("admin");
        }

        JsonPath after = Gql.admin("{ hello: repository(owner: \"octo\", name: \"hello\") { tracking }"
                + " world: repository(owner: \"octo\", name: \"world\") { name } }");
        assertThat(after.getBoolean("data.hello.tracking")).as("not untracked, not deleted").isTrue();
        assertThat(after.getString("data.world")).as("tracked neither alone nor with its owner").isNull();
    }
}
