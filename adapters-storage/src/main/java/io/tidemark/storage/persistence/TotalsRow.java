package io.tidemark.storage.persistence;

import java.time.Instant;

/**
 * One row of a window-totals read: a requested repository that is known, and one of its kept
 * totals, or null totals fields when none is kept for it in the range.
 */
public record TotalsRow(
        String key, String ownerName, String repoName, Instant fetchedAt, Integer count, Integer uniques) {

    public boolean hasTotals() {
        return fetchedAt != null;
    }
}
