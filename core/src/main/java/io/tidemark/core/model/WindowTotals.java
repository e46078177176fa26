package io.tidemark.core.model;

import java.time.Instant;

/**
 * GitHub's own totals over one 14-day window: the only place where uniques over more than one
 * bucket exist, since distinct visitors cannot be added up.
 */
public record WindowTotals(TrafficKind kind, Instant fetchedAt, int count, int uniques) {

    public WindowTotals {
        Checks.notNull("kind", kind);
        Checks.notNull("fetchedAt", fetchedAt);
        Checks.notNegative("count", count);
        Checks.notNegative("uniques", uniques);
    }
}
