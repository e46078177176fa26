package io.tidemark.core.model;

import java.time.Instant;

/**
 * A repository Tidemark knows. {@code active} is false once it was untracked: it is no longer
 * fetched, and its history stays.
 */
public record TrackedRepository(RepositoryId id, Instant trackedAt, boolean active, SyncStatus sync) {

    public TrackedRepository {
        Checks.notNull("id", id);
        Checks.notNull("trackedAt", trackedAt);
        Checks.notNull("sync", sync);
    }
}
