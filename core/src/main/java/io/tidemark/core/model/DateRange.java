package io.tidemark.core.model;

import java.time.LocalDate;

/**
 * Inclusive range of UTC days; a null end is open. A bucket belongs to the range when its start
 * day lies inside it.
 */
public record DateRange(LocalDate since, LocalDate until) {

    public static final DateRange ALL = new DateRange(null, null);

    public DateRange {
        if (since != null && until != null && since.isAfter(until)) {
            throw new InvalidInputException("since", "since (" + since + ") is after until (" + until + ")");
        }
    }

    public boolean contains(LocalDate day) {
        return (since == null || !day.isBefore(since)) && (until == null || !day.isAfter(until));
    }
}
