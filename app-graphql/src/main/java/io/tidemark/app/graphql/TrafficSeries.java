package io.tidemark.app.graphql;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public class TrafficSeries {

    private final int count;
    private final List<TrafficBucket> buckets;

    TrafficSeries(io.tidemark.core.model.TrafficSeries series) {
        this.count = series.count();
        this.buckets = series.buckets().stream().map(TrafficBucket::new).toList();
    }

    @Description("Sum of the buckets' counts.")
    public int getCount() {
        return count;
    }

    @NonNull
    public List<@NonNull TrafficBucket> getBuckets() {
        return buckets;
    }
}
