package io.tidemark.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidemark.simulator.GitHubSimulator;
import io.tidemark.simulator.GroundTruth;
import io.tidemark.simulator.RepositoryActivity;
import io.tidemark.simulator.RepositoryCounters;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Counters and release downloads over five simulated weeks, synced about once a day with pauses of
 * several days: every day synced has the simulator's counters of the moment of the sync, days not
 * synced are absent, and each release's downloads per day are the growth of its assets between
 * consecutive days it was seen, on the later day, computed here from the simulator's ground truth
 * (per asset id: a new or replaced asset adds nothing on its first day, a counter never goes below
 * its previous sighting). Expected values never come from Tidemark's code.
 */
@QuarkusTest
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class StatsOverWeeksTest {

    @Test
    void countersAndDownloadsOverWeeksAreWhatGitHubShowedOnTheDaysItWasAsked() {
        GitHubSimulator simulator = GitHubSimulatorResource.simulator();
        GroundTruth truth = simulator.groundTruth("octo", "hello");
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }");
        Map<LocalDate, Instant> synced = new TreeMap<>();
        int[] stepsInHours = new int[36];
        for (int i = 0; i < stepsInHours.length; i++) {
            stepsInHours[i] = i == 10 ? 24 * 4 + 3 : i == 22 ? 24 * 6 + 1 : 24 + (i % 3) - 1; // two pauses
        }
        for (int i = 0; i <= stepsInHours.length; i++) {
            Gql.admin("mutation { syncRepository(owner: \"octo\", name: \"hello\") { syncedAt } }");
            Instant at = simulator.clock().now();
            synced.putIfAbsent(LocalDate.ofInstant(at, ZoneOffset.UTC), at);
            if (i < stepsInHours.length) {
                simulator.clock().advanceHours(stepsInHours[i]);
            }
        }
        assertThat(synced).hasSizeGreaterThan(25);

        JsonPath served = Gql.admin("{ repository(owner: \"octo\", name: \"hello\") {"
                + " stats { date stars forks watchers openIssues }"
                + " releases(first: 100) { tagName downloadCount downloads { date count } } } }");

        // Counters: the moment of the day's (first, and only counted) sync.
        Map<String, String> expectedStats = new LinkedHashMap<>();
        synced.forEach((day, at) -> {
            RepositoryCounters counters = truth.counters(at);
            expectedStats.put(day.toString(), counters.stars() + " " + counters.forks() + " " + counters.watchers() + " "
                    + counters.openIssues());
        });
        Map<String, String> servedStats = new LinkedHashMap<>();
        for (Map<String, Object> day : served.<Map<String, Object>>getList("data.repository.stats")) {
            servedStats.put((String) day.get("date"), day.get("stars") + " " + day.get("forks") + " " + day.get("watchers")
                    + " " + day.get("openIssues"));
        }
        assertThat(servedStats).isEqualTo(expectedStats);

        // Downloads per day, per release, from the ground truth at each day's sync.
        Instant last = simulator.clock().now();
        Map<String, List<String>> expectedDownloads = new TreeMap<>();
        Map<String, Long> expectedTotals = new TreeMap<>();
        for (RepositoryActivity.Release release : truth.releases(last)) {
            List<String> perDay = new ArrayList<>();
            Instant previous = null;
            for (Map.Entry<LocalDate, Instant> day : synced.entrySet()) {
                Instant at = day.getValue();
                if (release.publishedAt().isAfter(at)) {
                    continue;
                }
                if (previous != null) {
                    long growth = 0;
                    for (RepositoryActivity.Asset asset : release.assetsAt(at)) {
                        if (asset.presentAt(previous)) {
                            growth += Math.max(0, asset.downloadCount(at) - asset.downloadCount(previous));
                        }
                    }
                    perDay.add(day.getKey() + "=" + growth);
                }
                previous = at;
            }
            expectedDownloads.put(release.tagName(), perDay);
            expectedTotals.put(release.tagName(), release.assetsAt(synced.values().stream().reduce((a, b) -> b).orElseThrow())
                    .stream().mapToLong(asset -> asset.downloadCount(synced.values().stream().reduce((a, b) -> b).orElseThrow())).sum());
        }
        assertThat(expectedDownloads).as("the simulated repository has releases").isNotEmpty();
        Map<String, List<String>> servedDownloads = new TreeMap<>();
        Map<String, Long> servedTotals = new TreeMap<>();
        for (Map<String, Object> release : served.<Map<String, Object>>getList("data.repository.releases")) {
            List<String> perDay = new ArrayList<>();
            for (Map<String, Object> day : (List<Map<String, Object>>) release.get("downloads")) {
                perDay.add(day.get("date") + "=" + day.get("count"));
            }
            servedDownloads.put((String) release.get("tagName"), perDay);
            servedTotals.put((String) release.get("tagName"), ((Number) release.get("downloadCount")).longValue());
        }
        assertThat(servedDownloads).isEqualTo(expectedDownloads);
        assertThat(servedTotals).isEqualTo(expectedTotals);
    }
}
