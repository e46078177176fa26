package io.tidemark.github;

import io.quarkus.test.junit.QuarkusTest;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.port.out.TrafficSource;
import io.tidemark.simulator.GitHubSimulator;
import io.tidemark.simulator.MutableClock;
import io.tidemark.simulator.Permission;
import io.tidemark.testkit.TrafficSourceContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The kit's {@link TrafficSourceContract} on {@link GitHubTrafficSource}, against the
 * github-simulator: an organisation with a repository with generated traffic, 120 more to list
 * across pages, and a token the simulator does not know. The simulator's clock stands still
 * during a test, so every answer is taken at {@link #NOW}; the rate-limit clock is shared by the
 * simulator and the adapter, as in {@link SimulatorBehaviourTest}.
 */
@QuarkusTest
class GitHubSourceContractTest extends TrafficSourceContract {

    private static final String TOKEN = "t-contract-5e6f7a";
    private static final String UNKNOWN_TOKEN = "t-unknown-0b1c2d";
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    private GitHubSimulator sim;
    private final MutableClock realTime = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));
    private final List<GitHubTrafficSource> sources = new ArrayList<>();

    @BeforeEach
    void startSimulator() {
        GitHubSimulator.Builder builder = GitHubSimulator.builder()
                .now(NOW)
                .rateLimitClock(realTime)
                .organization("octo")
                .generatedRepository("octo", "hello", 60)
                .token(TOKEN, Permission.ADMIN, "octo/*");
        for (int i = 0; i < 120; i++) {
            builder.repository("octo", String.format("r%03d", i));
        }
        sim = builder.start();
    }

    @AfterEach
    void stopSimulator() {
        sources.forEach(GitHubTrafficSource::close);
        sim.close();
    }

    private GitHubTrafficSource sourceWith(String token) {
        GitHubTrafficSource source = new GitHubTrafficSource(TestConfig.of(sim.baseUrl(), token), realTime);
        sources.add(source);
        return source;
    }

    @Override
    protected TrafficSource source() {
        return sourceWith(TOKEN);
    }

    @Override
    protected RepositoryId repositoryWithTraffic() {
        return RepositoryId.of("octo", "hello");
    }

    @Override
    protected RepositoryId unknownRepository() {
        return RepositoryId.of("octo", "missing");
    }

    @Override
    protected String unknownOwner() {
        return "ghost";
    }

    @Override
    protected Instant answersAt() {
        return NOW;
    }

    @Override
    protected Optional<TrafficSource> sourceWithRejectedCredentials() {
        return Optional.of(sourceWith(UNKNOWN_TOKEN));
    }

    @Override
    protected List<String> secrets() {
        return List.of(TOKEN, UNKNOWN_TOKEN);
    }
}
