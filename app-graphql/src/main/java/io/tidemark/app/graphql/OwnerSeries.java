package io.tidemark.app.graphql;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;

@Description("Since 2.")
public class OwnerSeries {

    private final List<io.tidemark.core.model.OwnerBucket> buckets;
    private final ResultBudget budget;

    OwnerSeries(List<io.tidemark.core.model.OwnerBucket> buckets, ResultBudget budget) {
        this.buckets = buckets;
        this.budget = budget;
    }

    @Description("Sum of the buckets' counts.")
    public int getCount() {
        return OwnerBucket.toInt(buckets.stream().mapToLong(io.tidemark.core.model.OwnerBucket::count).sum());
    }

    /** The buckets, resolved by {@link OwnerApi#buckets}, which spends them from the request's budget. */
    List<OwnerBucket> buckets() {
        budget.spend(buckets.size());
        return buckets.stream().map(OwnerBucket::new).toList();
    }
}
