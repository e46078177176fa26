package io.tidemark.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.tidemark.simulator.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * syncRepository answers within TIDEMARK_SYNC_ANSWER_TIMEOUT (here 1 s): a sync that GitHub makes
 * slower gets SYNC_IN_PROGRESS, goes on in the background, and its outcome shows in lastSyncedAt.
 */
@QuarkusTest
@TestProfile(SyncAnswerTimeoutTest.OneSecondAnswer.class)
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class SyncAnswerTimeoutTest {

    public static class OneSecondAnswer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // GitHub's slow answer (3 s) is within the read timeout, so the sync succeeds in the end
            return Map.of("tidemark.sync-answer-timeout", "1s", "tidemark.github.read-timeout", "20s");
        }
    }

    @Test
    void aSyncLongerThanTheAnswerTimeoutAnswersSyncInProgressAndFinishesInTheBackground() {
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }");
        await().atMost(Duration.ofSeconds(30)).until(() -> HistoryScenario.lastSyncedAt("hello") != null);
        Instant firstSync = Instant.parse(HistoryScenario.lastSyncedAt("hello"));

        GitHubSimulatorResource.simulator().faults().injectAll(Fault.slow(Duration.ofSeconds(3)), 1);
        try {
            JsonPath json = Gql.post(GitHubSimulatorResource.ADMIN_TOKEN,
                            "mutation { syncRepository(owner: \"octo\", name: \"hello\") { syncedAt } }")
                    .statusCode(200).extract().jsonPath();

            assertThat(json.getString("errors[0].extensions.code")).isEqualTo("SYNC_IN_PROGRESS");
            assertThat(json.getString("errors[0].message")).contains("background").contains("lastSyncedAt");
            assertThat(json.getString("data")).isNull();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                    () -> Instant.parse(HistoryScenario.lastSyncedAt("hello")).isAfter(firstSync));
            assertThat(Gql.admin("{ repository(owner: \"octo\", name: \"hello\") { lastSyncError } }")
                    .getString("data.repository.lastSyncError")).isNull();
        } finally {
            GitHubSimulatorResource.simulator().faults().clear();
        }
    }
}
