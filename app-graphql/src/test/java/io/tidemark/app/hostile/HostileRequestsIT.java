package io.tidemark.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.tidemark.app.GitHubSimulatorResource;
import io.tidemark.app.graphql.LimitDocuments;
import io.tidemark.app.hostile.RawGraphQl.Answer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests against the packaged application, started as users start it (a 256 MB heap
 * that exits on running out; see the failsafe configuration): none takes the server down, each
 * gets a coded answer without Java internals, and after each the server answers a normal query.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class HostileRequestsIT {

    private static final String VIEWER = GitHubSimulatorResource.VIEWER_TOKEN;
    private static final String ADMIN = GitHubSimulatorResource.ADMIN_TOKEN;

    private RawGraphQl api;

    @BeforeEach
    void connect() {
        api = new RawGraphQl(URI.create("http://localhost:" + RestAssured.port + "/graphql"));
    }

    @AfterEach
    void theServerStillAnswersANormalQuery() {
        Answer answer = api.postJson(VIEWER, RawGraphQl.query("{ repositories { totalCount } }"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getInt("data.repositories.totalCount")).isNotNegative();
    }

    @Test
    void aFragmentExplosionIsRefusedAtEveryLevelUpToTheTokenLimit() {
        int levels = 1;
        for (; levels < 1_000; levels++) {
            String document = LimitDocuments.fragmentExplosion(levels);
            Answer answer = api.postJson(VIEWER, RawGraphQl.query(document));
            RawGraphQl.assertWellFormed(answer, document);
            if (levels < 8) { // 2^(levels+1) fields: at most 256, within the 400 allowed
                assertThat(answer.json().getString("data.repository")).isNull(); // not tracked
                continue;
            }
            assertThat(answer.json().getString("errors[0].extensions.code")).isEqualTo("QUERY_TOO_COMPLEX");
            if (answer.json().getString("errors[0].message").contains("tokens")) {
                break; // past the token limit the document is refused before it is parsed whole
            }
            assertThat(answer.json().getString("errors[0].message")).contains("fields").contains("400");
        }
        assertThat(levels).as("levels until the token limit").isBetween(150, 250);
    }

    @Test
    void deeplyNestedJsonIsABadRequest() {
        for (int depth : new int[] {33, 1_001, 30_000}) { // 30,000 levels: 60 KB, within the body limit
            String variables = "[".repeat(depth) + "]".repeat(depth);
            String body = "{\"query\": \"{ __typename }\", \"variables\": {\"a\": " + variables + "}}";
            Answer answer = api.postJson(VIEWER, body);
            RawGraphQl.assertWellFormed(answer, body);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        }
        String within = "{\"query\": \"{ __typename }\", \"variables\": {\"a\": [[[[1]]]]}}";
        assertThat(api.postJson(VIEWER, within).status()).isEqualTo(200);
    }

    @Test
    void unsupportedCharsetsAndMediaTypesGet415() {
        byte[] body = RawGraphQl.query("{ __typename }").getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("application/json; charset=bogus", "application/json;charset=ISO-8859-1",
                "application/json; charset=\"utf-16\"", "text/plain", "text/plain; charset=utf-8",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml",
                "application/jsonx", "garbage")) {
            Answer answer = api.post(VIEWER, type, body);
            RawGraphQl.assertWellFormed(answer, type);
            assertThat(answer.status()).as(type).isEqualTo(415);
            assertThat(answer.json().getString("errors[0].extensions.code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
        for (String type : List.of("application/json", "application/json; charset=UTF-8", "APPLICATION/JSON;CHARSET=utf-8")) {
            assertThat(api.post(VIEWER, type, body).status()).as(type).isEqualTo(200);
        }
        assertThat(api.post(VIEWER, null, body).json().getString("data.__typename")).isEqualTo("Query");
    }

    @Test
    void bodiesOfTheWrongShapeAreBadRequests() {
        for (String body : List.of("{\"query\": 5}", "{\"query\": null}", "{\"query\": \"\"}", "{\"query\": \"  \"}",
                "{", "", "null", "5", "\"{ __typename }\"", "[{\"query\": \"{ __typename }\"}]", "[]",
                "{\"query\": \"{ __typename }\", \"variables\": 5}", "{\"query\": \"{ __typename }\", \"variables\": []}",
                "{\"query\": \"{ __typename }\", \"operationName\": 7}", "{\"query\": \"{ __typename }\", \"extensions\": \"x\"}",
                "{\"query\": \"{ __typename }\"} trailing", "{\"query\": \"{ __typename }\",}", "\u0000\u0001")) {
            Answer answer = api.postJson(VIEWER, body);
            RawGraphQl.assertWellFormed(answer, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.json().getString("errors[0].extensions.code")).as(body).isEqualTo("BAD_REQUEST");
        }
        Answer batch = api.postJson(VIEWER, "[{\"query\": \"{ __typename }\"}]");
        assertThat(batch.json().getString("errors[0].message")).contains("batched");
    }

    @Test
    void errorsGraphQlJavaAndSmallRyeRaiseAreCodedAndReadable() {
        api.postJson(ADMIN, RawGraphQl.query("mutation { trackRepository(owner: \"octo\", name: \"world\") { name } }"));
        expectCode("{ repositories { ", "GRAPHQL_PARSE_FAILED");
        expectCode("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }", "QUERY_TOO_COMPLEX");
        expectCode("{ repositories(first: 2147483648) { totalCount } }", "GRAPHQL_VALIDATION_FAILED");
        expectCode("{ repositories(first: 4294967301) { totalCount } }", "GRAPHQL_VALIDATION_FAILED");
        expectCode("{ repositories(first: 1.5) { totalCount } }", "GRAPHQL_VALIDATION_FAILED");
        expectCode("{ nothing }", "GRAPHQL_VALIDATION_FAILED");

        String invalidDate = "{ repository(owner: \"octo\", name: \"world\") { views(since: \"2023-02-30\") { count } } }";
        Answer date = expectCode(invalidDate, "GRAPHQL_VALIDATION_FAILED");
        assertThat(date.json().getList("errors")).as("one error, not a second about a null").hasSize(1);
        assertThat(date.json().getString("errors[0].message")).contains("since").contains("2023-02-30");

        String variable = "{\"query\": \"query($f: Int) { repositories(first: $f) { totalCount } }\", \"variables\": {\"f\": 2147483648}}";
        Answer outOfRange = api.postJson(VIEWER, variable);
        RawGraphQl.assertWellFormed(outOfRange, variable);
        assertThat(outOfRange.json().getString("errors[0].extensions.code")).isEqualTo("GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void requestsWithoutAValidTokenGetACoded401BeforeTheirBodyIsRead() {
        for (String token : new String[] {null, "wrong"}) {
            Answer answer = api.post(token, "text/plain", "{".getBytes(StandardCharsets.UTF_8));
            RawGraphQl.assertWellFormed(answer, "no token");
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
            assertThat(answer.body()).doesNotContain("wrong");
        }
    }

    @Test
    void anOversizedBodyGetsACoded413() {
        String body = RawGraphQl.query("{ __typename }" + " ".repeat(70_000));
        Answer answer = api.postJson(VIEWER, body);
        RawGraphQl.assertWellFormed(answer, "70 KB");
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().getString("errors[0].extensions.code")).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void otherMethodsAndUnacceptableAnswersAreCoded() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        URI endpoint = URI.create("http://localhost:" + RestAssured.port + "/graphql?query=%7B__typename%7D");
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(endpoint)
                            .header("Authorization", "Bearer " + VIEWER)
                            .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response.statusCode(), response.body());
            RawGraphQl.assertWellFormed(answer, method);
            assertThat(answer.status()).as(method).isEqualTo(405);
            assertThat(answer.json().getString("errors[0].extensions.code")).isEqualTo("METHOD_NOT_ALLOWED");
        }
        java.net.http.HttpResponse<String> html = client.send(java.net.http.HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/graphql"))
                        .header("Authorization", "Bearer " + VIEWER).header("Content-Type", "application/json")
                        .header("Accept", "text/html")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(RawGraphQl.query("{ __typename }"))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        Answer answer = new Answer(html.statusCode(), html.body());
        RawGraphQl.assertWellFormed(answer, "Accept: text/html");
        assertThat(answer.status()).isEqualTo(406);
        assertThat(answer.json().getString("errors[0].extensions.code")).isEqualTo("NOT_ACCEPTABLE");
    }

    private Answer expectCode(String document, String code) {
        Answer answer = api.postJson(VIEWER, RawGraphQl.query(document));
        RawGraphQl.assertWellFormed(answer, document);
        assertThat(answer.json().getString("errors[0].extensions.code")).as(document).isEqualTo(code);
        return answer;
    }
}
