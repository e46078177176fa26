package io.tidemark.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulated "now" of the traffic model: always a whole UTC hour. Every traffic answer is
 * computed at this moment and every response's {@code Date} header carries it. Thread-safe.
 */
public final class SimulatedClock {

    private final AtomicReference<Instant> now;

    SimulatedClock(Instant initial) {
        now = new AtomicReference<>(requireWholeHour(initial));
    }

    /** The simulated now. */
    public Instant now() {
        return now.get();
    }

    /** Sets now; {@code instant} must be a whole hour (e.g. {@code 2024-05-01T10:00:00Z}). */
    public void set(Instant instant) {
        now.set(requireWholeHour(instant));
    }

    /** Moves now by a whole number of hours (may be negative) and returns the new now. */
    public Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (!duration.equals(Duration.ofHours(duration.toHours()))) {
            throw new IllegalArgumentException("advance by whole hours only: " + duration);
        }
        return now.updateAndGet(current -> current.plus(duration));
    }

    /** Moves now by {@code hours} hours and returns the new now. */
    public Instant advanceHours(long hours) {
        return advance(Duration.ofHours(hours));
    }

    /** Moves now by {@code days} days and returns the new now. */
    public Instant advanceDays(long days) {
        return advance(Duration.ofDays(days));
    }

    private static Instant requireWholeHour(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (!instant.truncatedTo(ChronoUnit.HOURS).equals(instant)) {
            throw new IllegalArgumentException("the simulated clock moves in whole hours: " + instant);
        }
        return instant;
    }
}
