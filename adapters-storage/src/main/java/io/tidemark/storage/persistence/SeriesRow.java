package io.tidemark.storage.persistence;

import java.time.LocalDate;

/**
 * One row of a series read: a requested repository that is known, and one of its buckets, or
 * null bucket fields when nothing is kept for it in the range.
 */
public record SeriesRow(
        String key, String ownerName, String repoName, LocalDate start, Integer count, Integer uniques, Boolean complete) {

    public boolean hasBucket() {
        return start != null;
    }
}
