package io.tidemark.github;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Configuration of the GitHub traffic source, {@code tidemark.github.*}. Every property can also
 * be set as an environment variable (upper case, dots and dashes as underscores, for example
 * {@code TIDEMARK_GITHUB_API_URL}).
 */
@ConfigMapping(prefix = "tidemark.github")
public interface GitHubConfig {

    /** The default REST API root. */
    String DEFAULT_API_URL = "https://api.github.com";

    /**
     * Root of GitHub's REST API: {@code https://api.github.com}, a GitHub Enterprise Cloud root
     * such as {@code https://api.example.ghe.com}, a GitHub Enterprise Server root such as
     * {@code https://github.example.com/api/v3}, or a proxy.
     */
    @WithDefault(DEFAULT_API_URL)
    URI apiUrl();

    /**
     * The token sent as {@code Authorization: Bearer}; it needs push access to read traffic. Set
     * {@code TIDEMARK_GITHUB_TOKEN}; when that is unset, {@code GITHUB_TOKEN} is used (see the
     * library's {@code META-INF/microprofile-config.properties}). Without a token every call
     * fails with {@code BadCredentials}; start-up does not.
     */
    Optional<String> token();

    /** How long to wait for a connection to GitHub. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** How long to wait for GitHub's answer once connected. */
    @WithDefault("30s")
    Duration readTimeout();

    /**
     * How many requests may be in flight at once for the token. GitHub asks integrators to make
     * requests for one token serially, so the default is 1.
     */
    @WithDefault("1")
    int concurrency();

    /**
     * How many URLs the conditional-request cache ({@code ETag} and parsed answer) remembers,
     * least recently used dropped first. A repository cycles through 8 URLs (views and clones per
     * day and per week, referrers, paths, the repository's counters, its first page of releases;
     * one more per further 100 releases), so the default covers 1,000 repositories; below 8 per
     * repository, answers are dropped before they are asked again and cost budget.
     */
    @WithDefault("8000")
    int etagCacheSize();

    /** The User-Agent header; by default {@code tidemark/<version>}. */
    Optional<String> userAgent();

    /** Rate-limit handling. */
    RateLimit rateLimit();

    /** Retries of transient failures (5xx, timeouts, connection errors, unusable bodies). */
    Retry retry();

    /** Rate-limit handling, {@code tidemark.github.rate-limit.*}. */
    interface RateLimit {

        /**
         * Requests of the primary budget kept back for other tools using the same token: when
         * GitHub reports this many or fewer requests left before its reset, calls fail at once
         * with {@code RateLimited} until the reset.
         */
        @WithDefault("50")
        int reserve();

        /**
         * How long to back off after a secondary rate limit that came without a
         * {@code retry-after} header; doubled on every consecutive secondary limit.
         */
        @WithDefault("60s")
        Duration secondaryBackoff();

        /** The longest back-off after consecutive secondary rate limits. */
        @WithDefault("1h")
        Duration secondaryBackoffMax();
    }

    /** Retries, {@code tidemark.github.retry.*}. */
    interface Retry {

        /** Retries after the first attempt; 0 disables retrying. */
        @WithDefault("3")
        int maxRetries();

        /** Delay before the first retry; doubled for each further retry. */
        @WithDefault("1s")
        Duration delay();

        /** The longest delay between two retries. */
        @WithDefault("30s")
        Duration maxDelay();
    }
}
