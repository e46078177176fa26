package io.tidemark.core.service;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficSeries;
import io.tidemark.core.model.WindowTotals;
import io.tidemark.core.model.RepositoryPage;
import io.tidemark.core.port.in.QueryTrafficUseCase;
import io.tidemark.core.port.out.RepositoryRegistry;
import io.tidemark.core.port.out.SnapshotStore;
import io.tidemark.core.port.out.TrafficHistory;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Implements {@link QueryTrafficUseCase} over the three roles of the store. */
public final class TrafficQueryService implements QueryTrafficUseCase {

    private final RepositoryRegistry registry;
    private final TrafficHistory history;
    private final SnapshotStore snapshots;

    public TrafficQueryService(RepositoryRegistry registry, TrafficHistory history, SnapshotStore snapshots) {
        this.registry = Objects.requireNonNull(registry);
        this.history = Objects.requireNonNull(history);
        this.snapshots = Objects.requireNonNull(snapshots);
    }

    @Override
    public Optional<TrackedRepository> repository(RepositoryId repository) {
        return registry.find(Objects.requireNonNull(repository));
    }

    @Override
    public RepositoryPage repositories(String owner, int first, String after) {
        if (first < 1 || first > MAX_PAGE_SIZE) {
            throw new InvalidInputException("first", "first must be between 1 and " + MAX_PAGE_SIZE + ", was " + first);
        }
        String validOwner = owner == null ? null : RepositoryId.validOwner(owner);
        return registry.list(validOwner, after == null ? null : RepositoryPage.keyOf(after), first);
    }

    @Override
    public Map<RepositoryId, TrafficSeries> series(
            Collection<RepositoryId> repositories, TrafficKind kind, Granularity granularity, DateRange range) {
        Map<RepositoryId, List<KeptBucket>> kept = history.series(repositories, kind, granularity, range);
        Map<RepositoryId, TrafficSeries> series = new LinkedHashMap<>();
        for (RepositoryId repository : repositories) {
            List<KeptBucket> buckets = kept.get(repository);
            if (buckets != null) {
                series.put(repository, new TrafficSeries(kind, granularity, buckets));
            }
        }
        return series;
    }

    @Override
    public List<WindowTotals> windowTotals(
            RepositoryId repository, TrafficKind kind, Granularity granularity, DateRange range) {
        return history.windowTotals(List.of(Objects.requireNonNull(repository)), kind, granularity, range)
                .getOrDefault(repository, List.of());
    }

    @Override
    public Optional<TopReferrers> topReferrers(RepositoryId repository, LocalDate at) {
        return snapshots.topReferrers(Objects.requireNonNull(repository), at);
    }

    @Override
    public Optional<TopPaths> topPaths(RepositoryId repository, LocalDate at) {
        return snapshots.topPaths(Objects.requireNonNull(repository), at);
    }
}
