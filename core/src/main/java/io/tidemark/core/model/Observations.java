package io.tidemark.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one answer of a traffic source proves about one kind and granularity: one observation per
 * bucket the answer covered, and the source's own totals over the answer's window when it gave
 * them. This is all a store receives to keep history; it never sees the answer itself.
 *
 * <p>Core makes it from an answer ({@link TrafficWindow#observations()}); an import of history
 * kept elsewhere may build it directly. Either way the constructor guarantees what a store may
 * rely on: buckets sorted oldest first, each aligned to the granularity, and at most one per
 * start, so a store never has to combine two observations of one bucket from the same call.
 *
 * @param kind views or clones, of every bucket and of the totals
 * @param granularity day or week, of every bucket and of the totals
 * @param observedAt when the source answered (for GitHub: its {@code Date} header); stores keep it
 *     as when each bucket was first and last seen, and as the key of the totals
 * @param buckets one observation per covered bucket, oldest first: a bucket with count 0 is a
 *     covered bucket without traffic, a bucket that is absent was not covered (a gap, not a 0);
 *     {@link KeptBucket#complete()} says whether the answer covered the whole bucket
 * @param totals the source's own totals over the answer's whole window (same kind, granularity
 *     and instant), or null when the source gives none (an import of daily figures, say); never
 *     derived from the buckets, since uniques do not add up
 */
public record Observations(
        TrafficKind kind, Granularity granularity, Instant observedAt, List<KeptBucket> buckets, WindowTotals totals) {

    /**
     * @throws InvalidInputException if a component is missing, a bucket does not start a bucket
     *     of the granularity, two buckets share a start, or the totals are of another kind,
     *     granularity or instant
     */
    public Observations {
        Checks.notNull("kind", kind);
        Checks.notNull("granularity", granularity);
        Checks.notNull("observedAt", observedAt);
        List<KeptBucket> sorted = new ArrayList<>(Checks.noNullElements("buckets", buckets));
        sorted.sort(Comparator.comparing(KeptBucket::start));
        for (int i = 0; i < sorted.size(); i++) {
            KeptBucket bucket = sorted.get(i);
            if (!granularity.isBucketStart(bucket.start())) {
                throw new InvalidInputException("buckets[" + i + "].start",
                        granularity + " bucket " + bucket.start() + " does not start a " + granularity);
            }
            if (i > 0 && sorted.get(i - 1).start().equals(bucket.start())) {
                throw new InvalidInputException(
                        "buckets[" + i + "].start", "bucket " + bucket.start() + " is observed twice");
            }
        }
        buckets = List.copyOf(sorted);
        if (totals != null
                && (totals.kind() != kind || totals.granularity() != granularity
                        || !totals.fetchedAt().equals(observedAt))) {
            throw new InvalidInputException("totals", "the totals are of another window than the buckets");
        }
    }
}
