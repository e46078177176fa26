package io.tidemark.app.graphql;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.RepositoryStats;
import jakarta.enterprise.context.RequestScoped;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counters read for the repositories of one result (one {@link SeriesBatch}), per range, for
 * one request: the first {@code stats} field of a page reads every repository of the page at once,
 * the others find it here. Keyed by the batch, so pages, and aliases with other ranges, never mix.
 */
@RequestScoped
class StatsBatches {

    private final Map<SeriesBatch, Map<DateRange, Map<RepositoryId, List<RepositoryStats>>>> loaded =
            new IdentityHashMap<>();

    synchronized Map<DateRange, Map<RepositoryId, List<RepositoryStats>>> of(SeriesBatch batch) {
        return loaded.computeIfAbsent(batch, b -> new ConcurrentHashMap<>());
    }
}
