package io.tidemark.core.testing;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.InvalidInputException;
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
import io.tidemark.core.model.HistoryFact;
import io.tidemark.core.model.Release;
import io.tidemark.core.model.ReleaseHistory;
import io.tidemark.core.model.ReleaseList;
import io.tidemark.core.model.RepositoryStats;
import io.tidemark.core.port.out.RepositoryStatsStore;
import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.core.port.out.TrafficAggregates;
import io.tidemark.core.service.OwnerTrafficService;
import io.tidemark.core.model.OwnerBucket;
import io.tidemark.core.model.OwnerReferrer;
import io.tidemark.core.model.RankedPage;
import io.tidemark.core.model.RepositoryOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * The reference {@link TrafficStore}: everything in memory, every method synchronized (so every
 * call, {@link #mergeAll} included, is atomic). It states the rules of the three roles in the
 * fewest lines, serves the core's own tests, and shows adapter authors what a store must do.
 * Like every store, it runs no domain logic but the merge rule: it keeps the {@link Observations}
 * it is given with {@link KeptBucket#mergedWith}.
 */
public final class InMemoryTrafficStore implements TrafficStore, RepositoryStatsStore, TrafficAggregates {

    /** One day's counters, each with the instant it was seen at. */
    private static final class StatsDay {
        final Map<HistoryFact.Counter, Integer> values = new java.util.EnumMap<>(HistoryFact.Counter.class);
        final Map<HistoryFact.Counter, Instant> seenAt = new java.util.EnumMap<>(HistoryFact.Counter.class);
    }

    private record SeriesKey(TrafficKind kind, Granularity granularity) {}

    private static final class Entry {
        TrackedRepository repository;
        final Map<SeriesKey, NavigableMap<LocalDate, KeptBucket>> series = new LinkedHashMap<>();
        final Map<SeriesKey, NavigableMap<Instant, WindowTotals>> totals = new LinkedHashMap<>();
        final NavigableMap<LocalDate, TopReferrers> referrers = new TreeMap<>();
        final NavigableMap<LocalDate, TopPaths> paths = new TreeMap<>();
        final NavigableMap<LocalDate, StatsDay> stats = new TreeMap<>();
        final NavigableMap<LocalDate, ReleaseList> releaseLists = new TreeMap<>();
        io.tidemark.core.model.StarsBackfill starsBackfill;

        Entry(TrackedRepository repository) {
            this.repository = repository;
        }
    }

    /** By {@link RepositoryId#key()}. */
    private final NavigableMap<String, Entry> repositories = new TreeMap<>();
    /** By lower-case owner: the casing first given. */
    private final NavigableMap<String, String> owners = new TreeMap<>();

    // ---- RepositoryRegistry

    @Override
    public synchronized TrackedRepository track(RepositoryId repository, Instant at) {
        Objects.requireNonNull(repository, "repository");
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
        Entry entry = repositories.get(Objects.requireNonNull(repository, "repository").key());
        if (entry == null) {
            return false;
        }
        TrackedRepository known = entry.repository;
        entry.repository = new TrackedRepository(known.id(), known.trackedAt(), false, known.sync());
        return true;
    }

    @Override
    public synchronized Optional<TrackedRepository> find(RepositoryId repository) {
        return Optional.ofNullable(repositories.get(Objects.requireNonNull(repository, "repository").key()))
                .map(entry -> entry.repository);
    }

    @Override
    public synchronized RepositoryPage list(String owner, String afterKey, int limit) {
        if (limit < 1) {
            throw new InvalidInputException("limit", "limit must be at least 1, was " + limit);
        }
        String ownerKey = owner == null ? null : owner.toLowerCase(Locale.ROOT);
        String after = afterKey == null ? null : afterKey.toLowerCase(Locale.ROOT);
        List<TrackedRepository> matching = repositories.values().stream()
                .map(entry -> entry.repository)
                .filter(r -> ownerKey == null || r.id().owner().toLowerCase(Locale.ROOT).equals(ownerKey))
                .toList();
        List<TrackedRepository> rest = matching.stream()
                .filter(r -> after == null || r.id().key().compareTo(after) > 0)
                .toList();
        return new RepositoryPage(
                rest.subList(0, Math.min(limit, rest.size())), rest.size() > limit, matching.size());
    }

    @Override
    public synchronized List<TrackedRepository> active() {
        return repositories.values().stream()
                .map(entry -> entry.repository)
                .filter(TrackedRepository::active)
                .sorted(Comparator.comparing(
                                (TrackedRepository r) -> r.sync().nextDueAt(),
                                Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(r -> r.id().key()))
                .toList();
    }

    @Override
    public synchronized void trackOwner(String owner, Instant at) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(at, "at");
        owners.putIfAbsent(RepositoryId.validOwner(owner).toLowerCase(Locale.ROOT), owner);
    }

    @Override
    public synchronized List<String> trackedOwners() {
        return List.copyOf(owners.values());
    }

    @Override
    public synchronized void recordSync(RepositoryId repository, SyncStatus status) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(status, "status");
        Entry entry = known(repository);
        TrackedRepository known = entry.repository;
        entry.repository = new TrackedRepository(known.id(), known.trackedAt(), known.active(), status);
    }

    @Override
    public synchronized boolean deleteHistory(RepositoryId repository) {
        return repositories.remove(Objects.requireNonNull(repository, "repository").key()) != null;
    }

    // ---- TrafficAggregates: computed by core from the reads above (the reference)

    private final TrafficAggregates aggregates = OwnerTrafficService.computedFrom(this, this, this);

    @Override
    public List<OwnerBucket> ownerSeries(String owner, TrafficKind kind, Granularity granularity, DateRange range) {
        return aggregates.ownerSeries(owner, kind, granularity, range);
    }

    @Override
    public List<OwnerReferrer> ownerReferrers(String owner, LocalDate at, int first) {
        return aggregates.ownerReferrers(owner, at, first);
    }

    @Override
    public RankedPage rank(String owner, RepositoryOrder order, int offset, int limit) {
        return aggregates.rank(owner, order, offset, limit);
    }

    // ---- TrafficHistory

    @Override
    public synchronized void merge(RepositoryId repository, Observations observations) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(observations, "observations");
        keep(known(repository), observations);
    }

    @Override
    public synchronized void mergeAll(Map<RepositoryId, List<Observations>> observations) {
        Objects.requireNonNull(observations, "observations");
        List<Entry> entries = new ArrayList<>(observations.size());
        for (Map.Entry<RepositoryId, List<Observations>> each : observations.entrySet()) {
            Objects.requireNonNull(each.getKey(), "observations key");
            Objects.requireNonNull(each.getValue(), () -> "observations of " + each.getKey());
            for (Observations one : each.getValue()) {
                Objects.requireNonNull(one, () -> "an observation of " + each.getKey());
            }
            entries.add(known(each.getKey()));
        }
        int i = 0;
        for (Collection<Observations> ofOne : observations.values()) {
            Entry entry = entries.get(i++);
            ofOne.forEach(one -> keep(entry, one));
        }
    }

    private static void keep(Entry entry, Observations observations) {
        SeriesKey key = new SeriesKey(observations.kind(), observations.granularity());
        NavigableMap<LocalDate, KeptBucket> kept = entry.series.computeIfAbsent(key, k -> new TreeMap<>());
        for (KeptBucket observation : observations.buckets()) {
            kept.merge(observation.start(), observation, KeptBucket::mergedWith);
        }
        WindowTotals totals = observations.totals();
        if (totals != null) {
            entry.totals.computeIfAbsent(key, k -> new TreeMap<>()).merge(totals.fetchedAt(), totals,
                    (a, b) -> new WindowTotals(a.kind(), a.granularity(), a.fetchedAt(),
                            Math.max(a.count(), b.count()), Math.max(a.uniques(), b.uniques())));
        }
    }

    @Override
    public synchronized Map<RepositoryId, List<KeptBucket>> series(
            Collection<RepositoryId> repositories, TrafficKind kind, Granularity granularity, DateRange range) {
        checkRead(repositories, kind, granularity, range);
        return read(repositories, entry -> {
            List<KeptBucket> buckets = new ArrayList<>();
            for (KeptBucket bucket : entry.series.getOrDefault(new SeriesKey(kind, granularity), new TreeMap<>()).values()) {
                if (range.contains(bucket.start())) {
                    buckets.add(bucket);
                }
            }
            return buckets;
        });
    }

    @Override
    public synchronized Map<RepositoryId, List<WindowTotals>> windowTotals(
            Collection<RepositoryId> repositories, TrafficKind kind, Granularity granularity, DateRange range) {
        checkRead(repositories, kind, granularity, range);
        return read(repositories, entry -> {
            List<WindowTotals> totals = new ArrayList<>();
            for (WindowTotals kept : entry.totals.getOrDefault(new SeriesKey(kind, granularity), new TreeMap<>()).values()) {
                if (range.contains(LocalDate.ofInstant(kept.fetchedAt(), ZoneOffset.UTC))) {
                    totals.add(kept);
                }
            }
            return totals;
        });
    }

    private static void checkRead(
            Collection<RepositoryId> repositories, TrafficKind kind, Granularity granularity, DateRange range) {
        Objects.requireNonNull(repositories, "repositories");
        int i = 0;
        for (RepositoryId repository : repositories) {
            Objects.requireNonNull(repository, "repositories[" + i++ + "]");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(range, "range");
    }

    /** Every requested known repository, by key, in its kept casing, with what {@code of} reads of it. */
    private <T> Map<RepositoryId, List<T>> read(
            Collection<RepositoryId> requested, java.util.function.Function<Entry, List<T>> of) {
        NavigableMap<String, Entry> known = new TreeMap<>();
        for (RepositoryId repository : requested) {
            Entry entry = repositories.get(repository.key());
            if (entry != null) {
                known.put(repository.key(), entry);
            }
        }
        Map<RepositoryId, List<T>> result = new LinkedHashMap<>();
        known.values().forEach(entry -> result.put(entry.repository.id(), List.copyOf(of.apply(entry))));
        return result;
    }

    // ---- SnapshotStore

    @Override
    public synchronized void save(RepositoryId repository, TopReferrers snapshot) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(snapshot, "snapshot");
        known(repository).referrers.merge(snapshot.day(), snapshot,
                (kept, later) -> later.takenAt().isBefore(kept.takenAt()) ? kept : later);
    }

    @Override
    public synchronized void save(RepositoryId repository, TopPaths snapshot) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(snapshot, "snapshot");
        known(repository).paths.merge(snapshot.day(), snapshot,
                (kept, later) -> later.takenAt().isBefore(kept.takenAt()) ? kept : later);
    }

    @Override
    public synchronized Optional<TopReferrers> topReferrers(RepositoryId repository, LocalDate day) {
        return latest(known(Objects.requireNonNull(repository, "repository")).referrers, day);
    }

    @Override
    public synchronized Optional<TopPaths> topPaths(RepositoryId repository, LocalDate day) {
        return latest(known(Objects.requireNonNull(repository, "repository")).paths, day);
    }

    private static <T> Optional<T> latest(NavigableMap<LocalDate, T> snapshots, LocalDate day) {
        Map.Entry<LocalDate, T> found = day == null ? snapshots.lastEntry() : snapshots.floorEntry(day);
        return Optional.ofNullable(found).map(Map.Entry::getValue);
    }

    // ---- RepositoryStatsStore

    @Override
    public synchronized void saveStats(RepositoryId repository, RepositoryStats stats, Instant seenAt) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(seenAt, "seenAt");
        if (!LocalDate.ofInstant(seenAt, ZoneOffset.UTC).equals(stats.day())) {
            throw new InvalidInputException("seenAt", "seenAt " + seenAt + " does not lie on " + stats.day());
        }
        Entry entry = known(repository);
        if (stats.isEmpty()) {
            return;
        }
        StatsDay day = entry.stats.computeIfAbsent(stats.day(), d -> new StatsDay());
        for (HistoryFact.Counter counter : HistoryFact.Counter.values()) {
            Integer value = stats.get(counter);
            Instant kept = day.seenAt.get(counter);
            if (value != null && (kept == null || !kept.isAfter(seenAt))) {
                day.values.put(counter, value);
                day.seenAt.put(counter, seenAt);
            }
        }
    }

    @Override
    public synchronized Map<RepositoryId, List<RepositoryStats>> stats(
            Collection<RepositoryId> repositories, DateRange range) {
        Objects.requireNonNull(repositories, "repositories");
        Objects.requireNonNull(range, "range");
        Map<RepositoryId, List<RepositoryStats>> result = new TreeMap<>(Comparator.comparing(RepositoryId::key));
        for (RepositoryId repository : repositories) {
            Entry entry = repositories(Objects.requireNonNull(repository, "repositories element"));
            if (entry == null) {
                continue;
            }
            List<RepositoryStats> days = new ArrayList<>();
            entry.stats.forEach((day, kept) -> {
                if (range.contains(day)) {
                    days.add(new RepositoryStats(day, kept.values.get(HistoryFact.Counter.STARS),
                            kept.values.get(HistoryFact.Counter.FORKS), kept.values.get(HistoryFact.Counter.WATCHERS),
                            kept.values.get(HistoryFact.Counter.OPEN_ISSUES)));
                }
            });
            result.put(entry.repository.id(), List.copyOf(days));
        }
        return new LinkedHashMap<>(result);
    }

    @Override
    public synchronized Map<RepositoryId, Integer> latestStars(Collection<RepositoryId> repositories) {
        Objects.requireNonNull(repositories, "repositories");
        Map<RepositoryId, Integer> result = new LinkedHashMap<>();
        for (RepositoryId repository : repositories) {
            Entry entry = repositories(Objects.requireNonNull(repository, "repositories element"));
            if (entry == null) {
                continue;
            }
            for (StatsDay day : entry.stats.descendingMap().values()) {
                Integer stars = day.values.get(HistoryFact.Counter.STARS);
                if (stars != null) {
                    result.put(entry.repository.id(), stars);
                    break;
                }
            }
        }
        return result;
    }

    @Override
    public synchronized void saveReleases(RepositoryId repository, ReleaseList releases) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(releases, "releases");
        known(repository).releaseLists.merge(releases.day(), releases,
                (kept, given) -> kept.fetchedAt().isAfter(given.fetchedAt()) ? kept : given);
    }

    @Override
    public synchronized boolean hasReleasesOf(RepositoryId repository, LocalDate day) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(day, "day");
        Entry entry = repositories(repository);
        return entry != null && entry.releaseLists.containsKey(day);
    }

    @Override
    public synchronized java.util.Optional<io.tidemark.core.model.StarsBackfill> starsBackfill(RepositoryId repository) {
        Objects.requireNonNull(repository, "repository");
        Entry entry = repositories(repository);
        return entry == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(entry.starsBackfill);
    }

    @Override
    public synchronized void saveStarsBackfill(RepositoryId repository, io.tidemark.core.model.StarsBackfill progress) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(progress, "progress");
        known(repository).starsBackfill = progress;
    }

    @Override
    public synchronized List<ReleaseHistory> releases(RepositoryId repository, int first) {
        Objects.requireNonNull(repository, "repository");
        if (first < 1) {
            throw new InvalidInputException("first", "first must be at least 1, was " + first);
        }
        Entry entry = repositories(repository);
        if (entry == null) {
            return List.of();
        }
        Map<String, Release> latest = new LinkedHashMap<>();
        Map<String, List<ReleaseHistory.Sighting>> sightings = new LinkedHashMap<>();
        for (ReleaseList list : entry.releaseLists.values()) {
            for (Release release : list.releases()) {
                latest.put(release.tagName(), release);
                sightings.computeIfAbsent(release.tagName(), t -> new ArrayList<>())
                        .add(new ReleaseHistory.Sighting(list.day(), release.assets()));
            }
        }
        return latest.values().stream()
                .sorted(NEWEST_FIRST)
                .limit(first)
                .map(release -> new ReleaseHistory(release, sightings.get(release.tagName())))
                .toList();
    }

    /** Newest first: by publishedAt descending, drafts first, ties by tag. */
    public static final Comparator<Release> NEWEST_FIRST = Comparator
            .comparing(Release::publishedAt, Comparator.nullsFirst(Comparator.<Instant>reverseOrder()))
            .thenComparing(Release::tagName);

    private Entry repositories(RepositoryId repository) {
        return repositories.get(repository.key());
    }

    private Entry known(RepositoryId repository) {
        Entry entry = repositories.get(repository.key());
        if (entry == null) {
            throw new NoSuchElementException("repository " + repository + " is not tracked");
        }
        return entry;
    }
}
