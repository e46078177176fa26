package io.tidemark.core.port.in;

import java.time.Instant;

/** What a scheduler runs: sync every tracked repository that is due, most overdue first. */
public interface SyncDueRepositoriesUseCase {

    /**
     * Syncs every active repository whose next sync is due, the most overdue first. One
     * repository's failure never stops the others; a spent rate limit stops the run, and the
     * result says when to resume.
     */
    SyncRun syncDue();

    /**
     * Summary of one run.
     *
     * @param synced repositories fetched and kept in full
     * @param partlySynced repositories of which some parts were kept and some failed (recorded
     *     on each; not a success, so their last success is not advanced)
     * @param failed repositories whose sync failed (recorded on each)
     * @param notDue active repositories skipped because they are not due yet
     * @param deferred due repositories left for later because the rate limit ran out
     * @param resumeAt when the rate limit allows syncing again, or null if it did not run out
     */
    record SyncRun(int synced, int partlySynced, int failed, int notDue, int deferred, Instant resumeAt) {}
}
