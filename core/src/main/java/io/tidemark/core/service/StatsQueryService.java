package io.tidemark.core.service;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.model.ReleaseHistory;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.RepositoryStats;
import io.tidemark.core.port.in.QueryStatsUseCase;
import io.tidemark.core.port.out.RepositoryStatsStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Implements {@link QueryStatsUseCase} over the store's counters role, or over nothing. */
public final class StatsQueryService implements QueryStatsUseCase {

    private final RepositoryStatsStore store;

    /** @param store the counters role of the store, or null when the store keeps no counters */
    public StatsQueryService(RepositoryStatsStore store) {
        this.store = store;
    }

    @Override
    public Map<RepositoryId, List<RepositoryStats>> stats(Collection<RepositoryId> repositories, DateRange range) {
        Objects.requireNonNull(repositories, "repositories");
        Objects.requireNonNull(range, "range");
        return store == null || repositories.isEmpty() ? Map.of() : store.stats(repositories, range);
    }

    @Override
    public Map<RepositoryId, Integer> latestStars(Collection<RepositoryId> repositories) {
        Objects.requireNonNull(repositories, "repositories");
        return store == null || repositories.isEmpty() ? Map.of() : store.latestStars(repositories);
    }

    @Override
    public List<ReleaseHistory> releases(RepositoryId repository, int first) {
        Objects.requireNonNull(repository, "repository");
        if (first < 1 || first > MAX_RELEASES) {
            throw new InvalidInputException("first", "first must be between 1 and " + MAX_RELEASES + ", was " + first);
        }
        return store == null ? List.of() : store.releases(repository, first);
    }
}
