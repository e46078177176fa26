package io.tidemark.app.graphql;

import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrackedRepository;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A kept repository. Its series are resolved by {@link TrafficApi}; repositories listed together
 * share one {@link SeriesBatch}, so a page of them reads each series in one query.
 */
public class Repository {

    private final TrackedRepository tracked;
    private final SeriesBatch batch;

    Repository(TrackedRepository tracked, SeriesBatch batch) {
        this.tracked = tracked;
        this.batch = batch;
    }

    @NonNull
    public String getOwner() {
        return tracked.id().owner();
    }

    @NonNull
    public String getName() {
        return tracked.id().name();
    }

    @NonNull
    @Description("owner/name")
    public String getNameWithOwner() {
        return tracked.id().nameWithOwner();
    }

    @Description("When traffic was last fetched successfully, or null if never.")
    public Instant getLastSyncedAt() {
        return tracked.sync().lastSuccessAt();
    }

    @Description("Whether Tidemark still fetches this repository's traffic (false once untracked; the history stays).")
    public boolean isTracking() {
        return tracked.active();
    }

    @Description("Why the last sync failed, or null if it succeeded or never ran.")
    public String getLastSyncError() {
        return tracked.sync().lastError();
    }

    @Ignore
    public RepositoryId id() {
        return tracked.id();
    }

    @Ignore
    SeriesBatch batch() {
        return batch;
    }
}
