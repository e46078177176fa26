package io.tidemark.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrafficBucket;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.port.out.SourceFailure;
import io.tidemark.simulator.Counts;
import io.tidemark.simulator.EndpointKind;
import io.tidemark.simulator.Fault;
import io.tidemark.simulator.GitHubSimulator;
import io.tidemark.simulator.GroundTruth;
import io.tidemark.simulator.MutableClock;
import io.tidemark.simulator.Permission;
import io.tidemark.simulator.TrafficModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour against the github-simulator: a fake GitHub with a simulated traffic clock (its
 * {@code Date} header), a real-time rate-limit clock (here a {@link MutableClock} the adapter
 * shares), budgets, permissions, faults and request counters.
 */
@QuarkusTest
class SimulatorBehaviourTest {

    static final String ADMIN = "t-admin-9f8e7d";
    static final String READER = "t-reader-1a2b3c";
    static final Instant SIMULATED_NOW = Instant.parse("2024-05-01T10:00:00Z");
    static final Instant REAL_NOW = Instant.parse("2026-11-24T08:00:00Z");
    static final RepositoryId HELLO = RepositoryId.of("octo", "hello");
    static final RepositoryId QUIET = RepositoryId.of("octo", "quiet");
    static final RepositoryId READ_ONLY = RepositoryId.of("octo", "read-only");

    MutableClock realTime;
    GitHubSimulator sim;
    final List<GitHubTrafficSource> sources = new ArrayList<>();

    @BeforeEach
    void start() {
        realTime = new MutableClock(REAL_NOW);
        GitHubSimulator.Builder builder = GitHubSimulator.builder()
                .now(SIMULATED_NOW)
                .rateLimitClock(realTime)
                .organization("octo")
                .generatedRepository("octo", "hello", 60)
                .repository("octo", "quiet", TrafficModel.empty())
                .repository("octo", "read-only")
                .token(ADMIN, Permission.ADMIN, "octo/*", "mona/*")
                .token(ADMIN, Permission.PULL, "octo/read-only", "octo/r007", "mona/m042")
                .token(READER, Permission.PULL, "octo/*");
        IntStream.range(0, 230).forEach(i -> builder.repository("octo", String.format("r%03d", i)));
        IntStream.range(0, 120).forEach(i -> builder.repository("mona", String.format("m%03d", i)));
        sim = builder.start();
    }

    @AfterEach
    void stop() {
        sources.forEach(GitHubTrafficSource::close);
        sim.close();
    }

    GitHubTrafficSource source(TestConfig config) {
        GitHubTrafficSource source = new GitHubTrafficSource(config, realTime);
        sources.add(source);
        return source;
    }

    TestConfig config(String token) {
        return TestConfig.of(sim.baseUrl(), token);
    }

    GitHubTrafficSource admin() {
        return source(config(ADMIN));
    }

    // ---- sliding windows --------------------------------------------------------------------

    @Test
    void slidingWindowsMatchTheGroundTruthAndCarryGitHubsTime() {
        GitHubTrafficSource source = admin();
        GroundTruth truth = sim.groundTruth("octo", "hello");

        for (int day = 0; day < 3; day++) {
            for (TrafficKind kind : TrafficKind.values()) {
                for (Granularity granularity : Granularity.values()) {
                    TrafficWindow window = source.fetchWindow(HELLO, kind, granularity);

                    assertThat(window.fetchedAt()).isEqualTo(sim.clock().now());
                    assertThat(window.kind()).isEqualTo(kind);
                    assertThat(window.granularity()).isEqualTo(granularity);
                    var simKind = simulated(kind);
                    Counts whole = truth.between(simKind, window.windowStart(), window.fetchedAt());
                    assertThat(window.count()).isEqualTo(whole.count());
                    assertThat(window.uniques()).isEqualTo(whole.uniques());
                    assertThat(window.count()).isPositive();
                    for (TrafficBucket bucket : window.buckets()) {
                        Instant from = max(bucket.timestamp(), window.windowStart());
                        Instant to = min(granularity.endOf(bucket.start()), window.fetchedAt());
                        Counts expected = truth.between(simKind, from, to);
                        assertThat(bucket.count()).as("%s %s %s", kind, granularity, bucket).isEqualTo(expected.count());
                        assertThat(bucket.uniques()).isEqualTo(expected.uniques());
                    }
                    assertThat(window.buckets().stream().mapToLong(TrafficBucket::count).sum())
                            .isEqualTo(whole.count());
                }
            }
            sim.clock().advanceHours(24 + 5);
        }
    }

    @Test
    void topReferrersAndPathsAreTakenAtGitHubsTime() {
        GitHubTrafficSource source = admin();

        TopReferrers referrers = source.fetchTopReferrers(HELLO);
        TopPaths paths = source.fetchTopPaths(HELLO);

        assertThat(referrers.takenAt()).isEqualTo(SIMULATED_NOW);
        assertThat(paths.takenAt()).isEqualTo(SIMULATED_NOW);
        assertThat(referrers.referrers()).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        assertThat(paths.paths()).isNotEmpty().hasSizeLessThanOrEqualTo(10)
                .allSatisfy(p -> assertThat(p.title()).isNotBlank());
    }

    // ---- rate limits ------------------------------------------------------------------------

    @Test
    void anExhaustedBudgetIsRateLimitedUntilTheResetWithNoCallsMeanwhile() {
        for (int status : new int[] {403, 429}) {
            realTime.advance(Duration.ofHours(2));
            sim.rateLimit().forceReset();
            sim.rateLimit().setBudget(3);
            sim.rateLimit().setExceededStatus(status);
            sim.requests().reset();
            GitHubTrafficSource source = admin();
            Instant reset = realTime.instant().plus(Duration.ofHours(1));

            source.fetchTopPaths(distinct(0));
            sim.rateLimit().setBudget(1); // another tool with the same token spent the rest
            assertThatThrownBy(() -> source.fetchWindow(HELLO, TrafficKind.VIEWS, Granularity.DAY))
                    .isInstanceOfSatisfying(SourceFailure.RateLimited.class,
                            limited -> assertThat(limited.resumeAt()).isEqualTo(reset));
            assertThat(sim.requests().total()).isEqualTo(2);
            assertThat(sim.requests().countStatus(status)).isEqualTo(1);

            realTime.advance(Duration.ofMinutes(59));
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> source.fetchTopReferrers(HELLO))
                        .isInstanceOfSatisfying(SourceFailure.RateLimited.class,
                                limited -> assertThat(limited.resumeAt()).isEqualTo(reset));
            }
            assertThat(sim.requests().total()).isEqualTo(2); // no calls until the reset

            realTime.advance(Duration.ofMinutes(1));
            sim.rateLimit().setBudget(3);
            assertThat(source.fetchWindow(HELLO, TrafficKind.VIEWS, Granularity.DAY).count()).isPositive();
            assertThat(sim.requests().total()).isEqualTo(3);
        }
    }

    @Test
    void aBudgetSpentByTheAdapterItselfStopsCallsBeforeGitHubRefuses() {
        sim.rateLimit().setBudget(3);
        GitHubTrafficSource source = admin(); // reserve 0

        for (int i = 0; i < 3; i++) {
            source.fetchTopPaths(distinct(i)); // distinct URLs: no 304s
        }
        assertThatThrownBy(() -> source.fetchTopPaths(distinct(3)))
                .isInstanceOfSatisfying(SourceFailure.RateLimited.class,
                        limited -> assertThat(limited.resumeAt()).isEqualTo(REAL_NOW.plus(Duration.ofHours(1))));
        assertThat(sim.requests().total()).isEqualTo(3);
        assertThat(sim.requests().countStatus(403)).isZero();
    }

    @Test
    void theReserveIsKept() {
        sim.rateLimit().setBudget(10);
        GitHubTrafficSource source = source(config(ADMIN).withReserve(4));

        for (int i = 0; i < 6; i++) {
            source.fetchTopPaths(distinct(i)); // distinct URLs: no 304s
        }
        assertThat(sim.rateLimit().remaining(ADMIN)).isEqualTo(4);
        assertThatThrownBy(() -> source.fetchTopPaths(distinct(6)))
                .isInstanceOfSatisfying(SourceFailure.RateLimited.class,
                        limited -> assertThat(limited.resumeAt()).isEqualTo(REAL_NOW.plus(Duration.ofHours(1))))
                .hasMessageContaining("4 kept in reserve");
        assertThat(sim.requests().total()).isEqualTo(6);
        assertThat(sim.rateLimit().remaining(ADMIN)).isEqualTo(4);
    }

    @Test
    void aSecondaryLimitWithRetryAfter() {
        GitHubTrafficSource source = admin();
        sim.rateLimit().triggerSecondary(1, Duration.ofSeconds(45));

        assertThatThrownBy(() -> source.fetchWindow(HELLO, TrafficKind.CLONES, Granularity.WEEK))
                .isInstanceOfSatisfying(SourceFailure.RateLimited.class,
                        limited -> assertThat(limited.resumeAt()).isEqualTo(REAL_NOW.plusSeconds(45)));
        realTime.advance(Duration.ofSeconds(44));
        assertThatThrownBy(() -> source.fetchWindow(HELLO, TrafficKind.CLONES, Granularity.WEEK))
                .isInstanceOf(SourceFailure.RateLimited.class);
        assertThat(sim.requests().total()).isEqualTo(1);

        realTime.advance(Duration.ofSeconds(1));
        assertThat(source.fetchWindow(HELLO, TrafficKind.CLONES, Granularity.WEEK).count()).isPositive();
        assertThat(sim.requests().total()).isEqualTo(2);
    }

    // ---- conditional requests ---------------------------------------------------------------

    @Test
    void anUnchangedWindowIsAFreeNotModifiedStampedWithItsOwnDate() {
        GitHubTrafficSource source = admin();

        TrafficWindow first = source.fetchWindow(QUIET, TrafficKind.VIEWS, Granularity.DAY);
        int remaining = sim.rateLimit().remaining(ADMIN);
        Instant later = sim.clock().advanceHours(30);
        TrafficWindow second = source.fetchWindow(QUIET, TrafficKind.VIEWS, Granularity.DAY);
        TrafficWindow third = source.fetchWindow(HELLO, TrafficKind.VIEWS, Granularity.DAY);
        TrafficWindow fourth = source.fetchWindow(HELLO, TrafficKind.VIEWS, Granularity.DAY);

        assertThat(first.fetchedAt()).isEqualTo(SIMULATED_NOW);
        assertThat(second.fetchedAt()).isEqualTo(later);
        assertThat(second.buckets()).isEqualTo(first.buckets());
        assertThat(fourth).isEqualTo(third);
        assertThat(sim.requests().count(EndpointKind.VIEWS, 304)).isEqualTo(2);
        assertThat(sim.requests().count(EndpointKind.VIEWS, 200)).isEqualTo(2);
        assertThat(sim.requests().costingBudget()).isEqualTo(2);
        assertThat(sim.rateLimit().remaining(ADMIN)).isEqualTo(remaining - 1);
    }

    // ---- listings ---------------------------------------------------------------------------

    @Test
    void anOrganisationsPushableRepositoriesAcrossPages() {
        List<RepositoryId> readable = admin().listReadableRepositories("octo");

        assertThat(readable).hasSize(230 + 2 - 1) // r000..r229, hello, quiet; not r007
                .doesNotHaveDuplicates()
                .contains(HELLO, QUIET, RepositoryId.of("octo", "r000"), RepositoryId.of("octo", "r229"))
                .doesNotContain(READ_ONLY, RepositoryId.of("octo", "r007"));
        assertThat(sim.requests().count(EndpointKind.REPOS, 200)).isEqualTo(3); // 233 repositories, 100 a page
    }

    @Test
    void aUsersPushableRepositoriesAfterTheOrganisationEndpointSaysNotFound() {
        List<RepositoryId> readable = admin().listReadableRepositories("mona");

        assertThat(readable).hasSize(119)
                .contains(RepositoryId.of("mona", "m000"), RepositoryId.of("mona", "m119"))
                .doesNotContain(RepositoryId.of("mona", "m042"));
        assertThat(sim.requests().count(EndpointKind.REPOS, 404)).isEqualTo(1);
        // two pages of /users/mona/repos, then the four pages of the token's own /user/repos
        assertThat(sim.requests().count(EndpointKind.REPOS, 200)).isEqualTo(6);
    }

    @Test
    void aTokenWithoutPushSeesNothingReadable() {
        assertThat(source(config(READER)).listReadableRepositories("octo")).isEmpty();
        assertThatThrownBy(() -> admin().listReadableRepositories("ghost"))
                .isInstanceOf(SourceFailure.NotFound.class);
    }

    // ---- outcomes ---------------------------------------------------------------------------

    @Test
    void credentialPermissionAndExistenceOutcomes() {
        assertThatThrownBy(() -> source(config("t-unknown")).fetchWindow(HELLO, TrafficKind.VIEWS, Granularity.DAY))
                .isInstanceOf(SourceFailure.BadCredentials.class);
        assertThatThrownBy(() -> admin().fetchWindow(READ_ONLY, TrafficKind.VIEWS, Granularity.DAY))
                .isInstanceOf(SourceFailure.NotPermitted.class)
                .hasMessageContaining("Must have push access");
        assertThatThrownBy(() -> source(config(READER)).fetchTopReferrers(HELLO))
                .isInstanceOf(SourceFailure.NotPermitted.class);
        assertThatThrownBy(() -> admin().fetchTopPaths(RepositoryId.of("octo", "missing")))
                .isInstanceOf(SourceFailure.NotFound.class);
        assertThat(sim.requests().total()).isEqualTo(4); // none retried
    }

    @Test
    void serverErrorsAreRetriedABoundedNumberOfTimes() {
        GitHubTrafficSource source = admin(); // max-retries 2: three attempts

        sim.faults().inject(EndpointKind.VIEWS, Fault.serverError(502), 2);
        assertThat(source.fetchWindow(HELLO, TrafficKind.VIEWS, Granularity.DAY).count()).isPositive();
        assertThat(sim.requests().count(EndpointKind.VIEWS)).isEqualTo(3);

        sim.faults().inject(EndpointKind.CLONES, Fault.serverError(503), 10);
        assertThatThrownBy(() -> source.fetchWindow(HELLO, TrafficKind.CLONES, Granularity.DAY))
                .isInstanceOf(SourceFailure.Upstream.class)
                .hasMessageContaining("HTTP 503");
        assertThat(sim.requests().count(EndpointKind.CLONES, 503)).isEqualTo(3);
        sim.faults().clear();
    }

    @Test
    void timeoutsAreRetriedThenUpstream() {
        GitHubTrafficSource source = source(config(ADMIN).withReadTimeout(Duration.ofMillis(300)).withRetries(1));
        sim.faults().inject(EndpointKind.REFERRERS, Fault.slow(Duration.ofSeconds(3)), 2);

        assertThatThrownBy(() -> source.fetchTopReferrers(HELLO))
                .isInstanceOf(SourceFailure.Upstream.class)
                .hasMessageContaining("2 attempts");
        assertThat(sim.requests().count(EndpointKind.REFERRERS)).isEqualTo(2);
    }

    @Test
    void truncatedAndMalformedBodiesAreRetriedAndNeverHalfParsed() {
        GitHubTrafficSource source = admin();

        sim.faults().inject(EndpointKind.PATHS, Fault.truncatedBody(), 1);
        sim.faults().inject(EndpointKind.PATHS, Fault.malformedBody(), 1);
        TopPaths paths = source.fetchTopPaths(HELLO);
        assertThat(paths.paths()).isNotEmpty();
        assertThat(sim.requests().count(EndpointKind.PATHS)).isEqualTo(3);

        sim.faults().inject(EndpointKind.VIEWS, Fault.truncatedBody(), 3);
        assertThatThrownBy(() -> source.fetchWindow(HELLO, TrafficKind.VIEWS, Granularity.WEEK))
                .isInstanceOf(SourceFailure.Upstream.class)
                .hasMessageContaining("unusable");
        sim.faults().inject(EndpointKind.REPOS, Fault.malformedBody(), 3);
        assertThatThrownBy(() -> source.listReadableRepositories("octo"))
                .isInstanceOf(SourceFailure.Upstream.class);
    }

    @Test
    void aWeeklyAnswerWithDailyBucketsIsRefusedInPlainWordsAndNeverReadAsWeeks() {
        GitHubTrafficSource source = admin(); // max-retries 2: three attempts
        sim.faults().inject(EndpointKind.CLONES, Fault.dailyBucketsForWeeks(), 10);

        assertThatThrownBy(() -> source.fetchWindow(HELLO, TrafficKind.CLONES, Granularity.WEEK))
                .isInstanceOf(SourceFailure.Upstream.class)
                .hasMessageStartingWith("GET /repos/octo/hello/traffic/clones?per=week: GitHub's answer (HTTP 200) is unusable:")
                .hasMessageContaining("does not start on a Monday")
                .hasMessageEndingWith("(gave up after 3 attempts)")
                .message().doesNotContain("Exception").doesNotContain("io.tidemark");
        assertThat(sim.requests().count(EndpointKind.CLONES)).isEqualTo(3);
        assertThat(source.fetchWindow(HELLO, TrafficKind.CLONES, Granularity.DAY).buckets())
                .as("the daily answer is not affected").isNotEmpty();
        sim.faults().clear();
        assertThat(source.fetchWindow(HELLO, TrafficKind.CLONES, Granularity.WEEK).buckets())
                .allMatch(bucket -> bucket.start().getDayOfWeek() == java.time.DayOfWeek.MONDAY);
    }

    private static RepositoryId distinct(int i) {
        return RepositoryId.of("octo", String.format("r%03d", 100 + i));
    }

    private static io.tidemark.simulator.TrafficKind simulated(TrafficKind kind) {
        return kind == TrafficKind.VIEWS ? io.tidemark.simulator.TrafficKind.VIEWS : io.tidemark.simulator.TrafficKind.CLONES;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
