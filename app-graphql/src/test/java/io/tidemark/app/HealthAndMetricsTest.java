package io.tidemark.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncStatus;
import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.storage.PanacheTrafficStore;
import io.tidemark.simulator.EndpointKind;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What operators watch: /q/health and tidemark_repositories_stale report the same stale
 * repositories, the sync and GitHub request counters count what happened, and no metric tag names
 * a Java class.
 */
@QuarkusTest
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class HealthAndMetricsTest {

    private static final Pattern TAG = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Inject
    @Named(PanacheTrafficStore.NAME) // the default store; the build has another (MemoryStoreBean)
    TrafficStore store;

    @Inject
    MeterRegistry registry;

    @Test
    void aRepositoryNotSyncedForMoreThanTenDaysIsStaleInTheHealthCheckAndTheMetricAlike() {
        Instant now = Instant.now();
        RepositoryId forgotten = RepositoryId.of("octo", "forgotten");
        store.track(forgotten, now.minus(Duration.ofDays(11)));
        RepositoryId fresh = RepositoryId.of("octo", "fresh");
        store.track(fresh, now.minus(Duration.ofDays(11)));
        Instant yesterday = now.minus(Duration.ofDays(1));
        store.recordSync(fresh, new SyncStatus(yesterday, yesterday, null, now.plus(Duration.ofHours(6))));
        RepositoryId failingForAWhile = RepositoryId.of("octo", "failing-for-a-while");
        store.track(failingForAWhile, now.minus(Duration.ofDays(30)));
        Instant nineDaysAgo = now.minus(Duration.ofDays(9));
        store.recordSync(failingForAWhile, new SyncStatus(nineDaysAgo, yesterday, "GitHub failed to answer", now));
        store.track(RepositoryId.of("octo", "just-tracked"), now);
        RepositoryId untracked = RepositoryId.of("octo", "untracked-long-ago");
        store.track(untracked, now.minus(Duration.ofDays(40)));
        store.untrack(untracked);

        JsonPath health = given().get("/q/health").then().statusCode(503).extract().jsonPath();
        Map<String, Object> check = health.getMap("checks.find { it.name == 'tidemark-sync-freshness' }");
        assertThat(check).as("the freshness check in %s", health.prettify()).isNotNull().containsEntry("status", "DOWN");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) check.get("data");
        assertThat(data).containsEntry("stale", 1).containsEntry("staleRepositories", "octo/forgotten");
        assertThat(metric("tidemark_repositories_stale")).isEqualTo(1.0);

        Instant twoDaysAgo = now.minus(Duration.ofDays(2));
        store.recordSync(forgotten, new SyncStatus(twoDaysAgo, twoDaysAgo, null, now));
        JsonPath healthy = given().get("/q/health").then().statusCode(200).extract().jsonPath();
        assertThat(healthy.getInt("checks.find { it.name == 'tidemark-sync-freshness' }.data.stale")).isZero();
        assertThat(metric("tidemark_repositories_stale")).isEqualTo(0.0);
    }

    @Test
    void aSyncCountsOneSyncedAndTheViewsRequestsGitHubAnswered() {
        RepositoryId world = RepositoryId.of("octo", "world");
        store.track(world, Instant.now()); // no background sync: only the one below runs
        String synced = "tidemark_syncs_total{outcome=\"synced\"}";
        String views200 = "tidemark_github_requests_total{endpoint=\"views\",status=\"200\"}";
        double syncedBefore = metric(synced);
        double views200Before = metric(views200);
        long gitHubViews200Before = GitHubSimulatorResource.simulator().requests().count(EndpointKind.VIEWS, 200);

        Gql.admin("mutation { syncRepository(owner: \"octo\", name: \"world\") { syncedAt } }");

        long gitHubViews200 = GitHubSimulatorResource.simulator().requests().count(EndpointKind.VIEWS, 200)
                - gitHubViews200Before;
        assertThat(gitHubViews200).as("a first sync asks for views per day and per week").isEqualTo(2L);
        assertThat(metric(synced) - syncedBefore).isEqualTo(1.0);
        assertThat(metric(views200) - views200Before).isEqualTo(gitHubViews200);
    }

    @Test
    void aTagNamingAnExceptionClassIsReportedAsAKindOfFailure() {
        registry.counter("tidemark.test.failures", "exception", "io.netty.channel.ConnectTimeoutException").increment();
        registry.counter("tidemark.test.failures", "exception", "java.net.ConnectException").increment();
        registry.counter("tidemark.test.failures", "exception", "IllegalStateException").increment();

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metric(metrics, "tidemark_test_failures_total{exception=\"timeout\"}")).isEqualTo(1.0);
        assertThat(metric(metrics, "tidemark_test_failures_total{exception=\"connection\"}")).isEqualTo(1.0);
        assertThat(metric(metrics, "tidemark_test_failures_total{exception=\"other\"}")).isEqualTo(1.0);
        List<String> tagValues = new ArrayList<>();
        metrics.lines().filter(line -> !line.startsWith("#") && line.contains("{")).forEach(line -> {
            Matcher tag = TAG.matcher(line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1));
            while (tag.find()) {
                tagValues.add(tag.group(1) + "=" + tag.group(2));
            }
        });
        assertThat(tagValues).as("tag values").isNotEmpty()
                .noneMatch(value -> value.contains("io_netty") || value.contains("io.netty"))
                .noneMatch(value -> value.contains("Exception"));
    }

    /** The value of a series of /q/metrics: its name with its exact tags, or 0 when absent. */
    private static double metric(String series) {
        return metric(given().get("/q/metrics").then().statusCode(200).extract().asString(), series);
    }

    private static double metric(String metrics, String series) {
        return metrics.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0.0);
    }
}
