package io.tidemark.core.testing;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncStatus;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.model.RepositoryPage;
import io.tidemark.core.port.out.TrafficStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference {@link TrafficStore}: everything in memory, every method synchronized. It states
 * the port's rules in the fewest lines, serves the core's own tests, and shows adapter authors
 * what the contract suite expects.
 */
public final class InMemoryTrafficStore implements TrafficStore {

    private record SeriesKey(TrafficKind kind, Granularity granularity) {}

    private static final class Entry {
        TrackedRepository repository;
        final Map<SeriesKey, NavigableMap<LocalDate, KeptBucket>> series = new LinkedHashMap<>();
        final NavigableMap<LocalDate, TopReferrers> referrers = new TreeMap<>();
        final NavigableMap<LocalDate, TopPaths> paths = new TreeMap<>();

        Entry(TrackedRepository repository) {
            this.repository = repository;
        }
    }

    private final NavigableMap<String, Entry> repositories = new TreeMap<>();
    private final Map<String, String> owners = new LinkedHashMap<>();

    @Override
    public synchronized TrackedRepository track(RepositoryId repository, Instant at) {
        Objects.requireNonNull(at, "at");
        Entry entry = repositories.get(repository.key());
        if (entry == null) {
            entry = new Entry(new TrackedRepository(repository, at, true, SyncStatus.NEVER));
            repositories.put(repository.key(), entry);
        } else {
            TrackedRepository known = entry.repository;
            entry.repository = new TrackedRepository(known.id(), known.trackedAt(), true, known.sync());
        }
        return entry.repository;
    }

    @Override
    public synchronized boolean untrack(RepositoryId repository) {
        Entry entry = repositories.get(repository.key());
        if (entry == null) {
            return false;
        }
        TrackedRepository known = entry.repository;
        entry.repository = new TrackedRepository(known.id(), known.trackedAt(), false, known.sync());
        return true;
    }

    @Override
    public synchronized Optional<TrackedRepository> find(RepositoryId repository) {
        return Optional.ofNullable(repositories.get(repository.key())).map(entry -> entry.repository);
    }

    @Override
    public synchronized RepositoryPage list(String owner, String afterKey, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        List<TrackedRepository> matching = repositories.values().stream()
                .map(entry -> entry.repository)
                .filter(r -> owner == null || r.id().owner().toLowerCase(Locale.ROOT).equals(owner.toLowerCase(Locale.ROOT)))
                .toList();
        List<TrackedRepository> after = matching.stream()
                .filter(r -> afterKey == null || r.id().key().compareTo(afterKey) > 0)
                .toList();
        return new RepositoryPage(
                after.subList(0, Math.min(limit, after.size())), after.size() > limit, matching.size());
    }

    @Override
    public synchronized List<TrackedRepository> active() {
        return repositories.values().stream()
                .map(entry -> entry.repository)
                .filter(TrackedRepository::active)
                .sorted(Comparator.comparing(
                        (TrackedRepository r) -> r.sync().nextDueAt(),
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    @Override
    public synchronized void trackOwner(String owner, Instant at) {
        owners.putIfAbsent(owner.toLowerCase(Locale.ROOT), owner);
    }

    @Override
    public synchronized List<String> trackedOwners() {
        return List.copyOf(owners.values());
    }

    @Override
    public synchronized void merge(RepositoryId repository, TrafficWindow window) {
        Objects.requireNonNull(window, "window");
        Entry entry = known(repository);
        NavigableMap<LocalDate, KeptBucket> kept = entry.series.computeIfAbsent(
                new SeriesKey(window.kind(), window.granularity()), key -> new TreeMap<>());
        for (KeptBucket observation : window.observations()) {
            kept.merge(observation.start(), observation, KeptBucket::mergedWith);
        }
    }

    @Override
    public synchronized Map<RepositoryId, List<KeptBucket>> series(
            Collection<RepositoryId> repositories, TrafficKind kind, Granularity granularity, DateRange range) {
        Map<RepositoryId, List<KeptBucket>> result = new LinkedHashMap<>();
        for (RepositoryId repository : repositories) {
            Entry entry = this.repositories.get(repository.key());
            if (entry == null) {
                continue;
            }
            NavigableMap<LocalDate, KeptBucket> kept =
                    entry.series.getOrDefault(new SeriesKey(kind, granularity), new TreeMap<>());
            List<KeptBucket> buckets = new ArrayList<>();
            for (KeptBucket bucket : kept.values()) {
                if (range.contains(bucket.start())) {
                    buckets.add(bucket);
                }
            }
            result.put(repository, List.copyOf(buckets));
        }
        return result;
    }

    @Override
    public synchronized void save(RepositoryId repository, TopReferrers snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        known(repository).referrers.merge(snapshot.day(), snapshot,
                (kept, later) -> later.takenAt().isBefore(kept.takenAt()) ? kept : later);
    }

    @Override
    public synchronized void save(RepositoryId repository, TopPaths snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        known(repository).paths.merge(snapshot.day(), snapshot,
                (kept, later) -> later.takenAt().isBefore(kept.takenAt()) ? kept : later);
    }

    @Override
    public synchronized Optional<TopReferrers> topReferrers(RepositoryId repository, LocalDate day) {
        return latest(known(repository).referrers, day);
    }

    @Override
    public synchronized Optional<TopPaths> topPaths(RepositoryId repository, LocalDate day) {
        return latest(known(repository).paths, day);
    }

    private static <T> Optional<T> latest(NavigableMap<LocalDate, T> snapshots, LocalDate day) {
        Map.Entry<LocalDate, T> found = day == null ? snapshots.lastEntry() : snapshots.floorEntry(day);
        return Optional.ofNullable(found).map(Map.Entry::getValue);
    }

    @Override
    public synchronized void recordSync(RepositoryId repository, SyncStatus status) {
        Objects.requireNonNull(status, "status");
        Entry entry = known(repository);
        TrackedRepository known = entry.repository;
        entry.repository = new TrackedRepository(known.id(), known.trackedAt(), known.active(), status);
    }

    @Override
    public synchronized boolean deleteHistory(RepositoryId repository) {
        return repositories.remove(repository.key()) != null;
    }

    private Entry known(RepositoryId repository) {
        Entry entry = repositories.get(Objects.requireNonNull(repository, "repository").key());
        if (entry == null) {
            throw new NoSuchElementException(repository + " is not tracked");
        }
        return entry;
    }
}
