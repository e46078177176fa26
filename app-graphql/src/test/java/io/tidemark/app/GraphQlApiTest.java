package io.tidemark.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tidemark.app.graphql.LimitDocuments;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API as a client sees it: authentication, roles, error codes and abuse limits. */
@QuarkusTest
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class GraphQlApiTest {

    private static final String ADMIN = GitHubSimulatorResource.ADMIN_TOKEN;
    private static final String VIEWER = GitHubSimulatorResource.VIEWER_TOKEN;

    @Test
    void aRequestWithoutATokenIsRefusedWith401() {
        Gql.post(null, "{ __typename }").statusCode(401);
        Gql.post("not-a-token", "{ __typename }").statusCode(401);
    }

    @Test
    void aViewerCanQueryButNotMutate() {
        assertThat(Gql.ok(VIEWER, "{ __typename }").getString("data.__typename")).isEqualTo("Query");
        assertThat(Gql.errorCode(VIEWER, "mutation { trackRepository(owner: \"octo\", name: \"never-tracked\") { name } }"))
                .isEqualTo("FORBIDDEN");
        assertThat(Gql.ok(VIEWER, "{ repository(owner: \"octo\", name: \"never-tracked\") { name } }")
                .getString("data.repository")).isNull();
    }

    @Test
    void anAdminTracksAndTheFirstSyncFollows() {
        JsonPath tracked = Gql.admin("mutation { trackRepository(owner: \"Casing-Kept\", name: \"As.Given\") { nameWithOwner } }");
        assertThat(tracked.getString("data.trackRepository.nameWithOwner")).isEqualTo("Casing-Kept/As.Given");
        assertThat(Gql.admin("{ repository(owner: \"casing-kept\", name: \"as.given\") { nameWithOwner } }")
                .getString("data.repository.nameWithOwner")).isEqualTo("Casing-Kept/As.Given");

        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"world\") { nameWithOwner } }");

        JsonPath synced = Gql.admin("mutation { syncRepository(owner: \"octo\", name: \"world\") { syncedAt"
                + " repository { lastSyncedAt views { count buckets { timestamp count uniques complete } } } } }");
        List<Map<String, Object>> buckets = synced.getList("data.syncRepository.repository.views.buckets");
        assertThat(buckets).hasSize(15);
        assertThat(synced.getString("data.syncRepository.repository.lastSyncedAt")).isNotNull();

        JsonPath totals = Gql.admin("{ repository(owner: \"octo\", name: \"world\") { views { count }"
                + " days: viewsWindowTotals { fetchedAt count uniques } weeks: viewsWindowTotals(per: WEEK) { count }"
                + " clonesWindowTotals(since: \"2000-01-01\", until: \"2000-01-02\") { count } } }");
        List<Map<String, Object>> days = totals.getList("data.repository.days");
        assertThat(days).as("one fetch of the day window, GitHub's own totals").singleElement().satisfies(window -> {
            assertThat(window.get("fetchedAt")).isNotNull();
            assertThat((Integer) window.get("count")).isEqualTo(totals.getInt("data.repository.views.count"));
            assertThat((Integer) window.get("uniques")).isBetween(1, (Integer) window.get("count"));
        });
        assertThat(totals.getList("data.repository.weeks")).hasSize(1);
        assertThat(totals.getList("data.repository.clonesWindowTotals")).as("none fetched on those days").isEmpty();
    }

    @Test
    void badInputGetsInvalidArgument() {
        assertThat(Gql.errorCode(ADMIN, "{ repository(owner: \"-bad-\", name: \"x\") { name } }"))
                .isEqualTo("INVALID_ARGUMENT");
        assertThat(Gql.errorCode(ADMIN, "{ repositories(first: 0) { totalCount } }")).isEqualTo("INVALID_ARGUMENT");
        assertThat(Gql.errorCode(ADMIN, "{ repositories(first: 101) { totalCount } }")).isEqualTo("INVALID_ARGUMENT");
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }");
        assertThat(Gql.errorCode(ADMIN, "{ repository(owner: \"octo\", name: \"hello\") {"
                + " views(since: \"2024-03-02\", until: \"2024-03-01\") { count } } }")).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void aDocumentThatDoesNotMatchTheSchemaGetsValidationFailed() {
        JsonPath unknownField = Gql.post(VIEWER, "{ repositories { nodes { views { uniques } } } }")
                .statusCode(200).extract().jsonPath();
        assertThat(unknownField.getString("errors[0].extensions.code")).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(unknownField.getString("errors[0].message")).contains("uniques");
        assertThat(Gql.errorCode(VIEWER, "{ repository(owner: \"octo\") { name } }")).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(Gql.errorCode(VIEWER, "{ repositories { nodes { views(per: MONTH) { count } } } }"))
                .isEqualTo("GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void aBodyOfTheWrongShapeIsABadRequestNotAServerError() {
        for (String body : new String[] {
                "{\"query\": \"{ __typename }\", \"variables\": 5}",
                "{\"query\": \"{ __typename }\", \"operationName\": 7}"}) {
            JsonPath json = given().contentType(ContentType.JSON).auth().oauth2(VIEWER).body(body)
                    .post("/graphql").then().statusCode(400).extract().jsonPath();
            assertThat(json.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
            assertThat(json.getString("errors[0].message")).contains("variables").doesNotContain("Exception");
        }
        assertThat(Gql.ok(VIEWER, "{ __typename }").getString("data.__typename")).isEqualTo("Query");
    }

    @Test
    void syncingAnUnknownRepositoryIsNotFound() {
        assertThat(Gql.errorCode(ADMIN, "mutation { syncRepository(owner: \"octo\", name: \"nowhere\") { syncedAt } }"))
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void aRepositoryWithoutPushAccessIsNotPermitted() {
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"readonly\") { name } }");
        JsonPath json = Gql.post(ADMIN, "mutation { syncRepository(owner: \"octo\", name: \"readonly\") { syncedAt } }")
                .statusCode(200).extract().jsonPath();
        assertThat(json.getString("errors[0].extensions.code")).isEqualTo("NOT_PERMITTED");
        assertThat(json.getString("errors[0].message")).contains("push access").doesNotContain("Exception");
    }

    @Test
    void errorsNeverLeakInternals() {
        String body = Gql.post(ADMIN, "{ repository(owner: \"octo\", name: \"..\") { name } }")
                .statusCode(200).extract().asString();
        assertThat(body).doesNotContain("io.tidemark").doesNotContain("at java.").doesNotContain("Exception");
    }

    @Test
    void aQueryDeeperThanTheLimitIsRefused() {
        String deep = "{ repositories { nodes { views { buckets { timestamp } } } } }";
        Gql.ok(ADMIN, deep);
        String tooDeep = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }";
        JsonPath json = Gql.post(ADMIN, tooDeep).statusCode(200).extract().jsonPath();
        assertThat(json.getString("errors[0].message")).containsIgnoringCase("depth");
        assertThat(json.getString("errors[0].extensions.code")).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(json.getString("data")).isNull();
    }

    @Test
    void aQueryTooComplexOrTooLongIsRefused() {
        StringBuilder complex = new StringBuilder("{");
        for (int i = 0; i < 210; i++) {
            complex.append(" r").append(i).append(": repositories { totalCount }");
        }
        complex.append(" }");
        JsonPath tooComplex = Gql.post(ADMIN, complex.toString()).statusCode(200).extract().jsonPath();
        assertThat(tooComplex.getString("errors[0].message")).containsIgnoringCase("complexity");
        assertThat(tooComplex.getString("errors[0].extensions.code")).isEqualTo("QUERY_TOO_COMPLEX");

        String longDocument = LimitDocuments.aliases(800);
        JsonPath tooLong = Gql.post(ADMIN, longDocument).statusCode(200).extract().jsonPath();
        assertThat(tooLong.getString("errors[0].message")).contains("2000 tokens");
        assertThat(tooLong.getString("errors[0].extensions.code")).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(tooLong.getString("data")).isNull();

        assertThat(Gql.ok(ADMIN, LimitDocuments.aliases(100)).getString("data.a99")).isEqualTo("Query");
    }

    @Test
    void anOversizedBodyIsRefused() {
        String huge = "{ __typename }" + " ".repeat(70_000);
        given().contentType(ContentType.JSON).auth().oauth2(ADMIN).body(Map.of("query", huge))
                .post("/graphql").then().statusCode(413);
    }

    @Test
    void theGitHubTokenNeverReachesAClient() {
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"readonly\") { name } }");
        Gql.post(ADMIN, "mutation { syncRepository(owner: \"octo\", name: \"readonly\") { syncedAt } }")
                .body(not(containsString(GitHubSimulatorResource.GITHUB_TOKEN)));
        Gql.post(ADMIN, "{ repositories { nodes { name lastSyncError } } }")
                .body(not(containsString(GitHubSimulatorResource.GITHUB_TOKEN)));
    }

    @Test
    void trackingAnOwnerTracksTheRepositoriesWithPushAccess() {
        JsonPath json = Gql.admin("mutation { trackOwner(owner: \"octo\") { nameWithOwner } }");
        assertThat(json.getList("data.trackOwner.nameWithOwner")).containsExactlyInAnyOrder("octo/hello", "octo/world");
        assertThat(Gql.errorCode(ADMIN, "mutation { trackOwner(owner: \"nobody-here\") { name } }")).isEqualTo("NOT_FOUND");
    }

    @Test
    void deletingHistoryIsAnExplicitAdminOperation() {
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"to-delete\") { name } }");
        assertThat(Gql.errorCode(VIEWER, "mutation { deleteRepositoryHistory(owner: \"octo\", name: \"to-delete\") }"))
                .isEqualTo("FORBIDDEN");
        assertThat(Gql.admin("mutation { deleteRepositoryHistory(owner: \"octo\", name: \"to-delete\") }")
                .getBoolean("data.deleteRepositoryHistory")).isTrue();
        assertThat(Gql.admin("{ repository(owner: \"octo\", name: \"to-delete\") { name } }")
                .getString("data.repository")).isNull();
    }

    @Test
    void graphiQlIsServed() {
        given().get("/q/graphql-ui/").then().statusCode(200);
    }

    @Test
    void healthAndMetricsAreUp() {
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }");
        Gql.admin("mutation { syncRepository(owner: \"octo\", name: \"hello\") { syncedAt } }");

        given().get("/q/health/ready").then().statusCode(200).body(containsString("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health").then().statusCode(200).body(containsString("tidemark-sync-freshness"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tidemark_repositories_stale"))
                .body(containsString("tidemark_syncs_total{outcome=\"synced\"}"))
                .body(containsString("tidemark_github_requests_total{endpoint=\"views\",status=\"200\"}"))
                .body(containsString("tidemark_github_rate_limit_remaining"))
                .body(containsString("mp_graphql"));
    }
}
