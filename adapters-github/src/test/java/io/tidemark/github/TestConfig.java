package io.tidemark.github;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** A {@link GitHubConfig} for adapters that tests build themselves, with test-friendly delays. */
record TestConfig(
        URI apiUrl,
        Optional<String> token,
        Duration connectTimeout,
        Duration readTimeout,
        int concurrency,
        int etagCacheSize,
        Optional<String> userAgent,
        GitHubConfig.RateLimit rateLimit,
        GitHubConfig.Retry retry)
        implements GitHubConfig {

    record Limits(int reserve, Duration secondaryBackoff, Duration secondaryBackoffMax)
            implements GitHubConfig.RateLimit {}

    record Retries(int maxRetries, Duration delay, Duration maxDelay) implements GitHubConfig.Retry {}

    static TestConfig of(String apiUrl, String token) {
        return new TestConfig(
                URI.create(apiUrl),
                Optional.ofNullable(token),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                1,
                100,
                Optional.empty(),
                new Limits(0, Duration.ofSeconds(60), Duration.ofHours(1)),
                new Retries(2, Duration.ofMillis(5), Duration.ofMillis(20)));
    }

    TestConfig withReserve(int reserve) {
        return new TestConfig(apiUrl, token, connectTimeout, readTimeout, concurrency, etagCacheSize, userAgent,
                new Limits(reserve, rateLimit.secondaryBackoff(), rateLimit.secondaryBackoffMax()), retry);
    }

    TestConfig withRetries(int maxRetries) {
        return new TestConfig(apiUrl, token, connectTimeout, readTimeout, concurrency, etagCacheSize, userAgent,
                rateLimit, new Retries(maxRetries, retry.delay(), retry.maxDelay()));
    }

    TestConfig withReadTimeout(Duration timeout) {
        return new TestConfig(apiUrl, token, connectTimeout, timeout, concurrency, etagCacheSize, userAgent,
                rateLimit, retry);
    }

    TestConfig withConcurrency(int concurrency) {
        return new TestConfig(apiUrl, token, connectTimeout, readTimeout, concurrency, etagCacheSize, userAgent,
                rateLimit, retry);
    }

    TestConfig withCacheSize(int size) {
        return new TestConfig(apiUrl, token, connectTimeout, readTimeout, concurrency, size, userAgent,
                rateLimit, retry);
    }

    @Override
    public String toString() {
        return "TestConfig[" + apiUrl + "]";
    }
}
