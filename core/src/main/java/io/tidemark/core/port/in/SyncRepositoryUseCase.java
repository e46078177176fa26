package io.tidemark.core.port.in;

import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncOutcome;

/** Fetching traffic from the source and merging it into the kept history. */
public interface SyncRepositoryUseCase {

    /**
     * Fetches views and clones per day and per week, top referrers and top paths, and keeps
     * them. Each window is kept as soon as it arrives, so a failure part-way loses nothing
     * already fetched. Failures are returned as outcomes and recorded on the repository.
     *
     * @throws java.util.NoSuchElementException if the repository is not tracked
     */
    SyncOutcome sync(RepositoryId repository);
}
