package io.tidemark.core.port.in;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.ReleaseHistory;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.RepositoryStats;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reading the kept counters and releases. Where the store keeps none (a store without the
 * counters role), every read is empty.
 */
public interface QueryStatsUseCase {

    /** The most releases one read may return. */
    int MAX_RELEASES = 100;

    /**
     * The counters of several repositories at once, one entry per day kept in {@code range},
     * oldest first; a repository without any (or unknown) maps to an empty list or is absent.
     */
    Map<RepositoryId, List<RepositoryStats>> stats(Collection<RepositoryId> repositories, DateRange range);

    /**
     * The latest kept stars of several repositories (the stars of the latest day stars were seen),
     * for ordering by stars; repositories without stars kept are absent.
     */
    Map<RepositoryId, Integer> latestStars(Collection<RepositoryId> repositories);

    /**
     * The kept releases of a repository, newest first, with their sightings per day.
     *
     * @param first 1 to {@link #MAX_RELEASES}
     * @throws io.tidemark.core.model.InvalidInputException (field {@code first}) outside that range
     */
    List<ReleaseHistory> releases(RepositoryId repository, int first);
}
