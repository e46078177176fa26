package io.tidemark.core.model;

import java.util.List;

/**
 * How fresh the kept history of the tracked repositories is.
 *
 * @param tracked how many repositories are tracked (active)
 * @param stale the tracked repositories at risk of losing history ({@link TrackedRepository#isStale}),
 *     ordered by {@code nameWithOwner} ignoring case
 */
public record SyncFreshness(int tracked, List<RepositoryId> stale) {

    public SyncFreshness {
        stale = List.copyOf(stale);
    }
}
