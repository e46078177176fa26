package io.tidemark.app;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tidemark.simulator.GitHubSimulator;
import io.tidemark.simulator.Permission;
import io.tidemark.simulator.TrafficModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Starts the GitHub simulator on a loopback port as Tidemark's GitHub, and points the application
 * at it with an in-memory H2 database. Tests drive the simulator through {@link #simulator()}.
 */
public class GitHubSimulatorResource implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_TOKEN = "admin-test-token";
    public static final String VIEWER_TOKEN = "viewer-test-token";
    public static final String GITHUB_TOKEN = "fake-gh-simulatedTokenThatMustNeverBeLogged0123";
    public static final Instant START = Instant.parse("2024-03-01T10:00:00Z");

    private static volatile GitHubSimulator simulator;

    public static GitHubSimulator simulator() {
        return simulator;
    }

    @Override
    public Map<String, String> start() {
        simulator = GitHubSimulator.builder()
                .seed(7)
                .now(START)
                .organization("octo")
                .repository("octo", "hello", TrafficModel.generated(
                        "octo/hello", 11, LocalDate.parse("2024-01-01"), LocalDate.parse("2024-08-01"), 60))
                .repository("octo", "world", TrafficModel.generated(
                        "octo/world", 12, LocalDate.parse("2024-01-01"), LocalDate.parse("2024-08-01"), 25))
                .repository("octo", "readonly", TrafficModel.generated(
                        "octo/readonly", 13, LocalDate.parse("2024-01-01"), LocalDate.parse("2024-08-01"), 5))
                .token(GITHUB_TOKEN, Permission.PUSH, "octo/*")
                .token(GITHUB_TOKEN, Permission.PULL, "octo/readonly")
                .start();
        return Map.of(
                "tidemark.github.api-url", simulator.baseUrl(),
                "tidemark.github.retry.delay", "10ms",
                "tidemark.github.retry.max-delay", "50ms",
                "tidemark.github.token", GITHUB_TOKEN,
                "tidemark.admin-token", ADMIN_TOKEN,
                "tidemark.viewer-token", VIEWER_TOKEN,
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:tidemark-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "quarkus.scheduler.enabled", "false");
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }
}
