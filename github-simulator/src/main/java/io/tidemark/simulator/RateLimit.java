package io.tidemark.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GitHub's rate limits, per token. The primary limit is a budget of requests per window (default
 * 5000 per hour) that starts with a token's first request. Its window runs on a real-time {@link
 * Clock} (default the system clock, injectable), not on the simulated traffic clock, because the
 * application under test compares {@code x-ratelimit-reset} with its own clock. The secondary
 * limit is injected: the next N requests are refused with {@code retry-after}. Thread-safe.
 */
public final class RateLimit {

    /**
     * The state of a token's primary limit as reported in the {@code x-ratelimit-*} headers.
     *
     * @param limit the budget per window
     * @param remaining budget left
     * @param used budget used
     * @param reset end of the window
     * @param exceeded whether the request was refused because the budget was spent
     */
    record Snapshot(int limit, int remaining, int used, Instant reset, boolean exceeded) {}

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicInteger secondaryPending = new AtomicInteger();
    private volatile int budget;
    private volatile Duration windowLength = Duration.ofHours(1);
    private volatile int exceededStatus = 403;
    private volatile Duration retryAfter = Duration.ofSeconds(60);

    RateLimit(Clock clock, int budget) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.budget = budget;
    }

    /** The clock the primary window runs on. */
    public Clock clock() {
        return clock;
    }

    /** The budget per window. */
    public int budget() {
        return budget;
    }

    /** Sets the budget per window (applies to current windows too). */
    public void setBudget(int budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("budget must be >= 0");
        }
        this.budget = budget;
    }

    /** Sets the window length of windows that start from now on (default one hour). */
    public void setWindow(Duration length) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.windowLength = length;
    }

    /** The status of a request refused because the budget is spent: 403 (default) or 429. */
    public void setExceededStatus(int status) {
        if (status != 403 && status != 429) {
            throw new IllegalArgumentException("GitHub answers 403 or 429: " + status);
        }
        this.exceededStatus = status;
    }

    /** The status of a request refused because the budget is spent. */
    public int exceededStatus() {
        return exceededStatus;
    }

    /** Ends every token's window now: the next request starts a fresh one with the full budget. */
    public void forceReset() {
        windows.clear();
    }

    /** Budget left to {@code token} in its current window. */
    public int remaining(String token) {
        return peek(token).remaining();
    }

    /** Budget used by {@code token} in its current window. */
    public int used(String token) {
        return peek(token).used();
    }

    /**
     * The next {@code requests} authenticated requests are refused with 403, {@code retry-after}
     * and GitHub's secondary rate limit message (they cost no budget).
     */
    public void triggerSecondary(int requests, Duration retryAfter) {
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        secondaryPending.set(requests);
    }

    /** Secondary-limited requests still to come. */
    public int secondaryPending() {
        return secondaryPending.get();
    }

    Duration retryAfter() {
        return retryAfter;
    }

    boolean takeSecondary() {
        return secondaryPending.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** Refuses if the budget is spent, otherwise consumes one unit when {@code cost}. */
    Snapshot acquire(String token, boolean cost) {
        return windows.computeIfAbsent(token, t -> new Window()).acquire(cost);
    }

    /** The current state without consuming budget. */
    Snapshot peek(String token) {
        Window window = windows.get(token);
        if (window == null) {
            return new Snapshot(budget, budget, 0, clock.instant().plus(windowLength), false);
        }
        return window.state(clock.instant(), false);
    }

    private final class Window {
        private Instant reset;
        private int used;

        synchronized Snapshot acquire(boolean cost) {
            Instant now = clock.instant();
            Snapshot state = state(now, true);
            if (state.exceeded() || !cost) {
                return state;
            }
            used++;
            int limit = state.limit();
            return new Snapshot(limit, Math.max(0, limit - used), used, reset, false);
        }

        synchronized Snapshot state(Instant now, boolean roll) {
            if (reset == null || !now.isBefore(reset)) {
                if (!roll) {
                    return new Snapshot(budget, budget, 0, wholeSecondAfter(now.plus(windowLength)), false);
                }
                // GitHub states the reset in whole epoch seconds; end windows on one, so the header is exact.
                reset = wholeSecondAfter(now.plus(windowLength));
                used = 0;
            }
            int limit = budget;
            return new Snapshot(limit, Math.max(0, limit - used), used, reset, used >= limit);
        }
    }

    private static Instant wholeSecondAfter(Instant instant) {
        Instant whole = instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return whole.equals(instant) ? whole : whole.plusSeconds(1);
    }
}
