package io.tidemark.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidemark.app.graphql.LimitDocuments;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficBucket;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.storage.PanacheTrafficStore;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default abuse limits at their edges, with no override: 25,000 buckets, depth 8, 400 fields
 * (after fragment expansion), 2,000 tokens and a 64 KB body are served; one more is refused.
 */
@QuarkusTest
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class DefaultLimitsTest {

    private static final String ADMIN = GitHubSimulatorResource.ADMIN_TOKEN;
    private static final int MAX_BODY = 64 * 1024;

    @Inject
    @Named(PanacheTrafficStore.NAME) // the default store; the build has another (MemoryStoreBean)
    TrafficStore store;

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void twentyFiveThousandBucketsAreServedAndOneMoreIsResultTooLarge() {
        RepositoryId id = RepositoryId.of("octo", "long-history");
        LocalDate first = LocalDate.parse("1950-01-02");
        seedDailyViews(id, first, 25_001);
        LocalDate lastServed = first.plusDays(25_000 - 1);

        JsonPath served = Gql.ok(ADMIN, viewsBetween(first, lastServed));
        assertThat(served.getList("data.repository.views.buckets")).hasSize(25_000);
        assertThat(served.getInt("data.repository.views.count")).isEqualTo(25_000);

        JsonPath refused = Gql.post(ADMIN, viewsBetween(first, lastServed.plusDays(1)))
                .statusCode(200).extract().jsonPath();
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("RESULT_TOO_LARGE");
        assertThat(refused.getString("errors[0].message")).contains("more than 25000 traffic buckets");
    }

    private static String viewsBetween(LocalDate since, LocalDate until) {
        return "{ repository(owner: \"octo\", name: \"long-history\") { views(since: \"" + since + "\", until: \""
                + until + "\") { count buckets { count } } } }";
    }

    /** At least {@code days} daily view buckets from {@code first} on, one view each, in 14-day windows. */
    private void seedDailyViews(RepositoryId id, LocalDate first, int days) {
        store.track(id, Instant.now());
        for (LocalDate start = first; start.isBefore(first.plusDays(days)); start = start.plusDays(14)) {
            List<TrafficBucket> buckets = new ArrayList<>();
            for (int day = 0; day < 14; day++) {
                buckets.add(new TrafficBucket(start.plusDays(day), 1, 1));
            }
            // fetched at midnight: the window covers exactly the 14 whole days before
            Instant fetchedAt = start.plusDays(14).atStartOfDay(ZoneOffset.UTC).toInstant();
            store.merge(id, new TrafficWindow(TrafficKind.VIEWS, Granularity.DAY, fetchedAt, 14, 14, buckets).observations());
        }
    }

    @Test
    void aQueryEightDeepIsServedAndNineDeepIsQueryTooComplex() {
        // __type 1, fields 2, type 3, ofType 4..7, name 8
        String eight = "{ __type(name: \"Query\") { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } }";
        assertThat(Gql.ok(ADMIN, eight).getList("data.__type.fields")).isNotEmpty();

        String nine = "{ __type(name: \"Query\") { fields { type { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } }";
        JsonPath refused = Gql.post(ADMIN, nine).statusCode(200).extract().jsonPath();
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(refused.getString("errors[0].message")).contains("9 fields deep").contains("8");
        assertThat(refused.getString("data")).isNull();
    }

    @Test
    void fourHundredFieldsAreServedAndFourHundredAndOneAreQueryTooComplex() {
        assertThat(Gql.ok(ADMIN, LimitDocuments.aliases(400)).getString("data.a399")).isEqualTo("Query");

        JsonPath refused = Gql.post(ADMIN, LimitDocuments.aliases(401)).statusCode(200).extract().jsonPath();
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(refused.getString("errors[0].message")).contains("401 fields").contains("400");
        assertThat(refused.getString("data")).isNull();
    }

    @Test
    void fieldsAreCountedAfterFragmentExpansion() {
        // a fragment of 20 fields spread 20 times selects 400 fields
        StringBuilder fragment = new StringBuilder(" fragment F on Query {");
        for (int i = 0; i < 20; i++) {
            fragment.append(" f").append(i).append(": __typename");
        }
        fragment.append(" }");
        String twentySpreads = " ...F".repeat(20);
        assertThat(Gql.ok(ADMIN, "{" + twentySpreads + " }" + fragment).getString("data.f19")).isEqualTo("Query");

        JsonPath refused = Gql.post(ADMIN, "{" + twentySpreads + " __typename }" + fragment)
                .statusCode(200).extract().jsonPath();
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(refused.getString("errors[0].message")).contains("401 fields");
    }

    @Test
    void twoThousandTokensAreServedAndTwoThousandAndOneAreQueryTooComplex() {
        JsonPath served = Gql.ok(ADMIN, documentOfTokens(2000));
        assertThat(served.getMap("data")).isNotEmpty();

        JsonPath refused = Gql.post(ADMIN, documentOfTokens(2001)).statusCode(200).extract().jsonPath();
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(refused.getString("errors[0].message")).contains("2000 tokens");
        assertThat(refused.getString("data")).isNull();
    }

    /**
     * A valid document of exactly {@code tokens} tokens as GraphQL counts them (punctuators,
     * names and values; commas and white space are not tokens), with fewer than 400 fields.
     */
    static String documentOfTokens(int tokens) {
        int rest = tokens - 2; // { and }
        StringBuilder query = new StringBuilder("{");
        int i = 0;
        // r0 : repository ( owner : "octo" , name : "hello" ) { name } = 14 tokens, 2 fields
        for (; rest >= 14; rest -= 14) {
            query.append(" r").append(i++).append(": repository(owner: \"octo\", name: \"hello\") { name }");
        }
        for (; rest >= 3; rest -= 3) {
            query.append(" t").append(i++).append(": __typename");
        }
        for (; rest > 0; rest--) {
            query.append(" __typename");
        }
        return query.append(" }").toString();
    }

    @Test
    void aBodyOfSixtyFourKilobytesIsServedAndOneByteMoreIsPayloadTooLarge() {
        byte[] exactly = bodyOfBytes(MAX_BODY);
        assertThat(given().contentType("application/json").auth().oauth2(ADMIN).body(exactly)
                .post("/graphql").then().statusCode(200).extract().jsonPath().getString("data.__typename"))
                .isEqualTo("Query");

        JsonPath refused = given().contentType("application/json").auth().oauth2(ADMIN).body(bodyOfBytes(MAX_BODY + 1))
                .post("/graphql").then().statusCode(413).extract().jsonPath();
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aChunkedBodyHasTheSameLimit() throws Exception {
        HttpResponse<String> served = postChunked(bodyOfBytes(MAX_BODY));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(JsonPath.from(served.body()).getString("data.__typename")).isEqualTo("Query");

        HttpResponse<String> refused = postChunked(bodyOfBytes(MAX_BODY + 1));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(JsonPath.from(refused.body()).getString("errors[0].extensions.code")).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    /** A request for {@code { __typename }}, padded with JSON white space to exactly {@code size} bytes. */
    private static byte[] bodyOfBytes(int size) {
        String json = "{\"query\": \"{ __typename }\"}";
        byte[] body = (json + " ".repeat(size - json.length())).getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(size);
        return body;
    }

    /** Posts without a Content-Length: HTTP/1.1 chunked transfer encoding. */
    private HttpResponse<String> postChunked(byte[] body) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(graphql)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ADMIN)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
