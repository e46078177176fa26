package io.tidemark.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrafficBucket;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.port.out.SourceFailure;
import io.tidemark.github.StubGitHub.Reply;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wire-level behaviour against a scripted stub: headers, the {@code Date} stamp, error outcomes,
 * bounded retries, rate limits, conditional requests, pagination and serial requests.
 */
@QuarkusTest
class StubBehaviourTest {

    static final String TOKEN = "fake-gh-stubTokenA1b2C3d4E5f6";
    static final RepositoryId REPO = RepositoryId.of("octo", "hello");
    static final String VIEWS = "/repos/octo/hello/traffic/views";
    static final String REFERRERS = "/repos/octo/hello/traffic/popular/referrers";
    static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");
    static final String VIEWS_JSON = "{\"count\":5,\"uniques\":3,\"views\":["
            + "{\"timestamp\":\"2026-11-19T00:00:00Z\",\"count\":2,\"uniques\":1},"
            + "{\"timestamp\":\"2026-11-20T00:00:00Z\",\"count\":3,\"uniques\":2}]}";

    StubGitHub stub;
    TestClock clock;
    final List<GitHubTrafficSource> sources = new ArrayList<>();

    @BeforeEach
    void start() {
        stub = new StubGitHub();
        clock = new TestClock(NOW);
    }

    @AfterEach
    void stop() {
        sources.forEach(GitHubTrafficSource::close);
        stub.close();
    }

    GitHubTrafficSource source(TestConfig config) {
        GitHubTrafficSource source = new GitHubTrafficSource(config, clock);
        sources.add(source);
        return source;
    }

    GitHubTrafficSource source() {
        return source(config());
    }

    TestConfig config() {
        return TestConfig.of(stub.baseUrl(), TOKEN);
    }

    // ---- mapping and headers ----------------------------------------------------------------

    @Test
    void aWindowIsStampedWithGitHubsDateNotTheLocalClock() {
        Instant gitHubTime = Instant.parse("2026-11-20T09:00:07Z");
        stub.on(VIEWS, Reply.ok(VIEWS_JSON).date(gitHubTime));

        TrafficWindow window = source().fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY);

        assertThat(window.fetchedAt()).isEqualTo(gitHubTime);
        assertThat(window.kind()).isEqualTo(TrafficKind.VIEWS);
        assertThat(window.count()).isEqualTo(5);
        assertThat(window.uniques()).isEqualTo(3);
        assertThat(window.buckets()).containsExactly(
                new TrafficBucket(LocalDate.of(2026, 11, 19), 2, 1),
                new TrafficBucket(LocalDate.of(2026, 11, 20), 3, 2));
    }

    @Test
    void withoutADateHeaderTheClockStamps() {
        GitHubTrafficSource source = source();
        Response response = Response.ok().build();

        assertThat(source.requests().rateLimits().observe(response)).isEqualTo(NOW);
        assertThat(source.requests().rateLimits().observe(Response.ok().header("Date", "not a date").build()))
                .isEqualTo(NOW);
    }

    @Test
    void everyRequestCarriesGitHubsHeaders() {
        stub.on(VIEWS, Reply.ok(VIEWS_JSON));

        source().fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY);

        StubGitHub.Recorded request = stub.requests().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawQuery()).isEqualTo("per=day");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.header("Accept")).isEqualTo("application/vnd.github+json");
        assertThat(request.header("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        assertThat(request.header("User-Agent")).matches("tidemark/\\d+\\.\\d+\\.\\d+.*");
        assertThat(request.header("If-None-Match")).isNull();
    }

    @Test
    void referrersAreStampedWithGitHubsDate() {
        Instant gitHubTime = Instant.parse("2026-11-20T09:30:00Z");
        stub.on(REFERRERS, Reply.ok("[{\"referrer\":\"news.ycombinator.com\",\"count\":9,\"uniques\":7,\"x\":1}]")
                .date(gitHubTime));

        TopReferrers top = source().fetchTopReferrers(REPO);

        assertThat(top.takenAt()).isEqualTo(gitHubTime);
        assertThat(top.referrers()).containsExactly(new Referrer("news.ycombinator.com", 9, 7));
    }

    // ---- outcomes ---------------------------------------------------------------------------

    @Test
    void missingTokenIsBadCredentialsWithoutAnyRequest() {
        GitHubTrafficSource source = source(TestConfig.of(stub.baseUrl(), null));

        assertThatThrownBy(() -> source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY))
                .isInstanceOf(SourceFailure.BadCredentials.class)
                .hasMessageContaining("TIDEMARK_GITHUB_TOKEN");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void unauthorizedIsBadCredentialsAndNotRetried() {
        stub.on(VIEWS, Reply.error(401, "Bad credentials"));

        assertThatThrownBy(() -> source().fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY))
                .isInstanceOf(SourceFailure.BadCredentials.class)
                .hasMessageContaining("Bad credentials");
        assertThat(stub.count(VIEWS)).isEqualTo(1);
    }

    @Test
    void forbiddenWithoutRateLimitIsNotPermittedAndNotRetried() {
        stub.on(VIEWS, Reply.error(403, "Must have push access to repository")
                .rateLimit(5000, 4990, NOW.plusSeconds(3600)));

        assertThatThrownBy(() -> source().fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY))
                .isInstanceOf(SourceFailure.NotPermitted.class)
                .hasMessageContaining("Must have push access")
                .hasMessageContaining("push access");
        assertThat(stub.count(VIEWS)).isEqualTo(1);
    }

    @Test
    void notFoundIsNotFoundAndNotRetried() {
        stub.on(VIEWS, Reply.error(404, "Not Found"));

        assertThatThrownBy(() -> source().fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY))
                .isInstanceOf(SourceFailure.NotFound.class);
        assertThat(stub.count(VIEWS)).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetriedABoundedNumberOfTimesThenUpstream() {
        stub.on(VIEWS, Reply.error(502, "Bad Gateway"));

        assertThatThrownBy(() -> source().fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY))
                .isInstanceOf(SourceFailure.Upstream.class)
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("3 attempts");
        assertThat(stub.count(VIEWS)).isEqualTo(3); // 1 + max-retries 2
    }

    @Test
    void aTransientErrorFollowedBySuccessSucceeds() {
        stub.on(VIEWS, Reply.error(503, "Unavailable"), Reply.ok("{"), Reply.ok(VIEWS_JSON));

        TrafficWindow window = source().fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY);

        assertThat(window.count()).isEqualTo(5);
        assertThat(stub.count(VIEWS)).isEqualTo(3);
    }

    @Test
    void retryingCanBeSwitchedOff() {
        stub.on(VIEWS, Reply.error(500, "Server Error"));

        assertThatThrownBy(() -> source(config().withRetries(0)).fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY))
                .isInstanceOf(SourceFailure.Upstream.class);
        assertThat(stub.count(VIEWS)).isEqualTo(1);
    }

    @Test
    void aTimeoutIsRetriedThenUpstream() {
        stub.on(VIEWS, Reply.hanging());

        assertThatThrownBy(() -> source(config().withReadTimeout(Duration.ofMillis(250)).withRetries(1))
                        .fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY))
                .isInstanceOf(SourceFailure.Upstream.class)
                .hasMessageContaining("2 attempts");
        assertThat(stub.count(VIEWS)).isEqualTo(2);
    }

    @Test
    void aConnectionErrorIsUpstream() {
        GitHubTrafficSource source = source(TestConfig.of("http://127.0.0.1:9", TOKEN).withRetries(1));

        assertThatThrownBy(() -> source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY))
                .isInstanceOf(SourceFailure.Upstream.class);
    }

    @Test
    void malformedTruncatedOrIncompleteBodiesAreUpstreamAndNothingHalfParsedEscapes() {
        for (Reply bad : List.of(
                Reply.ok("{\"count\":5,\"uniques\":3,\"views\":[{\"timestamp\":\"2026-11-19T00:00:00Z\",\"co"),
                Reply.cutOff(VIEWS_JSON),
                Reply.ok("{\"count\":5,\"views\":[]}"),
                Reply.ok("{\"count\":5,\"uniques\":3,\"views\":[{\"timestamp\":\"2026-11-19T00:00:00Z\",\"count\":-2,\"uniques\":1}]}"),
                Reply.ok("[]"),
                Reply.ok(""))) {
            stub.on(VIEWS, bad);
            GitHubTrafficSource source = source();

            assertThatThrownBy(() -> source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY))
                    .as("%s", bad.body())
                    .isInstanceOf(SourceFailure.Upstream.class);
        }
    }

    @Test
    void poisonedFiguresAreUpstreamAndNothingOfThemEscapes() {
        Instant gitHubTime = Instant.parse("2026-11-20T09:00:07Z");
        for (String bucket : List.of(
                "{\"timestamp\":\"2031-01-01T00:00:00Z\",\"count\":9,\"uniques\":3}",
                "{\"timestamp\":\"2026-11-19T00:00:00Z\",\"count\":150,\"uniques\":200}")) {
            stub.on(VIEWS, Reply.ok("{\"count\":150,\"uniques\":3,\"views\":[" + bucket + "]}").date(gitHubTime));
            GitHubTrafficSource source = source();

            assertThatThrownBy(() -> source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY))
                    .as(bucket)
                    .isInstanceOf(SourceFailure.Upstream.class)
                    .hasMessageContaining("unusable")
                    .satisfies(failure -> assertThat(failure.getMessage())
                            .containsAnyOf("lies outside the window", "more uniques (200) than its count (150)"));
        }
    }

    // ---- rate limits ------------------------------------------------------------------------

    @Test
    void theReserveIsKeptWithoutCallingGitHub() {
        Instant reset = NOW.plusSeconds(1200);
        stub.on(VIEWS, Reply.ok(VIEWS_JSON).rateLimit(5000, 50, reset));
        GitHubTrafficSource source = source(config().withReserve(50));

        source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY);
        assertThatThrownBy(() -> source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY))
                .isInstanceOfSatisfying(SourceFailure.RateLimited.class,
                        limited -> assertThat(limited.resumeAt()).isEqualTo(reset))
                .hasMessageContaining("50 kept in reserve");
        assertThat(stub.count(VIEWS)).isEqualTo(1);

        clock.set(reset.plusSeconds(1));
        source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY);
        assertThat(stub.count(VIEWS)).isEqualTo(2);
    }

    @Test
    void aBudgetAboveTheReserveIsSpent() {
        stub.on(VIEWS, Reply.ok(VIEWS_JSON).rateLimit(5000, 51, NOW.plusSeconds(1200)));
        GitHubTrafficSource source = source(config().withReserve(50));

        source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY);
        source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY);

        assertThat(stub.count(VIEWS)).isEqualTo(2);
    }

    @Test
    void exhaustedPrimaryLimitIsRateLimitedUntilTheResetWithoutFurtherCalls() {
        for (int status : new int[] {403, 429}) {
            StubGitHub.Reply refused = Reply.error(status, "API rate limit exceeded for user ID 1.")
                    .rateLimit(5000, 0, NOW.plusSeconds(900));
            stub.on(VIEWS, refused);
            GitHubTrafficSource source = source();
            long before = stub.count(VIEWS);

            assertThatThrownBy(() -> source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY))
                    .isInstanceOfSatisfying(SourceFailure.RateLimited.class,
                            limited -> assertThat(limited.resumeAt()).isEqualTo(NOW.plusSeconds(900)));
            assertThatThrownBy(() -> source.fetchTopReferrers(REPO))
                    .isInstanceOf(SourceFailure.RateLimited.class);
            assertThat(stub.count(VIEWS) - before).isEqualTo(1);
            assertThat(stub.count(REFERRERS)).isZero();
        }
    }

    @Test
    void secondaryLimitWithRetryAfter() {
        stub.on(VIEWS,
                Reply.error(403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.")
                        .header("retry-after", "30")
                        .rateLimit(5000, 4000, NOW.plusSeconds(3000)),
                Reply.ok(VIEWS_JSON));
        GitHubTrafficSource source = source();

        assertThatThrownBy(() -> source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY))
                .isInstanceOfSatisfying(SourceFailure.RateLimited.class,
                        limited -> assertThat(limited.resumeAt()).isEqualTo(NOW.plusSeconds(30)))
                .hasMessageContaining("secondary");
        clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(() -> source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY))
                .isInstanceOf(SourceFailure.RateLimited.class);
        assertThat(stub.count(VIEWS)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY).count()).isEqualTo(5);
        assertThat(stub.count(VIEWS)).isEqualTo(2);
    }

    @Test
    void secondaryLimitWithoutRetryAfterBacksOffAMinuteDoublingWhileItRepeats() {
        Reply secondary = Reply.error(403, "You have exceeded a secondary rate limit.")
                .rateLimit(5000, 4000, NOW.plusSeconds(3000));
        stub.on(VIEWS, secondary, secondary, Reply.error(429, "Too Many Requests"), Reply.ok(VIEWS_JSON), secondary);
        GitHubTrafficSource source = source();

        assertThat(resumeAfter(source)).isEqualTo(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        assertThat(resumeAfter(source)).isEqualTo(Duration.ofSeconds(120));
        clock.advance(Duration.ofSeconds(120));
        assertThat(resumeAfter(source)).isEqualTo(Duration.ofSeconds(240)); // a bare 429 is a secondary limit too
        clock.advance(Duration.ofSeconds(240));
        source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY); // a success ends the run
        assertThat(resumeAfter(source)).isEqualTo(Duration.ofSeconds(60));
        assertThat(stub.count(VIEWS)).isEqualTo(5);
    }

    private Duration resumeAfter(GitHubTrafficSource source) {
        Instant before = clock.instant();
        try {
            source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY);
        } catch (SourceFailure.RateLimited limited) {
            return Duration.between(before, limited.resumeAt());
        }
        throw new AssertionError("not rate limited");
    }

    // ---- conditional requests ---------------------------------------------------------------

    @Test
    void aNotModifiedAnswerReusesTheEarlierOneAtTheLaterTime() {
        Instant first = Instant.parse("2026-11-20T09:00:00Z");
        Instant second = Instant.parse("2026-11-20T11:00:00Z");
        stub.on(VIEWS,
                Reply.ok(VIEWS_JSON).header("ETag", "W/\"abc\"").date(first),
                new Reply(304, java.util.Map.of("ETag", "W/\"abc\""), "", StubGitHub.Ending.ANSWER).date(second));
        GitHubTrafficSource source = source();

        TrafficWindow earlier = source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY);
        TrafficWindow later = source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY);

        assertThat(stub.requests().get(1).header("If-None-Match")).isEqualTo("W/\"abc\"");
        assertThat(earlier.fetchedAt()).isEqualTo(first);
        assertThat(later.fetchedAt()).isEqualTo(second);
        assertThat(later.buckets()).isEqualTo(earlier.buckets());
        assertThat(later.count()).isEqualTo(earlier.count());
    }

    @Test
    void theConditionalCacheIsBounded() {
        stub.on(VIEWS, Reply.ok(VIEWS_JSON).header("ETag", "\"v\""));
        stub.on(REFERRERS, Reply.ok("[]").header("ETag", "\"r\""));
        GitHubTrafficSource source = source(config().withCacheSize(1));

        source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY);
        source.fetchTopReferrers(REPO); // evicts the views
        source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY);

        assertThat(stub.requests()).extracting(r -> r.header("If-None-Match")).containsExactly(null, null, null);
        assertThat(source.requests().cache().size()).isEqualTo(1);
    }

    // ---- listing ----------------------------------------------------------------------------

    @Test
    void listingFallsBackToTheUserAndFollowsEveryPageKeepingPushable() {
        String base = stub.baseUrl();
        stub.on("/orgs/mona/repos", Reply.error(404, "Not Found"));
        stub.on("/users/mona/repos", Reply.ok(repos("mona", "a", true, "b", false))
                .header("Link", "<" + base + "/user/1/repos?per_page=100&page=2>; rel=\"next\", <" + base
                        + "/user/1/repos?per_page=100&page=3>; rel=\"last\""));
        stub.on("/user/1/repos", request -> request.rawQuery().contains("page=2")
                ? Reply.ok(repos("mona", "c", true, "d", true))
                        .header("Link", "<" + base + "/user/1/repos?per_page=100&page=3>; rel=\"next\"")
                : Reply.ok(repos("mona", "e", false, "f", true)));
        stub.on("/user/repos", Reply.ok("[" + repos("mona", "private", true, "a", true).replaceAll("^\\[|\\]$", "")
                + "," + repos("octocat", "elsewhere", true).replaceAll("^\\[|\\]$", "") + "]"));

        List<RepositoryId> readable = source().listReadableRepositories("mona");

        assertThat(readable).as("public pushable ones, then private ones of mona from the token's own list")
                .containsExactly(
                        RepositoryId.of("mona", "a"), RepositoryId.of("mona", "c"), RepositoryId.of("mona", "d"),
                        RepositoryId.of("mona", "f"), RepositoryId.of("mona", "private"));
        assertThat(stub.requests()).extracting(r -> r.path() + "?" + r.rawQuery()).containsExactly(
                "/orgs/mona/repos?per_page=100",
                "/users/mona/repos?per_page=100",
                "/user/1/repos?per_page=100&page=2",
                "/user/1/repos?per_page=100&page=3",
                "/user/repos?per_page=100");
    }

    @Test
    void aPaginationLinkToAnotherHostIsNotFollowed() {
        stub.on("/orgs/octo/repos", Reply.ok(repos("octo", "a", true))
                .header("Link", "<http://127.0.0.2:1/steal?page=2>; rel=\"next\""));

        assertThatThrownBy(() -> source().listReadableRepositories("octo"))
                .isInstanceOf(SourceFailure.Upstream.class)
                .hasMessageContaining("not following");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void anApiUrlWithAPathPrefixIsHonouredAndBoundsPagination() {
        String root = stub.baseUrl() + "/api/v3";
        stub.on("/api/v3/repos/octo/hello/traffic/views", Reply.ok(VIEWS_JSON));
        stub.on("/api/v3/orgs/octo/repos", request -> request.rawQuery().contains("page=2")
                ? Reply.ok(repos("octo", "b", true)).header("Link", "<" + stub.baseUrl() + "/orgs/octo/repos?page=3>; rel=\"next\"")
                : Reply.ok(repos("octo", "a", true)).header("Link", "<" + root + "/orgs/octo/repos?per_page=100&page=2>; rel=\"next\""));
        GitHubTrafficSource source = source(TestConfig.of(root + "/", TOKEN));

        assertThat(source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY).count()).isEqualTo(5);
        assertThatThrownBy(() -> source.listReadableRepositories("octo"))
                .isInstanceOf(SourceFailure.Upstream.class)
                .hasMessageContaining("leaves the configured API root");
        assertThat(stub.requests()).extracting(StubGitHub.Recorded::path).containsExactly(
                "/api/v3/repos/octo/hello/traffic/views", "/api/v3/orgs/octo/repos", "/api/v3/orgs/octo/repos");
    }

    @Test
    void anUnknownOwnerIsNotFound() {
        assertThatThrownBy(() -> source().listReadableRepositories("nobody"))
                .isInstanceOf(SourceFailure.NotFound.class)
                .hasMessageContaining("nobody");
    }

    static String repos(Object... ownerThenNamePushPairs) {
        String owner = (String) ownerThenNamePushPairs[0];
        StringBuilder json = new StringBuilder("[");
        for (int i = 1; i < ownerThenNamePushPairs.length; i += 2) {
            if (i > 1) {
                json.append(',');
            }
            String name = (String) ownerThenNamePushPairs[i];
            boolean push = (Boolean) ownerThenNamePushPairs[i + 1];
            json.append("{\"id\":").append(i).append(",\"name\":\"").append(name)
                    .append("\",\"full_name\":\"").append(owner).append('/').append(name)
                    .append("\",\"private\":false,\"owner\":{\"login\":\"").append(owner)
                    .append("\",\"type\":\"User\"},\"permissions\":{\"admin\":false,\"push\":").append(push)
                    .append(",\"pull\":true}}");
        }
        return json.append(']').toString();
    }

    // ---- one request at a time --------------------------------------------------------------

    @Test
    void requestsForTheTokenAreMadeOneAtATime() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        stub.on(VIEWS, request -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.ok(VIEWS_JSON);
        });
        stub.on(REFERRERS, Reply.ok("[]"));
        GitHubTrafficSource source = source(config().withReadTimeout(Duration.ofSeconds(10)));

        CompletableFuture<TrafficWindow> slow =
                CompletableFuture.supplyAsync(() -> source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY));
        await().atMost(Duration.ofSeconds(5)).until(() -> stub.count(VIEWS) == 1);
        CompletableFuture<TopReferrers> queued = CompletableFuture.supplyAsync(() -> source.fetchTopReferrers(REPO));
        await().atMost(Duration.ofSeconds(5)).until(() -> source.requests().queuedRequests() == 1);

        assertThat(stub.count(REFERRERS)).isZero();
        release.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS).count()).isEqualTo(5);
        assertThat(queued.get(5, TimeUnit.SECONDS).referrers()).isEmpty();
        assertThat(stub.count(REFERRERS)).isEqualTo(1);
    }
}
