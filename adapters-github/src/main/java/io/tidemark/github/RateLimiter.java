package io.tidemark.github;

import io.tidemark.core.port.out.SourceFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import jakarta.ws.rs.core.Response;

/**
 * GitHub's rate limits for one token, as GitHub last reported them.
 *
 * <p>Reads {@code x-ratelimit-limit}, {@code -remaining} and {@code -reset} and the {@code Date}
 * header of every response. Before each call, {@link #beforeCall()} refuses at once (never
 * waits) when the budget is down to the reserve before its reset, or while a secondary-limit
 * back-off lasts.
 *
 * <p>Rate-limit times are compared with the injected clock, as GitHub's documentation asks
 * ({@code x-ratelimit-reset} is in UTC epoch seconds); the {@code Date} header only stamps
 * answers. (A simulated GitHub may run its {@code Date} on a simulated clock while its rate-limit
 * window runs on real time.)
 */
final class RateLimiter {

    private static final Duration PRIMARY_FALLBACK = Duration.ofSeconds(60);
    private static final Duration JUST_RESET = Duration.ofSeconds(1);

    private final Clock clock;
    private final int reserve;
    private final Duration secondaryBackoff;
    private final Duration secondaryBackoffMax;

    private Integer limit;
    private Integer remaining;
    private Instant reset;
    private Instant blockedUntil;
    private int consecutiveSecondary;

    RateLimiter(Clock clock, int reserve, Duration secondaryBackoff, Duration secondaryBackoffMax) {
        this.clock = clock;
        this.reserve = Math.max(0, reserve);
        this.secondaryBackoff = secondaryBackoff;
        this.secondaryBackoffMax = secondaryBackoffMax;
    }

    private Instant now() {
        return clock.instant();
    }

    /**
     * @throws SourceFailure.RateLimited when calling GitHub now would break the reserve or a
     *     back-off
     */
    synchronized void beforeCall() {
        Instant now = now();
        if (blockedUntil != null) {
            if (now.isBefore(blockedUntil)) {
                throw new SourceFailure.RateLimited(
                        "GitHub rate limit: backing off until " + blockedUntil, blockedUntil);
            }
            blockedUntil = null;
        }
        if (remaining != null && reset != null && remaining <= reserve && reset.isAfter(now)) {
            throw new SourceFailure.RateLimited(
                    "GitHub rate limit: " + remaining + " of " + (limit == null ? "?" : limit)
                            + " requests left and " + reserve + " kept in reserve; the budget resets at "
                            + reset,
                    reset);
        }
    }

    /**
     * Takes in the headers of a response.
     *
     * @return when GitHub answered: its {@code Date} header, else the injected clock's now
     */
    synchronized Instant observe(Response response) {
        Instant date = httpDate(response.getHeaderString("Date"));
        Integer newRemaining = integer(response.getHeaderString("x-ratelimit-remaining"));
        if (newRemaining != null) {
            remaining = newRemaining;
            Integer newLimit = integer(response.getHeaderString("x-ratelimit-limit"));
            if (newLimit != null) {
                limit = newLimit;
            }
            Long newReset = longValue(response.getHeaderString("x-ratelimit-reset"));
            if (newReset != null) {
                reset = Instant.ofEpochSecond(newReset);
            }
        }
        return date != null ? date : now();
    }

    /** Requests left in the current window as GitHub last said, or null before the first answer. */
    synchronized Integer remaining() {
        return remaining;
    }

    /** A success ends a run of secondary limits. */
    synchronized void succeeded() {
        consecutiveSecondary = 0;
    }

    /**
     * Classifies a 403 or 429 response (whose headers {@link #observe} has seen).
     *
     * @return the rate-limit outcome, or {@code null} if the refusal is not about rate limits
     */
    synchronized SourceFailure.RateLimited refusal(
            int status, Response response, String gitHubMessage, String request) {
        Instant answeredAt = now();
        String retryAfterHeader = response.getHeaderString("retry-after");
        Duration retryAfter = retryAfter(retryAfterHeader, answeredAt);
        boolean mentionsSecondary = gitHubMessage != null
                && (gitHubMessage.toLowerCase(Locale.ROOT).contains("secondary rate limit")
                        || gitHubMessage.toLowerCase(Locale.ROOT).contains("abuse"));
        if (retryAfter != null) {
            consecutiveSecondary++;
            return block(answeredAt.plus(retryAfter), "GitHub secondary rate limit on " + request
                    + " (HTTP " + status + ", retry-after " + retryAfter.toSeconds() + " s)");
        }
        if (Integer.valueOf(0).equals(remaining) && !mentionsSecondary) {
            // A reset already past means the window has just rolled over: try again in a moment.
            Instant resumeAt = reset == null ? answeredAt.plus(PRIMARY_FALLBACK)
                    : reset.isAfter(answeredAt) ? reset : answeredAt.plus(JUST_RESET);
            return block(resumeAt, "GitHub rate limit exhausted on " + request + " (HTTP " + status
                    + ", " + (limit == null ? "?" : limit) + " requests per hour)");
        }
        if (mentionsSecondary || status == 429) {
            consecutiveSecondary++;
            Duration backoff = secondaryBackoff;
            for (int i = 1; i < consecutiveSecondary && backoff.compareTo(secondaryBackoffMax) < 0; i++) {
                backoff = backoff.multipliedBy(2);
            }
            if (backoff.compareTo(secondaryBackoffMax) > 0) {
                backoff = secondaryBackoffMax;
            }
            return block(answeredAt.plus(backoff), "GitHub secondary rate limit on " + request
                    + " (HTTP " + status + ", backing off " + backoff.toSeconds() + " s)");
        }
        return null;
    }

    private SourceFailure.RateLimited block(Instant resumeAt, String message) {
        if (blockedUntil == null || resumeAt.isAfter(blockedUntil)) {
            blockedUntil = resumeAt;
        }
        return new SourceFailure.RateLimited(message + "; calls resume at " + resumeAt, resumeAt);
    }

    /** For tests and diagnostics: the budget as last reported. */
    synchronized String describe() {
        return "remaining=" + remaining + ", limit=" + limit + ", reset=" + reset + ", blockedUntil=" + blockedUntil;
    }

    private static Duration retryAfter(String header, Instant answeredAt) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Long seconds = longValue(header);
        if (seconds != null) {
            return Duration.ofSeconds(Math.max(0, seconds));
        }
        Instant at = httpDate(header);
        if (at != null) {
            return at.isAfter(answeredAt) ? Duration.between(answeredAt, at) : Duration.ZERO;
        }
        return null;
    }

    static Instant httpDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer integer(String value) {
        Long parsed = longValue(value);
        return parsed == null || parsed > Integer.MAX_VALUE || parsed < Integer.MIN_VALUE ? null : parsed.intValue();
    }

    private static Long longValue(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
