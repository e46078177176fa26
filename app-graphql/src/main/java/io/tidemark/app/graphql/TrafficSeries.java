package io.tidemark.app.graphql;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public class TrafficSeries {

    private final io.tidemark.core.model.TrafficSeries series;
    private final ResultBudget budget;

    TrafficSeries(io.tidemark.core.model.TrafficSeries series, ResultBudget budget) {
        this.series = series;
        this.budget = budget;
    }

    @Description("Sum of the buckets' counts.")
    public int getCount() {
        return series.count();
    }

    /** The buckets, resolved by {@link TrafficApi#buckets}, which spends them from the request's budget. */
    List<TrafficBucket> buckets() {
        budget.spend(series.buckets().size());
        return series.buckets().stream().map(TrafficBucket::new).toList();
    }
}
