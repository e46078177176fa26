package io.tidemark.app.graphql;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficSeries;
import io.tidemark.core.port.in.QueryTrafficUseCase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads a series for every repository of one result at once, the first time any of them asks,
 * one query per distinct (kind, granularity, range). Keyed by the arguments, so aliases such as
 * {@code d: views(per: DAY) w: views(per: WEEK)} each get their own, correct, series; SmallRye's
 * batch resolvers would hand every key the first key's arguments instead.
 */
final class SeriesBatch {

    private record Key(TrafficKind kind, io.tidemark.core.model.Granularity granularity, DateRange range) {}

    private final QueryTrafficUseCase query;
    private final List<RepositoryId> repositories;
    private final Map<Key, Map<RepositoryId, TrafficSeries>> loaded = new ConcurrentHashMap<>();

    SeriesBatch(QueryTrafficUseCase query, List<RepositoryId> repositories) {
        this.query = query;
        this.repositories = List.copyOf(repositories);
    }

    /** The repositories of the result, for other per-page reads (counters). */
    List<RepositoryId> repositories() {
        return repositories;
    }

    TrafficSeries series(
            RepositoryId repository, TrafficKind kind, io.tidemark.core.model.Granularity granularity, DateRange range) {
        Map<RepositoryId, TrafficSeries> all = loaded.computeIfAbsent(
                new Key(kind, granularity, range), key -> query.series(repositories, kind, granularity, range));
        TrafficSeries series = all.get(repository);
        return series != null ? series : TrafficSeries.empty(kind, granularity);
    }
}
