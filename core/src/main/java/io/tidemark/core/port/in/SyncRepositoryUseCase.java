package io.tidemark.core.port.in;

import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncOutcome;

/** Fetching traffic from the source and merging it into the kept history. */
public interface SyncRepositoryUseCase {

    /**
     * Fetches views and clones per day and per week, top referrers and top paths, and keeps
     * them. Each part (window or snapshot) is kept as soon as it arrives, so a failure part-way
     * loses nothing already fetched, and one part failing upstream (even after retries, or with
     * an unusable answer) does not stop the others: the outcome is then {@link
     * SyncOutcome.PartlySynced}, naming each failed part. A spent rate limit, bad credentials, a
     * missing permission or an unknown repository stop the sync. Failures are returned as
     * outcomes and recorded on the repository; only {@link SyncOutcome.Synced} advances its last
     * success.
     *
     * @throws java.util.NoSuchElementException if the repository is not tracked
     */
    SyncOutcome sync(RepositoryId repository);
}
