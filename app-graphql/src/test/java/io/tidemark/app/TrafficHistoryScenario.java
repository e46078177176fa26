package io.tidemark.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tidemark.simulator.GitHubSimulator;
import io.tidemark.simulator.TrafficKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The product's promise end to end: Tidemark syncs a repository from the GitHub simulator day by
 * day over more than 60 simulated days, with a pause of 12 days and one of 20, and the history it
 * serves over GraphQL is exactly what GitHub showed: the simulator's ground truth for every bucket
 * GitHub showed whole, the largest part shown for the others (marked incomplete), and nothing for
 * the days no window covered. Run on H2 in-process, on PostgreSQL, and against the packaged app.
 */
abstract class TrafficHistoryScenario {

    @Test
    void theKeptHistoryIsExactlyWhatGitHubShowed() {
        GitHubSimulator simulator = GitHubSimulatorResource.simulator();
        List<Instant> fetches = new ArrayList<>();

        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }");
        await().atMost(Duration.ofSeconds(30)).until(() -> HistoryScenario.lastSyncedAt("hello") != null);
        fetches.add(simulator.clock().now());

        Instant now = simulator.clock().now();
        Map<LocalDate, String> referrersByDay = new TreeMap<>();
        int[] steps = HistoryScenario.stepsInDays();
        for (int i = 0; i < steps.length; i++) {
            now = HistoryScenario.next(now, steps[i], i);
            simulator.clock().set(now);
            Gql.admin("mutation { syncRepository(owner: \"octo\", name: \"hello\") { syncedAt } }");
            fetches.add(now);
            if (i % 9 == 0) {
                referrersByDay.put(LocalDate.ofInstant(now, ZoneOffset.UTC), referrersAtGitHubNow(simulator));
            }
        }
        assertThat(Duration.between(fetches.get(0), now).toDays()).isGreaterThanOrEqualTo(60);

        HistoryScenario.assertHistoryIsWhatGitHubShowed(simulator.groundTruth("octo", "hello"), fetches);

        LocalDate insideTheLongPause = LocalDate.ofInstant(
                fetches.get(HistoryScenario.gapIndex(20)), ZoneOffset.UTC).plusDays(3);
        assertThat(HistoryScenario.served(TrafficKind.VIEWS, "DAY")).doesNotContainKey(insideTheLongPause);

        referrersByDay.forEach((day, atGitHub) -> {
            String kept = Gql.admin("{ repository(owner: \"octo\", name: \"hello\") { topReferrers(at: \"" + day
                    + "\") { referrer count uniques } } }").getString("data.repository.topReferrers");
            assertThat(kept).as("referrers of %s", day).isEqualTo(atGitHub);
        });
    }

    private static String referrersAtGitHubNow(GitHubSimulator simulator) {
        return given().baseUri(simulator.baseUrl())
                .header("Authorization", "Bearer " + GitHubSimulatorResource.GITHUB_TOKEN)
                .get("/repos/octo/hello/traffic/popular/referrers")
                .then().statusCode(200).extract().jsonPath().getString("");
    }
}
