package io.tidemark.app.graphql;

import io.tidemark.core.model.Granularity;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Since 2.")
public class OwnerBucket {

    private final io.tidemark.core.model.OwnerBucket bucket;

    OwnerBucket(io.tidemark.core.model.OwnerBucket bucket) {
        this.bucket = bucket;
    }

    @NonNull
    @Description("UTC midnight at the start of the day or week.")
    public Instant getTimestamp() {
        return Granularity.startOf(bucket.start());
    }

    @Description("Sum of the counts of the repositories that have this bucket kept.")
    public int getCount() {
        return toInt(bucket.count());
    }

    @Description("How many of the owner's tracked repositories have this bucket kept; for the others it is a gap.")
    public int getRepositoriesObserved() {
        return bucket.repositoriesObserved();
    }

    @Description("How many of those have it complete.")
    public int getRepositoriesComplete() {
        return bucket.repositoriesComplete();
    }

    /** A sum as GraphQL's 32-bit Int: beyond it the answer would be wrong, so it is an error. */
    static int toInt(long sum) {
        if (sum > Integer.MAX_VALUE) {
            throw new ApiError.ResultTooLarge("a sum of counts (" + sum + ") is larger than GraphQL's Int can carry;"
                    + " ask for a shorter range or per: DAY");
        }
        return (int) sum;
    }
}
