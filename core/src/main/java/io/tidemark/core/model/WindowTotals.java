package io.tidemark.core.model;

import java.time.Instant;

/**
 * A source's own totals over one fetched window (for GitHub: the top-level {@code count} and
 * {@code uniques} of one 14-day answer). They are the only distinct-visitor figure over more than
 * one bucket, and cannot be recomputed from the buckets: {@code uniques} is never a sum.
 *
 * @param kind views or clones
 * @param granularity the granularity of the answer the totals came with (GitHub answers both
 *     granularities with totals over the same 14 days, which may still differ slightly)
 * @param fetchedAt when the source answered; with kind and granularity, the identity of the totals
 * @param count total views or clones over the window
 * @param uniques distinct visitors or cloners over the window
 */
public record WindowTotals(TrafficKind kind, Granularity granularity, Instant fetchedAt, int count, int uniques) {

    public WindowTotals {
        Checks.notNull("kind", kind);
        Checks.notNull("granularity", granularity);
        Checks.notNull("fetchedAt", fetchedAt);
        Checks.notNegative("count", count);
        Checks.notNegative("uniques", uniques);
    }
}
