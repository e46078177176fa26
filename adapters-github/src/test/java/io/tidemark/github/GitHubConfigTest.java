package io.tidemark.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration mapping with the config source the library ships
 * (META-INF/microprofile-config.properties), outside Quarkus: defaults, environment variable
 * names and the GITHUB_TOKEN fallback.
 */
class GitHubConfigTest {

    @Test
    void defaults() throws IOException {
        GitHubConfig config = config(Map.of());

        assertThat(config.apiUrl()).isEqualTo(URI.create("https://api.github.com"));
        assertThat(config.token()).isEmpty();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.concurrency()).isEqualTo(1);
        assertThat(config.etagCacheSize()).isEqualTo(8000);
        assertThat(config.userAgent()).isEmpty();
        assertThat(config.rateLimit().reserve()).isEqualTo(50);
        assertThat(config.rateLimit().secondaryBackoff()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.rateLimit().secondaryBackoffMax()).isEqualTo(Duration.ofHours(1));
        assertThat(config.retry().maxRetries()).isEqualTo(3);
        assertThat(config.retry().delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.retry().maxDelay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void environmentVariables() throws IOException {
        GitHubConfig config = config(Map.of(
                "TIDEMARK_GITHUB_API_URL", "https://api.example.ghe.com",
                "TIDEMARK_GITHUB_TOKEN", "env-token",
                "TIDEMARK_GITHUB_RATE_LIMIT_RESERVE", "200",
                "TIDEMARK_GITHUB_RETRY_MAX_RETRIES", "5",
                "TIDEMARK_GITHUB_READ_TIMEOUT", "PT45S",
                "GITHUB_TOKEN", "actions-token"));

        assertThat(config.apiUrl()).isEqualTo(URI.create("https://api.example.ghe.com"));
        assertThat(config.token()).contains("env-token");
        assertThat(config.rateLimit().reserve()).isEqualTo(200);
        assertThat(config.retry().maxRetries()).isEqualTo(5);
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void githubTokenIsTheFallback() throws IOException {
        assertThat(config(Map.of("GITHUB_TOKEN", "actions-token")).token()).contains("actions-token");
    }

    private static GitHubConfig config(Map<String, String> environment) throws IOException {
        URL shipped = GitHubTrafficSource.class.getClassLoader().getResource("META-INF/microprofile-config.properties");
        assertThat(shipped).isNotNull();
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors() // property expressions, as in Quarkus
                .withSources(new PropertiesConfigSource(shipped, 100))
                .withSources(new EnvConfigSource(environment, 300))
                .withConverter(Duration.class, 200, new DurationConverter()) // as in Quarkus
                .withMapping(GitHubConfig.class)
                .build();
        return config.getConfigMapping(GitHubConfig.class);
    }
}
