package io.tidemark.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private static final String VIEWS = "/repos/octo/hello/traffic/views";
    private final MutableClock realTime = new MutableClock(Instant.parse("2026-01-10T08:30:15Z"));
    private GitHubSimulator sim;
    private Http http;

    @BeforeEach
    void start() {
        sim = GitHubSimulator.builder()
                .now(Instant.parse("2024-05-15T10:00:00Z"))
                .rateLimitClock(realTime)
                .rateLimitBudget(3)
                .generatedRepository("octo", "hello", 10)
                .token("t-a", Permission.ADMIN, "*")
                .token("t-b", Permission.ADMIN, "*")
                .start();
        http = new Http(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static long header(HttpResponse<String> response, String name) {
        return Long.parseLong(response.headers().firstValue(name).orElseThrow());
    }

    @Test
    void everyResponseReportsThePrimaryLimitOnTheRealTimeClock() {
        HttpResponse<String> first = http.get(VIEWS, "t-a");
        assertThat(header(first, "x-ratelimit-limit")).isEqualTo(3);
        assertThat(header(first, "x-ratelimit-remaining")).isEqualTo(2);
        assertThat(header(first, "x-ratelimit-used")).isEqualTo(1);
        assertThat(header(first, "x-ratelimit-reset")).isEqualTo(realTime.instant().plusSeconds(3600).getEpochSecond());
        assertThat(first.headers().firstValue("x-ratelimit-resource")).contains("core");
        // errors cost budget too
        assertThat(header(http.get("/repos/octo/nope/traffic/views", "t-a"), "x-ratelimit-remaining")).isEqualTo(1);
        // each token has its own budget
        assertThat(header(http.get(VIEWS, "t-b"), "x-ratelimit-remaining")).isEqualTo(2);
    }

    @Test
    void spentBudgetIsRefusedUntilTheResetTime() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.get(VIEWS, "t-a").statusCode()).isEqualTo(200);
        }
        long reset = realTime.instant().plusSeconds(3600).getEpochSecond();
        HttpResponse<String> refused = http.get(VIEWS, "t-a");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Http.json(refused).get("message").asText()).isEqualTo("API rate limit exceeded for user ID 1.");
        assertThat(header(refused, "x-ratelimit-remaining")).isZero();
        assertThat(header(refused, "x-ratelimit-used")).isEqualTo(3);
        assertThat(header(refused, "x-ratelimit-reset")).isEqualTo(reset);
        assertThat(http.get(VIEWS, "t-b").statusCode()).isEqualTo(200); // other tokens are not affected

        // the simulated traffic clock does not matter
        sim.clock().advanceDays(3);
        assertThat(http.get(VIEWS, "t-a").statusCode()).isEqualTo(403);

        realTime.advance(Duration.ofMinutes(59));
        assertThat(http.get(VIEWS, "t-a").statusCode()).isEqualTo(403);
        realTime.advance(Duration.ofMinutes(1));
        HttpResponse<String> again = http.get(VIEWS, "t-a");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(header(again, "x-ratelimit-remaining")).isEqualTo(2);
        assertThat(header(again, "x-ratelimit-reset")).isEqualTo(realTime.instant().plusSeconds(3600).getEpochSecond());
        assertThat(sim.requests().count(EndpointKind.VIEWS, 403)).isEqualTo(3);
    }

    @Test
    void exhaustionCanAnswer429AndForceResetRestoresTheBudget() {
        sim.rateLimit().setExceededStatus(429);
        sim.rateLimit().setBudget(1);
        assertThat(http.get(VIEWS, "t-a").statusCode()).isEqualTo(200);
        assertThat(http.get(VIEWS, "t-a").statusCode()).isEqualTo(429);
        assertThat(sim.rateLimit().remaining("t-a")).isZero();
        sim.rateLimit().forceReset();
        assertThat(sim.rateLimit().remaining("t-a")).isEqualTo(1);
        assertThat(http.get(VIEWS, "t-a").statusCode()).isEqualTo(200);
    }

    @Test
    void secondaryLimitRefusesTheNextRequestsWithRetryAfter() {
        sim.rateLimit().triggerSecondary(2, Duration.ofSeconds(42));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> refused = http.get(VIEWS, "t-a");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("retry-after")).contains("42");
            assertThat(Http.json(refused).get("message").asText()).isEqualTo(
                    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.");
        }
        HttpResponse<String> ok = http.get(VIEWS, "t-a");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("retry-after")).isEmpty();
        assertThat(header(ok, "x-ratelimit-remaining")).isEqualTo(2); // the refused ones cost nothing
        assertThat(sim.requests().costingBudget()).isEqualTo(1);
    }

    @Test
    void conditionalRequestWithMatchingETagIsNotModifiedAndFree() {
        HttpResponse<String> first = http.get(VIEWS, "t-a");
        String etag = first.headers().firstValue("etag").orElseThrow();
        assertThat(etag).matches("W/\"[0-9a-f]{64}\"");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> cached = http.get(VIEWS, "t-a", etag);
            assertThat(cached.statusCode()).isEqualTo(304);
            assertThat(cached.body()).isEmpty();
            assertThat(cached.headers().firstValue("etag")).contains(etag);
            assertThat(header(cached, "x-ratelimit-remaining")).isEqualTo(2);
        }
        assertThat(http.get(VIEWS, "t-a", etag.substring(2)).statusCode()).isEqualTo(304); // strong form
        assertThat(sim.requests().count(EndpointKind.VIEWS, 304)).isEqualTo(6);
        assertThat(sim.requests().costingBudget(EndpointKind.VIEWS)).isEqualTo(1);

        // another hour of traffic changes the body, so the ETag no longer matches
        sim.clock().advanceHours(1);
        HttpResponse<String> changed = http.get(VIEWS, "t-a", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("etag")).isNotEqualTo(java.util.Optional.of(etag));
        assertThat(header(changed, "x-ratelimit-remaining")).isEqualTo(1);
        // the same body gives the same ETag
        assertThat(http.get(VIEWS, "t-a").headers().firstValue("etag")).isEqualTo(changed.headers().firstValue("etag"));
    }
}
