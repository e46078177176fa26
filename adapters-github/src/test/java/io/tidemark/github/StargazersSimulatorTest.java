package io.tidemark.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.StargazerPage;
import io.tidemark.core.port.out.SourceFailure;
import io.tidemark.simulator.EndpointKind;
import io.tidemark.simulator.Fault;
import io.tidemark.simulator.GitHubSimulator;
import io.tidemark.simulator.MutableClock;
import io.tidemark.simulator.Permission;
import io.tidemark.simulator.RepositoryActivity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GitHubTrafficSource#fetchStargazers} against the github-simulator: the stargazer list
 * with {@code starred_at} ({@code Accept: application/vnd.github.star+json}), 100 a page, the last
 * page told by the {@code Link} header, conditional like every other request, failures typed.
 */
@QuarkusTest
class StargazersSimulatorTest {

    static final String TOKEN = "t-admin-5t4r5";
    static final Instant SIMULATED_NOW = Instant.parse("2024-05-01T10:00:00Z");
    static final RepositoryId HELLO = RepositoryId.of("octo", "hello");

    GitHubSimulator sim;
    GitHubTrafficSource source;

    @BeforeEach
    void start() {
        sim = GitHubSimulator.builder()
                .now(SIMULATED_NOW)
                .rateLimitClock(new MutableClock(Instant.parse("2026-11-24T08:00:00Z")))
                .organization("octo")
                .generatedRepository("octo", "hello", 200)
                .token(TOKEN, Permission.ADMIN, "octo/*")
                .start();
        source = new GitHubTrafficSource(TestConfig.of(sim.baseUrl(), TOKEN), new TestClock(Instant.parse("2026-11-24T08:00:00Z")));
    }

    @AfterEach
    void stop() {
        source.close();
        sim.close();
    }

    @Test
    void everyPageInTheOrderOfTheStarsWithTheirTimesAndTheLastOneSaysSo() {
        List<Instant> expected = sim.groundTruth("octo", "hello").stargazers(SIMULATED_NOW).stream()
                .map(RepositoryActivity.Star::starredAt).toList();
        assertThat(expected).as("the simulated repository has several pages of stargazers").hasSizeGreaterThan(200);

        List<Instant> read = new ArrayList<>();
        List<StargazerPage> pages = new ArrayList<>();
        StargazerPage page;
        int number = 0;
        do {
            page = source.fetchStargazers(HELLO, ++number);
            pages.add(page);
            read.addAll(page.starredAt());
        } while (!page.last());

        assertThat(read).containsExactlyElementsOf(expected);
        assertThat(pages).hasSize((expected.size() + 99) / 100);
        assertThat(pages).allSatisfy(each -> assertThat(each.fetchedAt()).as("GitHub's Date").isEqualTo(SIMULATED_NOW));
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(each -> {
            assertThat(each.last()).isFalse();
            assertThat(each.starredAt()).hasSize(100);
        });
        assertThat(sim.requests().count(EndpointKind.STARGAZERS, 200)).isEqualTo(pages.size());
    }

    @Test
    void anUnchangedPageIsAFreeNotModified() {
        StargazerPage first = source.fetchStargazers(HELLO, 1);
        long costing = sim.requests().costingBudget();

        StargazerPage again = source.fetchStargazers(HELLO, 1);

        assertThat(again.starredAt()).isEqualTo(first.starredAt());
        assertThat(sim.requests().count(EndpointKind.STARGAZERS, 304)).isEqualTo(1);
        assertThat(sim.requests().costingBudget()).isEqualTo(costing);
    }

    @Test
    void failuresAreTypedLikeEveryOtherRequest() {
        assertThatThrownBy(() -> source.fetchStargazers(RepositoryId.of("octo", "missing"), 1))
                .isInstanceOf(SourceFailure.NotFound.class);

        sim.faults().inject(EndpointKind.STARGAZERS, Fault.serverError(502), 10);
        assertThatThrownBy(() -> source.fetchStargazers(HELLO, 1))
                .isInstanceOf(SourceFailure.Upstream.class)
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("/stargazers?per_page=100&page=1")
                .hasMessageNotContaining(TOKEN);
    }
}
