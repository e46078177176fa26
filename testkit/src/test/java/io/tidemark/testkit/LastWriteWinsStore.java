package io.tidemark.testkit;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.Observations;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.RepositoryPage;
import io.tidemark.core.model.SyncStatus;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.WindowTotals;
import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.core.testing.InMemoryTrafficStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A deliberately wrong store, for proving that the contract catches it: the reference store in
 * every respect but the merge, which overwrites each bucket with the latest observation (last
 * write wins) instead of keeping each field's maximum. Everything else, the window totals
 * included, is delegated to {@link InMemoryTrafficStore}.
 */
final class LastWriteWinsStore implements TrafficStore {

    private record Key(String repository, TrafficKind kind, Granularity granularity) {}

    private final InMemoryTrafficStore delegate = new InMemoryTrafficStore();
    private final Map<Key, NavigableMap<LocalDate, KeptBucket>> buckets = new HashMap<>();

    @Override
    public synchronized void merge(RepositoryId repository, Observations observations) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(observations, "observations");
        delegate.merge(repository, new Observations(observations.kind(), observations.granularity(),
                observations.observedAt(), List.of(), observations.totals()));
        NavigableMap<LocalDate, KeptBucket> kept = buckets.computeIfAbsent(
                new Key(repository.key(), observations.kind(), observations.granularity()), k -> new TreeMap<>());
        for (KeptBucket observation : observations.buckets()) {
            kept.put(observation.start(), observation); // the bug: the last write wins
        }
    }

    @Override
    public synchronized void mergeAll(Map<RepositoryId, List<Observations>> observations) {
        Objects.requireNonNull(observations, "observations");
        observations.forEach((repository, ofOne) -> {
            Objects.requireNonNull(repository, "observations key");
            Objects.requireNonNull(ofOne, "observations of " + repository);
            ofOne.forEach(one -> Objects.requireNonNull(one, "an observation of " + repository));
            find(repository).orElseThrow();
        });
        observations.forEach((repository, ofOne) -> ofOne.forEach(one -> merge(repository, one)));
    }

    @Override
    public synchronized Map<RepositoryId, List<KeptBucket>> series(
            Collection<RepositoryId> repositories, TrafficKind kind, Granularity granularity, DateRange range) {
        Map<RepositoryId, List<KeptBucket>> known = delegate.series(repositories, kind, granularity, range);
        Map<RepositoryId, List<KeptBucket>> result = new LinkedHashMap<>();
        known.keySet().forEach(repository -> result.put(repository, buckets
                .getOrDefault(new Key(repository.key(), kind, granularity), new TreeMap<>())
                .values().stream().filter(bucket -> range.contains(bucket.start())).toList()));
        return result;
    }

    @Override
    public synchronized boolean deleteHistory(RepositoryId repository) {
        buckets.keySet().removeIf(key -> key.repository().equals(repository.key()));
        return delegate.deleteHistory(repository);
    }

    // ---- delegated unchanged

    @Override
    public Map<RepositoryId, List<WindowTotals>> windowTotals(
            Collection<RepositoryId> repositories, TrafficKind kind, Granularity granularity, DateRange range) {
        return delegate.windowTotals(repositories, kind, granularity, range);
    }

    @Override
    public TrackedRepository track(RepositoryId repository, Instant at) {
        return delegate.track(repository, at);
    }

    @Override
    public boolean untrack(RepositoryId repository) {
        return delegate.untrack(repository);
    }

    @Override
    public Optional<TrackedRepository> find(RepositoryId repository) {
        return delegate.find(repository);
    }

    @Override
    public RepositoryPage list(String owner, String afterKey, int limit) {
        return delegate.list(owner, afterKey, limit);
    }

    @Override
    public List<TrackedRepository> active() {
        return delegate.active();
    }

    @Override
    public void trackOwner(String owner, Instant at) {
        delegate.trackOwner(owner, at);
    }

    @Override
    public List<String> trackedOwners() {
        return delegate.trackedOwners();
    }

    @Override
    public void recordSync(RepositoryId repository, SyncStatus status) {
        delegate.recordSync(repository, status);
    }

    @Override
    public void save(RepositoryId repository, TopReferrers snapshot) {
        delegate.save(repository, snapshot);
    }

    @Override
    public void save(RepositoryId repository, TopPaths snapshot) {
        delegate.save(repository, snapshot);
    }

    @Override
    public Optional<TopReferrers> topReferrers(RepositoryId repository, LocalDate day) {
        return delegate.topReferrers(repository, day);
    }

    @Override
    public Optional<TopPaths> topPaths(RepositoryId repository, LocalDate day) {
        return delegate.topPaths(repository, day);
    }
}
