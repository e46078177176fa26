package io.tidemark.core.model;

import java.time.LocalDate;

/** A count attributed to one UTC day. */
public record DailyCount(LocalDate day, long count) {

    public DailyCount {
        Checks.notNull("day", day);
        if (count < 0) {
            throw new InvalidInputException("count", "a daily count must not be negative, was " + count);
        }
    }
}
