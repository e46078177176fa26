package io.tidemark.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A settable {@link Clock} for tests, e.g. to drive the primary rate-limit window (which runs on
 * a real-time clock, not on the {@link SimulatedClock}). Thread-safe.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> instant;
    private final ZoneId zone;

    public MutableClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    private MutableClock(AtomicReference<Instant> instant, ZoneId zone) {
        this.instant = instant;
        this.zone = zone;
    }

    /** Moves this clock by {@code duration}. */
    public void advance(Duration duration) {
        instant.updateAndGet(current -> current.plus(duration));
    }

    /** Sets this clock. */
    public void set(Instant newInstant) {
        instant.set(newInstant);
    }

    @Override
    public Instant instant() {
        return instant.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(instant, newZone);
    }
}
