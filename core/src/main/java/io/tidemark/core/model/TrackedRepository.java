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

    /**
     * Whether this repository is at risk of losing history: Tidemark has kept nothing of it for
     * more than {@link SyncStatus#STALE_AFTER} (no successful sync since then, and tracked before
     * then), while GitHub forgets after 14 days. A repository tracked a moment ago is not stale.
     */
    public boolean isStale(Instant now) {
        return sync.isStale(now) && trackedAt.isBefore(now.minus(SyncStatus.STALE_AFTER));
    }
}
