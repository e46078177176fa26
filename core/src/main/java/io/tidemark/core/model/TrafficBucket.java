package io.tidemark.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One bucket of a GitHub response: the traffic of the day or week starting at {@code start}
 * (UTC), as far as the response saw it.
 *
 * @param start first day of the bucket (UTC)
 * @param count total views or clones, never negative
 * @param uniques distinct visitors or cloners, never negative
 */
public record TrafficBucket(LocalDate start, int count, int uniques) {

    public TrafficBucket {
        Checks.notNull("start", start);
        Checks.notNegative("count", count);
        Checks.notNegative("uniques", uniques);
    }

    /**
     * A bucket from GitHub's {@code timestamp}, which must be UTC midnight.
     *
     * @throws InvalidInputException if the timestamp is not UTC midnight
     */
    public static TrafficBucket at(Instant timestamp, int count, int uniques) {
        Checks.notNull("timestamp", timestamp);
        LocalDate day = LocalDate.ofInstant(timestamp, ZoneOffset.UTC);
        if (!Granularity.startOf(day).equals(timestamp)) {
            throw new InvalidInputException(
                    "timestamp", "bucket timestamp " + timestamp + " is not UTC midnight");
        }
        return new TrafficBucket(day, count, uniques);
    }

    /** UTC midnight at the start of the bucket. */
    public Instant timestamp() {
        return Granularity.startOf(start);
    }
}
