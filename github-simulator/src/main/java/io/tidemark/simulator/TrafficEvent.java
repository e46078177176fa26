package io.tidemark.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One visit in the ground-truth model: a view or a clone at a UTC day and hour by a visitor.
 *
 * @param day UTC day
 * @param hour hour of the day, 0-23
 * @param visitor visitor id; the same id on several days is the same (returning) visitor
 * @param referrer referring site of a view, or {@code null} (direct visit, or a clone)
 * @param path path of a view, e.g. {@code /octo/hello}, or {@code null} for a clone
 * @param title page title of a view, or {@code null} for a clone
 */
public record TrafficEvent(
        LocalDate day, int hour, long visitor, String referrer, String path, String title) {

    public TrafficEvent {
        Objects.requireNonNull(day, "day");
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0-23: " + hour);
        }
        if ((path == null) != (title == null)) {
            throw new IllegalArgumentException("path and title go together");
        }
    }

    /** A view of {@code path} (with its page {@code title}) coming from {@code referrer} (nullable). */
    public static TrafficEvent view(
            LocalDate day, int hour, long visitor, String referrer, String path, String title) {
        return new TrafficEvent(day, hour, visitor, referrer, path, title);
    }

    /** A clone. */
    public static TrafficEvent clone(LocalDate day, int hour, long visitor) {
        return new TrafficEvent(day, hour, visitor, null, null, null);
    }

    /** The event's time: its day at its hour, UTC. */
    public Instant time() {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(hour * 3600L);
    }
}
