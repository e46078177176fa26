package io.tidemark.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * GitHub's top-10 referrers over the 14 days before {@code takenAt}. A rolling top-10 list cannot
 * be differenced into daily figures, so it is kept as it is: one snapshot per repository and UTC
 * day, a later one the same day replacing the earlier.
 */
public record TopReferrers(Instant takenAt, List<Referrer> referrers) {

    public TopReferrers {
        Checks.notNull("takenAt", takenAt);
        referrers = Checks.noNullElements("referrers", referrers);
    }

    /** The UTC day this snapshot is kept under. */
    public LocalDate day() {
        return LocalDate.ofInstant(takenAt, ZoneOffset.UTC);
    }
}
