package io.tidemark.core.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * Bucket size. Buckets start at UTC midnight; weeks begin on Monday, as GitHub defines them.
 */
public enum Granularity {
    DAY(1),
    WEEK(7);

    private final int days;

    Granularity(int days) {
        this.days = days;
    }

    /** Length of one bucket in days. */
    public int days() {
        return days;
    }

    /** The start of the bucket that contains {@code day}. */
    public LocalDate bucketStart(LocalDate day) {
        return this == DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Whether {@code day} is the first day of a bucket (for weeks: a Monday). */
    public boolean isBucketStart(LocalDate day) {
        return bucketStart(day).equals(day);
    }

    /** The start of the bucket after the one starting at {@code start}. */
    public LocalDate next(LocalDate start) {
        return start.plusDays(days);
    }

    /** UTC midnight at the start of the bucket. */
    public static Instant startOf(LocalDate start) {
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The instant the bucket starting at {@code start} ends (exclusive). */
    public Instant endOf(LocalDate start) {
        return startOf(next(start));
    }
}
