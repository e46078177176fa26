package io.tidemark.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidemark.simulator.GitHubSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same scenario as {@link TrafficHistoryScenario}, driven by the scheduler alone, with GitHub's
 * rate limit running out again and again: the scheduler pauses until each reset, resumes, and the
 * kept history ends exactly as complete as if the budget had never run out.
 */
@QuarkusTest
@QuarkusTestResource(value = ScheduledSyncResource.class, restrictToAnnotatedClass = true)
class ScheduledSyncTest {

    @Test
    void theSchedulerKeepsTheHistoryCompleteThroughRateLimits() {
        GitHubSimulator simulator = GitHubSimulatorResource.simulator();
        simulator.rateLimit().setWindow(Duration.ofSeconds(2));
        List<Instant> fetches = new ArrayList<>();

        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }");
        fetches.add(simulator.clock().now());
        awaitTwoSyncsAfter(Instant.now());

        Instant now = simulator.clock().now();
        int[] steps = HistoryScenario.stepsInDays();
        for (int i = 0; i < steps.length; i++) {
            now = HistoryScenario.next(now, steps[i], i);
            // A budget too small for one sync, from the middle on for a while: every sync there
            // runs out part-way and has to wait for the reset.
            simulator.rateLimit().setBudget(i >= 10 && i < 16 ? 5 : 5000);
            Instant changed = Instant.now();
            simulator.clock().set(now);
            fetches.add(now);
            awaitTwoSyncsAfter(changed);
        }

        assertThat(rateLimitedSyncs()).as("syncs that ran out of rate limit during the run").isPositive();
        HistoryScenario.assertHistoryIsWhatGitHubShowed(simulator.groundTruth("octo", "hello"), fetches);
    }

    private static double rateLimitedSyncs() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("tidemark_syncs_total{") && line.contains("outcome=\"rate_limited\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Waits until a whole sync started and ended after {@code after}: two successes after it. */
    private static void awaitTwoSyncsAfter(Instant after) {
        Instant first = awaitSyncAfter(after);
        awaitSyncAfter(first);
    }

    private static Instant awaitSyncAfter(Instant after) {
        Instant[] seen = new Instant[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String last = HistoryScenario.lastSyncedAt("hello");
            if (last != null && Instant.parse(last).isAfter(after)) {
                seen[0] = Instant.parse(last);
                return true;
            }
            return false;
        });
        return seen[0];
    }
}
