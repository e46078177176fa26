package io.tidemark.app.graphql;

import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public class TrafficBucket {

    private final Instant timestamp;
    private final int count;
    private final int uniques;
    private final boolean complete;

    TrafficBucket(io.tidemark.core.model.KeptBucket kept) {
        this.timestamp = kept.timestamp();
        this.count = kept.count();
        this.uniques = kept.uniques();
        this.complete = kept.complete();
    }

    @NonNull
    @Description("UTC midnight at the start of the day or week.")
    public Instant getTimestamp() {
        return timestamp;
    }

    public int getCount() {
        return count;
    }

    public int getUniques() {
        return uniques;
    }

    @Description("True once GitHub has been seen reporting the whole bucket: in a window fetched after the bucket"
            + " ended whose left edge did not cut it (GitHub's window is a rolling 14 x 24 hours, so the oldest"
            + " day and week of every window are cut). False otherwise: the bucket may lack traffic.")
    public boolean isComplete() {
        return complete;
    }
}
