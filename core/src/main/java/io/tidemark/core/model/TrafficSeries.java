package io.tidemark.core.model;

import java.util.List;

/**
 * Kept buckets of one repository, kind and granularity over a range, oldest first. Every bucket
 * GitHub was asked about is present (count 0 where it reported nothing); buckets never observed
 * are absent, because a gap is not a zero.
 */
public record TrafficSeries(TrafficKind kind, Granularity granularity, List<KeptBucket> buckets) {

    public TrafficSeries {
        Checks.notNull("kind", kind);
        Checks.notNull("granularity", granularity);
        buckets = Checks.noNullElements("buckets", buckets);
    }

    public static TrafficSeries empty(TrafficKind kind, Granularity granularity) {
        return new TrafficSeries(kind, granularity, List.of());
    }

    /**
     * Sum of the buckets' counts. There is deliberately no sum of uniques: distinct visitors of
     * several buckets cannot be added up.
     */
    public int count() {
        int total = 0;
        for (KeptBucket bucket : buckets) {
            total = Math.addExact(total, bucket.count());
        }
        return total;
    }
}
