package io.tidemark.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidemark.simulator.EndpointKind;
import io.tidemark.simulator.Fault;
import io.tidemark.simulator.GitHubSimulator;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One failed answer costs only itself, against the simulator: a persistent failure of one
 * endpoint, or an unusable answer for one window, costs that part of the sync and nothing else.
 * The parts that arrived are kept and served; the sync answers {@code UPSTREAM_ERROR} naming the
 * failed parts, {@code lastSyncError} names them too, and {@code lastSyncedAt} is not advanced.
 */
@QuarkusTest
@QuarkusTestResource(value = FailureIsolationTest.Simulator.class, restrictToAnnotatedClass = true)
class FailureIsolationTest {

    /** The simulator as GitHub; its own class so that this test runs on a fresh application and database. */
    public static class Simulator extends GitHubSimulatorResource {}

    /** More faults than any sync can use up with its retries: the failure lasts until cleared. */
    private static final int PERSISTENT = 1_000;

    private static final String REPOSITORY = "{ repository(owner: \"octo\", name: \"%s\") { lastSyncedAt lastSyncError"
            + " viewsPerDay: views(per: DAY) { buckets { timestamp } }"
            + " viewsPerWeek: views(per: WEEK) { buckets { timestamp } }"
            + " clonesPerDay: clones(per: DAY) { buckets { timestamp } }"
            + " clonesPerWeek: clones(per: WEEK) { buckets { timestamp } }"
            + " topReferrers { referrer } topPaths { path } } }";

    private static GitHubSimulator simulator() {
        return GitHubSimulatorResource.simulator();
    }

    @AfterEach
    void clearFaults() {
        simulator().faults().clear();
    }

    @Test
    void aPersistent502OnTheClonesCostsTheClonesOnly() {
        simulator().faults().inject(EndpointKind.CLONES, Fault.serverError(502), PERSISTENT);

        JsonPath first = trackAndAwaitTheFirstSync("hello");

        assertThat(buckets(first, "viewsPerDay")).hasSize(15);
        assertThat(buckets(first, "viewsPerWeek")).isNotEmpty();
        assertThat(first.getList("topReferrers")).as("fetched after the failed clones, and kept").isNotEmpty();
        assertThat(first.getList("topPaths")).isNotEmpty();
        assertThat(buckets(first, "clonesPerDay")).isEmpty();
        assertThat(buckets(first, "clonesPerWeek")).isEmpty();
        assertThat(first.getString("lastSyncedAt")).as("a partial sync is not a success").isNull();
        assertThat(first.getString("lastSyncError"))
                .contains("clones per day failed: GET /repos/octo/hello/traffic/clones?per=day failed on GitHub's side"
                        + " (HTTP 502: Server Error) (gave up after 4 attempts)")
                .contains("clones per week failed: GET /repos/octo/hello/traffic/clones?per=week")
                .doesNotContain("views", "referrers", "paths", "Exception");

        JsonPath answer = syncRepository("hello");
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("UPSTREAM_ERROR");
        assertThat(answer.getString("errors[0].message"))
                .contains("kept views per day, views per week, top referrers and popular paths")
                .contains("not kept: clones per day failed:", "clones per week failed:", "HTTP 502")
                .doesNotContain("Exception", "io.tidemark");
        assertThat(answer.getString("data")).isNull();
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tidemark_syncs_total{outcome=\"partial\"}"));

        simulator().faults().clear();
        JsonPath synced = Gql.admin("mutation { syncRepository(owner: \"octo\", name: \"hello\") { syncedAt } }");
        Instant syncedAt = Instant.parse(synced.getString("data.syncRepository.syncedAt"));
        JsonPath healed = repository("hello");
        assertThat(healed.getString("lastSyncError")).isNull();
        assertThat(Duration.between(Instant.parse(healed.getString("lastSyncedAt")), syncedAt))
                .as("the full sync advanced lastSyncedAt (kept to the microsecond)").isLessThan(Duration.ofMillis(1));
        assertThat(buckets(healed, "clonesPerDay")).hasSize(15);
        assertThat(buckets(healed, "clonesPerWeek")).isNotEmpty();
    }

    @Test
    void aWeeklyAnswerWithDailyBucketsCostsTheWeekWindowsOnlyAndIsNeverMergedAsWeeks() {
        simulator().faults().inject(EndpointKind.VIEWS, Fault.dailyBucketsForWeeks(), PERSISTENT);
        simulator().faults().inject(EndpointKind.CLONES, Fault.dailyBucketsForWeeks(), PERSISTENT);

        JsonPath first = trackAndAwaitTheFirstSync("world");

        assertThat(buckets(first, "viewsPerDay")).hasSize(15);
        assertThat(buckets(first, "clonesPerDay")).as("fetched after the failed weekly views, and kept").hasSize(15);
        assertThat(first.getList("topReferrers")).isNotEmpty();
        assertThat(first.getList("topPaths")).isNotEmpty();
        assertThat(buckets(first, "viewsPerWeek")).as("daily figures are never kept as weeks").isEmpty();
        assertThat(buckets(first, "clonesPerWeek")).isEmpty();
        assertThat(first.getString("lastSyncedAt")).isNull();
        assertThat(first.getString("lastSyncError"))
                .contains("views per week failed: GET /repos/octo/world/traffic/views?per=week: GitHub's answer"
                        + " (HTTP 200) is unusable: week bucket")
                .contains("does not start on a Monday")
                .contains("clones per week failed: GET /repos/octo/world/traffic/clones?per=week")
                .doesNotContain("per day", "referrers", "paths");

        JsonPath answer = syncRepository("world");
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("UPSTREAM_ERROR");
        assertThat(answer.getString("errors[0].message"))
                .contains("kept views per day, clones per day, top referrers and popular paths")
                .contains("views per week failed:", "clones per week failed:", "does not start on a Monday");

        simulator().faults().clear();
        Gql.admin("mutation { syncRepository(owner: \"octo\", name: \"world\") { syncedAt } }");
        JsonPath healed = repository("world");
        assertThat(healed.getString("lastSyncError")).isNull();
        assertThat(healed.getString("lastSyncedAt")).isNotNull();
        assertThat(buckets(healed, "viewsPerWeek")).isNotEmpty().allSatisfy(bucket -> assertThat(
                Instant.parse(bucket.get("timestamp").toString()).atZone(ZoneOffset.UTC).getDayOfWeek())
                .isEqualTo(DayOfWeek.MONDAY));
    }

    /** Tracks a repository and waits for the sync that tracking starts in the background; its state then. */
    private static JsonPath trackAndAwaitTheFirstSync(String name) {
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"" + name + "\") { name } }");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> repository(name).getString("lastSyncError") != null);
        return repository(name);
    }

    private static JsonPath syncRepository(String name) {
        return Gql.post(GitHubSimulatorResource.ADMIN_TOKEN,
                        "mutation { syncRepository(owner: \"octo\", name: \"" + name + "\") { syncedAt } }")
                .statusCode(200).extract().jsonPath();
    }

    private static JsonPath repository(String name) {
        return Gql.admin(String.format(REPOSITORY, name)).setRootPath("data.repository");
    }

    private static List<Map<String, Object>> buckets(JsonPath repository, String series) {
        return repository.getList(series + ".buckets");
    }
}
