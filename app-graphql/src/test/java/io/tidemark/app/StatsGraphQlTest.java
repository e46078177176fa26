package io.tidemark.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.tidemark.core.model.Release;
import io.tidemark.core.model.ReleaseAsset;
import io.tidemark.core.model.ReleaseList;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.RepositoryStats;
import io.tidemark.core.port.out.RepositoryStatsStore;
import io.tidemark.core.port.out.TrafficStore;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code Repository.stats}, {@code Repository.releases} and {@code Release.downloads} over the
 * application's store, as the contract (version 2) describes them; here with a result budget of
 * 12 entries, so that the budget is seen to count counter days and download days.
 */
@QuarkusTest
@TestProfile(StatsGraphQlTest.TwelveEntries.class)
class StatsGraphQlTest {

    public static class TwelveEntries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tidemark.graphql.max-buckets", "12",
                    "tidemark.admin-token", GitHubSimulatorResource.ADMIN_TOKEN);
        }
    }

    @Inject
    @Named("jpa")
    TrafficStore store;

    private RepositoryStatsStore stats() {
        return (RepositoryStatsStore) store;
    }

    private RepositoryId tracked(String name) {
        RepositoryId id = RepositoryId.of("stats", name);
        store.deleteHistory(id);
        store.track(id, Instant.parse("2024-01-01T00:00:00Z"));
        store.untrack(id); // kept, never synced by the scheduler
        return id;
    }

    @Test
    void countersPerDayOldestFirstWithNullWhereNotSeen() {
        RepositoryId id = tracked("counters");
        stats().saveStats(id, new RepositoryStats(day("2024-03-01"), 10, 2, 3, 4), at("2024-03-01T10:00:00Z"));
        stats().saveStats(id, new RepositoryStats(day("2024-03-03"), 9, 2, null, 5), at("2024-03-03T10:00:00Z"));
        stats().saveStats(id, new RepositoryStats(day("2024-03-04"), 12, 3, 3, 1), at("2024-03-04T10:00:00Z"));

        JsonPath json = Gql.admin("{ repository(owner: \"stats\", name: \"counters\") {"
                + " all: stats { date stars forks watchers openIssues }"
                + " some: stats(since: \"2024-03-02\", until: \"2024-03-03\") { date stars watchers } } }");

        assertThat(json.getList("data.repository.all.date")).containsExactly("2024-03-01", "2024-03-03", "2024-03-04");
        assertThat(json.getList("data.repository.all.stars")).containsExactly(10, 9, 12);
        assertThat(json.getList("data.repository.all.watchers")).containsExactly(3, null, 3);
        assertThat(json.getList("data.repository.some.date")).containsExactly("2024-03-03");
        assertThat(json.getList("data.repository.some.watchers")).containsExactly((Object) null);
    }

    @Test
    void releasesNewestFirstWithDownloadsPerDay() {
        RepositoryId id = tracked("releases");
        stats().saveReleases(id, list("2024-03-01T10:00:00Z", release("v1.0", "2024-02-01T00:00:00Z", asset(1, 100))));
        // 2 March not seen
        stats().saveReleases(id, list("2024-03-03T10:00:00Z", release("v1.0", "2024-02-01T00:00:00Z", asset(1, 160)),
                release("v1.1", "2024-03-02T00:00:00Z", asset(2, 7))));
        // v1.0's asset replaced
        stats().saveReleases(id, list("2024-03-04T10:00:00Z", release("v1.0", "2024-02-01T00:00:00Z", asset(3, 4)),
                release("v1.1", "2024-03-02T00:00:00Z", asset(2, 9))));

        JsonPath json = Gql.admin("{ repository(owner: \"stats\", name: \"releases\") {"
                + " releases { tagName name publishedAt downloadCount downloads { date count }"
                + " late: downloads(since: \"2024-03-04\") { date count } }"
                + " one: releases(first: 1) { tagName } } }");

        assertThat(json.getList("data.repository.releases.tagName")).containsExactly("v1.1", "v1.0");
        assertThat(json.getList("data.repository.releases.publishedAt"))
                .containsExactly("2024-03-02T00:00:00Z", "2024-02-01T00:00:00Z");
        assertThat(json.getList("data.repository.releases.downloadCount")).containsExactly(9, 4);
        assertThat(json.getList("data.repository.releases[1].downloads.date"))
                .as("the first day seen is the baseline; 2 March was not seen; 4 March, the replacement, adds nothing")
                .containsExactly("2024-03-03", "2024-03-04");
        assertThat(json.getList("data.repository.releases[1].downloads.count")).containsExactly(60, 0);
        assertThat(json.getList("data.repository.releases[0].late.count")).containsExactly(2);
        assertThat(json.getList("data.repository.one.tagName")).containsExactly("v1.1");
    }

    @Test
    void firstOutsideOneToAHundredIsAnInvalidArgument() {
        tracked("first");

        assertThat(Gql.errorCode(GitHubSimulatorResource.ADMIN_TOKEN,
                "{ repository(owner: \"stats\", name: \"first\") { releases(first: 0) { tagName } } }"))
                .isEqualTo("INVALID_ARGUMENT");
        assertThat(Gql.errorCode(GitHubSimulatorResource.ADMIN_TOKEN,
                "{ repository(owner: \"stats\", name: \"first\") { releases(first: 101) { tagName } } }"))
                .isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void counterDaysCountAgainstTheResultBudget() {
        RepositoryId id = tracked("budget");
        for (int d = 1; d <= 10; d++) {
            LocalDate day = day("2024-03-01").plusDays(d);
            stats().saveStats(id, new RepositoryStats(day, d, 1, 1, 1), day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        }

        JsonPath within = Gql.admin("{ repository(owner: \"stats\", name: \"budget\") { stats { stars } } }");
        JsonPath beyond = Gql.post(GitHubSimulatorResource.ADMIN_TOKEN,
                "{ repository(owner: \"stats\", name: \"budget\") { a: stats { stars } b: stats { stars } } }")
                .statusCode(200).extract().jsonPath();

        assertThat(within.getList("data.repository.stats")).hasSize(10);
        assertThat(beyond.getString("errors[0].extensions.code")).isEqualTo("RESULT_TOO_LARGE");
    }

    private static ReleaseList list(String fetchedAt, Release... releases) {
        return new ReleaseList(at(fetchedAt), List.of(releases));
    }

    private static Release release(String tag, String publishedAt, ReleaseAsset... assets) {
        return new Release(tag, "Release " + tag, at(publishedAt), List.of(assets));
    }

    private static ReleaseAsset asset(long id, int downloads) {
        return new ReleaseAsset(id, "tool-" + id + ".zip", downloads);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static LocalDate day(String day) {
        return LocalDate.parse(day);
    }
}
