package io.tidemark.core.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A bucket as Tidemark keeps it: the merge of every observation of one day or week.
 *
 * <p>Each observation is what one GitHub window showed of the bucket (0 where the window covered
 * the bucket and GitHub reported nothing). GitHub only ever shows part of a bucket or all of it,
 * so the kept value of each field is the maximum ever observed, and the bucket is complete once
 * some window showed all of it. {@link #mergedWith} is therefore commutative, associative and
 * idempotent: the kept history does not depend on the order in which windows arrive.
 *
 * @param start first day of the bucket (UTC)
 * @param count the largest count observed
 * @param uniques the largest uniques observed (GitHub's own figure for this bucket, never a sum)
 * @param complete whether some window covered the whole bucket after it ended
 */
public record KeptBucket(LocalDate start, int count, int uniques, boolean complete) {

    public KeptBucket {
        Checks.notNull("start", start);
        Checks.notNegative("count", count);
        Checks.notNegative("uniques", uniques);
    }

    /** The per-field maximum of two observations of the same bucket. */
    public KeptBucket mergedWith(KeptBucket other) {
        if (!start.equals(other.start)) {
            throw new IllegalArgumentException("cannot merge bucket " + start + " with bucket " + other.start);
        }
        return new KeptBucket(
                start,
                Math.max(count, other.count),
                Math.max(uniques, other.uniques),
                complete || other.complete);
    }

    /** UTC midnight at the start of the bucket. */
    public Instant timestamp() {
        return Granularity.startOf(start);
    }
}
