package io.tidemark.core.model;

import java.time.Duration;
import java.time.Instant;

/**
 * Sync bookkeeping of one repository.
 *
 * @param lastSuccessAt when traffic was last fetched and kept, or null if never
 * @param lastAttemptAt when a sync last ran, or null if never
 * @param lastError why the last attempt failed (safe to show), or null if it succeeded
 * @param nextDueAt when the repository should be synced next, or null for "as soon as possible"
 */
public record SyncStatus(Instant lastSuccessAt, Instant lastAttemptAt, String lastError, Instant nextDueAt) {

    /** GitHub forgets after 14 days; past this age a repository is at risk of losing history. */
    public static final Duration STALE_AFTER = Duration.ofDays(10);

    public static final SyncStatus NEVER = new SyncStatus(null, null, null, null);

    /** Whether the last success is older than {@link #STALE_AFTER} (or there was none). */
    public boolean isStale(Instant now) {
        return lastSuccessAt == null || lastSuccessAt.isBefore(now.minus(STALE_AFTER));
    }
}
