package io.tidemark.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A source name that no bean has stops the start with a message that names the available
 * sources, not a stack trace (the whole start runs, as {@code bin/tidemark} runs it).
 */
@QuarkusMainTest
@TestProfile(UnknownSourceStartTest.UnknownSource.class)
class UnknownSourceStartTest {

    public static class UnknownSource implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tidemark.sources", "github,gitlab",
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:unknown-source;DB_CLOSE_DELAY=-1",
                    "quarkus.scheduler.enabled", "false");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void theStartFailsNamingTheAvailableSources(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("tidemark.sources (TIDEMARK_SOURCES) names 'gitlab', but no"
                + " TrafficSource of that name is in this build; available: fixture, github")
                .doesNotContain("\tat ", "Exception");
    }
}
