package io.tidemark.storage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.Observations;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncStatus;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.WindowTotals;
import io.tidemark.core.model.RepositoryPage;
import io.tidemark.core.model.OwnerBucket;
import io.tidemark.core.model.OwnerReferrer;
import io.tidemark.core.model.RankedPage;
import io.tidemark.core.model.RepositoryOrder;
import io.tidemark.core.port.out.TrafficAggregates;
import io.tidemark.core.model.Release;
import io.tidemark.core.model.ReleaseAsset;
import io.tidemark.core.model.ReleaseHistory;
import io.tidemark.core.model.ReleaseList;
import io.tidemark.core.model.RepositoryStats;
import io.tidemark.core.port.out.RepositoryStatsStore;
import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.storage.persistence.StatsRepository;
import io.tidemark.storage.persistence.DailySnapshot;
import io.tidemark.storage.persistence.PathSnapshotEntity;
import io.tidemark.storage.persistence.PathSnapshotRepository;
import io.tidemark.storage.persistence.ReferrerSnapshotEntity;
import io.tidemark.storage.persistence.ReferrerSnapshotRepository;
import io.tidemark.storage.persistence.RepositoryEntity;
import io.tidemark.storage.persistence.RepositoryEntityRepository;
import io.tidemark.storage.persistence.SeriesRow;
import io.tidemark.storage.persistence.TotalsRow;
import io.tidemark.storage.persistence.TrackedOwnerEntity;
import io.tidemark.storage.persistence.TrackedOwnerRepository;
import io.tidemark.storage.persistence.TrafficBucketEntity;
import io.tidemark.storage.persistence.TrafficBucketRepository;
import io.tidemark.storage.persistence.WindowTotalsEntity;
import io.tidemark.storage.persistence.WindowTotalsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The three store roles ({@link TrafficStore}) and the counters and releases ({@link
 * RepositoryStatsStore}) over Hibernate ORM with Panache, on PostgreSQL or H2 (the schema is
 * Flyway's, see {@code db/migration}).
 *
 * <p>Counters are kept with one native "latest sighting per counter" upsert per call; release
 * lists, like snapshots, with the repository's row locked so that saves of one repository take
 * turns.
 *
 * <p>Every method is one transaction (or joins the caller's), {@link #mergeAll} included: the
 * whole bulk merge is atomic. Arguments are checked before anything is read or written, by the
 * ports' rules: a null argument is a {@link NullPointerException} naming it, and a repository
 * the store does not know is a {@link NoSuchElementException}.
 *
 * <p>{@link #merge} and {@link #mergeAll} write with one native "keep the maximum" upsert per
 * bucket ({@code GREATEST}, {@code OR}), executed as JDBC batches, so concurrent merges of the
 * same repository are resolved by the database and never lose an observation. The store never
 * combines observations itself.
 *
 * <p>The bean is named {@value #NAME}: an application selects it by that name (Tidemark's {@code
 * TIDEMARK_STORE}) among the other stores in its build. The name is no qualifier of its own: the
 * bean also keeps {@code @Default}, so where it is the only store it is injected as it is.
 */
@ApplicationScoped
@Named(PanacheTrafficStore.NAME)
public class PanacheTrafficStore implements TrafficStore, RepositoryStatsStore, TrafficAggregates {

    /** The bean's name, by which an application selects this store. */
    public static final String NAME = "jpa";

    private final RepositoryEntityRepository repositories;
    private final TrackedOwnerRepository owners;
    private final TrafficBucketRepository buckets;
    private final WindowTotalsRepository totals;
    private final ReferrerSnapshotRepository referrerSnapshots;
    private final PathSnapshotRepository pathSnapshots;
    private final PanacheTrafficAggregates aggregates;
    private final StatsRepository statsRows;

    public PanacheTrafficStore(
            PanacheTrafficAggregates aggregates,
            RepositoryEntityRepository repositories,
            TrackedOwnerRepository owners,
            TrafficBucketRepository buckets,
            WindowTotalsRepository totals,
            ReferrerSnapshotRepository referrerSnapshots,
            PathSnapshotRepository pathSnapshots,
            StatsRepository statsRows) {
        this.repositories = repositories;
        this.owners = owners;
        this.buckets = buckets;
        this.totals = totals;
        this.referrerSnapshots = referrerSnapshots;
        this.pathSnapshots = pathSnapshots;
        this.aggregates = aggregates;
        this.statsRows = statsRows;
    }

    // ---- TrafficAggregates: one aggregate query each (PanacheTrafficAggregates)

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

    /** Also when several threads track it at once: see {@link #insertingRace}. */
    @Override
    public TrackedRepository track(RepositoryId repository, Instant at) {
        required("repository", repository);
        required("at", at);
        return insertingRace(() -> {
            repositories.insertUnlessPresent(StorageMapper.newRepository(repository, at));
            RepositoryEntity entity = repositories.findByKey(repository.key())
                    .orElseThrow(() -> new IllegalStateException(repository + " vanished while being tracked"));
            entity.setActive(true);
            return StorageMapper.trackedRepository(entity);
        });
    }

    @Override
    @Transactional
    public boolean untrack(RepositoryId repository) {
        required("repository", repository);
        Optional<RepositoryEntity> entity = repositories.findByKey(repository.key());
        entity.ifPresent(known -> known.setActive(false));
        return entity.isPresent();
    }

    @Override
    @Transactional
    public Optional<TrackedRepository> find(RepositoryId repository) {
        required("repository", repository);
        return repositories.findByKey(repository.key()).map(StorageMapper::trackedRepository);
    }

    @Override
    @Transactional
    public RepositoryPage list(String owner, String afterKey, int limit) {
        if (limit < 1) {
            throw new InvalidInputException("limit", "limit must be at least 1, was " + limit);
        }
        String ownerKey = owner == null ? null : StorageMapper.ownerKey(owner);
        String after = afterKey == null ? null : afterKey.toLowerCase(Locale.ROOT);
        List<RepositoryEntity> page = repositories.page(ownerKey, after, limit + 1);
        boolean hasNextPage = page.size() > limit;
        List<TrackedRepository> tracked = new ArrayList<>(Math.min(page.size(), limit));
        for (RepositoryEntity entity : hasNextPage ? page.subList(0, limit) : page) {
            tracked.add(StorageMapper.trackedRepository(entity));
        }
        return new RepositoryPage(tracked, hasNextPage, Math.toIntExact(repositories.countOf(ownerKey)));
    }

    @Override
    @Transactional
    public List<TrackedRepository> active() {
        return repositories.activeByDue().stream().map(StorageMapper::trackedRepository).toList();
    }

    /** Also when several threads remember it at once: see {@link #insertingRace}. */
    @Override
    public void trackOwner(String owner, Instant at) {
        required("owner", owner);
        required("at", at);
        String validOwner = RepositoryId.validOwner(owner);
        insertingRace(() -> {
            owners.insertUnlessPresent(StorageMapper.newOwner(validOwner, at));
            return null;
        });
    }

    /**
     * Runs an "insert unless present" in a transaction (or the caller's). H2's {@code MERGE} is
     * not atomic against a concurrent insert of the same key: the loser of the race fails on the
     * unique key once the winner commits. Then the work is run again, in a new transaction, where
     * the row is present, so tracking stays idempotent under concurrency (PostgreSQL's {@code ON
     * CONFLICT DO NOTHING} never fails this way). Inside a caller's transaction it is not retried:
     * that transaction is already marked for rollback.
     */
    private <T> T insertingRace(Supplier<T> work) {
        boolean own = !QuarkusTransaction.isActive();
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.joiningExisting().call(work::get);
            } catch (RuntimeException e) {
                if (!own || attempt == 3 || !isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    @Override
    @Transactional
    public List<String> trackedOwners() {
        return owners.allByKey().stream().map(TrackedOwnerEntity::getOwnerName).toList();
    }

    @Override
    @Transactional
    public void merge(RepositoryId repository, Observations observations) {
        required("repository", repository);
        required("observations", observations);
        long repositoryId = repositories.findIdToMerge(repository.key())
                .orElseThrow(() -> unknown(repository));
        buckets.upsertMax(StorageMapper.bucketRows(repositoryId, observations));
        if (observations.totals() != null) {
            totals.upsertMax(List.of(StorageMapper.totalsRow(repositoryId, observations.totals())));
        }
    }

    /**
     * In one transaction (all or nothing) and one upsert batch per round (a bucket seen n times
     * is upserted in n rounds, see {@code UpsertRounds}). On H2 the repositories are locked in
     * key order, so bulk merges of overlapping repositories never deadlock.
     */
    @Override
    @Transactional
    public void mergeAll(Map<RepositoryId, List<Observations>> observations) {
        required("observations", observations);
        TreeMap<String, Collection<Observations>> byKey = new TreeMap<>();
        Map<String, RepositoryId> ids = new HashMap<>();
        for (Map.Entry<RepositoryId, List<Observations>> each : observations.entrySet()) {
            RepositoryId repository = required("observations key", each.getKey());
            Collection<Observations> ofOne = required("observations of " + repository, each.getValue());
            for (Observations one : ofOne) {
                required("an observation of " + repository, one);
            }
            byKey.put(repository.key(), ofOne);
            ids.put(repository.key(), repository);
        }
        List<TrafficBucketEntity> bucketRows = new ArrayList<>();
        List<WindowTotalsEntity> totalsRows = new ArrayList<>();
        for (Map.Entry<String, Collection<Observations>> each : byKey.entrySet()) {
            long repositoryId = repositories.findIdToMerge(each.getKey())
                    .orElseThrow(() -> unknown(ids.get(each.getKey())));
            for (Observations one : each.getValue()) {
                bucketRows.addAll(StorageMapper.bucketRows(repositoryId, one));
                if (one.totals() != null) {
                    totalsRows.add(StorageMapper.totalsRow(repositoryId, one.totals()));
                }
            }
        }
        buckets.upsertMax(bucketRows);
        totals.upsertMax(totalsRows);
    }

    @Override
    @Transactional
    public Map<RepositoryId, List<KeptBucket>> series(
            Collection<RepositoryId> repositories, TrafficKind kind, Granularity granularity, DateRange range) {
        Set<String> keys = checkedRead(repositories, kind, granularity, range);
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<SeriesRow> rows = buckets.series(
                keys,
                StorageMapper.kindCode(kind),
                StorageMapper.granularityCode(granularity),
                range.since(),
                range.until());
        return grouped(rows, SeriesRow::key, StorageMapper::repositoryId, SeriesRow::hasBucket, StorageMapper::keptBucket);
    }

    /** Totals whose UTC fetch day is in the range: fetched from the range's first midnight to the midnight after it. */
    @Override
    @Transactional
    public Map<RepositoryId, List<WindowTotals>> windowTotals(
            Collection<RepositoryId> repositories, TrafficKind kind, Granularity granularity, DateRange range) {
        Set<String> keys = checkedRead(repositories, kind, granularity, range);
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<TotalsRow> rows = totals.totals(
                keys,
                StorageMapper.kindCode(kind),
                StorageMapper.granularityCode(granularity),
                range.since() == null ? null : Granularity.startOf(range.since()),
                range.until() == null ? null : Granularity.startOf(range.until().plusDays(1)));
        return grouped(rows, TotalsRow::key, StorageMapper::repositoryId, TotalsRow::hasTotals,
                row -> StorageMapper.windowTotals(kind, granularity, row));
    }

    /** The keys of the requested repositories, after the checks every read makes. */
    private static Set<String> checkedRead(
            Collection<RepositoryId> repositories, TrafficKind kind, Granularity granularity, DateRange range) {
        required("repositories", repositories);
        required("kind", kind);
        required("granularity", granularity);
        required("range", range);
        Set<String> keys = new LinkedHashSet<>();
        int i = 0;
        for (RepositoryId repository : repositories) {
            required("repositories[" + i++ + "]", repository);
            keys.add(repository.key());
        }
        return keys;
    }

    /**
     * Rows ordered by repository key, one or more per known repository, grouped into a map in
     * that order: each repository with the values of its rows that have one.
     */
    private static <R, V> Map<RepositoryId, List<V>> grouped(
            List<R> rows,
            Function<R, String> key,
            Function<R, RepositoryId> repository,
            Predicate<R> hasValue,
            Function<R, V> value) {
        Map<RepositoryId, List<V>> grouped = new LinkedHashMap<>();
        String currentKey = null;
        List<V> current = null;
        for (R row : rows) {
            if (!key.apply(row).equals(currentKey)) {
                currentKey = key.apply(row);
                current = new ArrayList<>();
                grouped.put(repository.apply(row), current);
            }
            if (hasValue.test(row)) {
                current.add(value.apply(row));
            }
        }
        grouped.replaceAll((id, values) -> List.copyOf(values));
        return grouped;
    }

    /**
     * Keeps the snapshot as the one of its UTC day. A snapshot already kept for that day is
     * replaced, list and all, unless it was taken later than this one: a late-arriving older
     * snapshot never replaces a newer one.
     */
    @Override
    @Transactional
    public void save(RepositoryId repository, TopReferrers snapshot) {
        required("repository", repository);
        required("snapshot", snapshot);
        long repositoryId = lockedId(repository);
        keepOfDay(repositoryId, snapshot.day(), snapshot.takenAt(), StorageMapper.referrerEntries(snapshot),
                referrerSnapshots.findOfDay(repositoryId, snapshot.day()), ReferrerSnapshotEntity::new,
                referrerSnapshots::persist);
    }

    /** Like {@link #save(RepositoryId, TopReferrers)}. */
    @Override
    @Transactional
    public void save(RepositoryId repository, TopPaths snapshot) {
        required("repository", repository);
        required("snapshot", snapshot);
        long repositoryId = lockedId(repository);
        keepOfDay(repositoryId, snapshot.day(), snapshot.takenAt(), StorageMapper.pathEntries(snapshot),
                pathSnapshots.findOfDay(repositoryId, snapshot.day()), PathSnapshotEntity::new,
                pathSnapshots::persist);
    }

    /** The rule of both snapshot kinds: the day's snapshot is replaced unless it was taken later. */
    private static <S extends DailySnapshot<E>, E> void keepOfDay(
            long repositoryId,
            LocalDate day,
            Instant taken,
            List<E> entries,
            Optional<S> sameDay,
            Supplier<S> create,
            Consumer<S> persist) {
        Instant takenAt = StorageMapper.stored(taken);
        if (sameDay.isPresent()) {
            S kept = sameDay.get();
            if (!kept.getTakenAt().isAfter(takenAt)) {
                kept.setTakenAt(takenAt);
                kept.replaceEntries(entries);
            }
            return;
        }
        S entity = create.get();
        entity.setRepositoryId(repositoryId);
        entity.setDay(day);
        entity.setTakenAt(takenAt);
        entity.replaceEntries(entries);
        persist.accept(entity);
    }

    @Override
    @Transactional
    public Optional<TopReferrers> topReferrers(RepositoryId repository, LocalDate day) {
        required("repository", repository);
        long repositoryId = knownId(repository);
        return referrerSnapshots.latestOnOrBefore(repositoryId, day).map(StorageMapper::topReferrers);
    }

    @Override
    @Transactional
    public Optional<TopPaths> topPaths(RepositoryId repository, LocalDate day) {
        required("repository", repository);
        long repositoryId = knownId(repository);
        return pathSnapshots.latestOnOrBefore(repositoryId, day).map(StorageMapper::topPaths);
    }

    @Override
    @Transactional
    public void recordSync(RepositoryId repository, SyncStatus status) {
        required("repository", repository);
        required("status", status);
        RepositoryEntity entity = repositories.findByKey(repository.key()).orElseThrow(() -> unknown(repository));
        StorageMapper.applySync(status, entity);
    }

    /** Deletes the repository; the schema cascades the delete to all its kept rows. */
    @Override
    @Transactional
    public boolean deleteHistory(RepositoryId repository) {
        required("repository", repository);
        Optional<RepositoryEntity> entity = repositories.findByKeyForUpdate(repository.key());
        entity.ifPresent(repositories::delete);
        return entity.isPresent();
    }

    // ---- RepositoryStatsStore

    @Override
    @Transactional
    public void saveStats(RepositoryId repository, RepositoryStats stats, Instant seenAt) {
        required("repository", repository);
        required("stats", stats);
        required("seenAt", seenAt);
        if (!LocalDate.ofInstant(seenAt, java.time.ZoneOffset.UTC).equals(stats.day())) {
            throw new InvalidInputException("seenAt", "seenAt " + seenAt + " does not lie on " + stats.day());
        }
        long repositoryId = repositories.findIdToMerge(repository.key()).orElseThrow(() -> unknown(repository));
        if (stats.isEmpty()) {
            return;
        }
        statsRows.upsertStats(repositoryId, stats.day(),
                new Integer[] {stats.stars(), stats.forks(), stats.watchers(), stats.openIssues()},
                StorageMapper.stored(seenAt));
    }

    @Override
    @Transactional
    public Map<RepositoryId, List<RepositoryStats>> stats(Collection<RepositoryId> repositories, DateRange range) {
        required("range", range);
        Set<String> keys = keys(repositories);
        return grouped(statsRows.stats(keys, range.since(), range.until()), StatsRepository.StatsRow::key,
                row -> RepositoryId.of(row.ownerName(), row.repoName()), row -> row.day() != null,
                row -> new RepositoryStats(row.day(), row.counters()[0], row.counters()[1], row.counters()[2],
                        row.counters()[3]));
    }

    @Override
    @Transactional
    public Map<RepositoryId, Integer> latestStars(Collection<RepositoryId> repositories) {
        Map<RepositoryId, Integer> stars = new LinkedHashMap<>();
        for (StatsRepository.StatsRow row : statsRows.latestStars(keys(repositories))) {
            stars.put(RepositoryId.of(row.ownerName(), row.repoName()), row.counters()[0]);
        }
        return stars;
    }

    /** Like snapshots: the repository locked, the day's list replaced unless it was fetched later. */
    @Override
    @Transactional
    public void saveReleases(RepositoryId repository, ReleaseList releases) {
        required("repository", repository);
        required("releases", releases);
        long repositoryId = lockedId(repository);
        Instant fetchedAt = StorageMapper.stored(releases.fetchedAt());
        Instant kept = statsRows.releaseListFetchedAt(repositoryId, releases.day());
        if (kept != null && kept.isAfter(fetchedAt)) {
            return;
        }
        statsRows.replaceReleaseList(repositoryId, releases.day(), fetchedAt, kept != null);
        for (Release release : releases.releases()) {
            statsRows.keepRelease(repositoryId, releases.day(), fetchedAt, release.tagName(), release.name(),
                    StorageMapper.stored(release.publishedAt()),
                    release.assets().stream()
                            .map(asset -> new StatsRepository.Asset(asset.id(), asset.name(), asset.downloadCount()))
                            .toList());
        }
    }

    @Override
    @Transactional
    public boolean hasReleasesOf(RepositoryId repository, LocalDate day) {
        required("repository", repository);
        required("day", day);
        Optional<Long> id = repositories.findByKey(repository.key()).map(RepositoryEntity::getId);
        return id.isPresent() && statsRows.releaseListFetchedAt(id.get(), day) != null;
    }

    @Override
    @Transactional
    public Optional<io.tidemark.core.model.StarsBackfill> starsBackfill(RepositoryId repository) {
        required("repository", repository);
        return repositories.findByKey(repository.key()).map(RepositoryEntity::getId)
                .map(statsRows::starsBackfill);
    }

    @Override
    @Transactional
    public void saveStarsBackfill(RepositoryId repository, io.tidemark.core.model.StarsBackfill progress) {
        required("repository", repository);
        required("progress", progress);
        statsRows.saveStarsBackfill(lockedId(repository), progress);
    }

    @Override
    @Transactional
    public List<ReleaseHistory> releases(RepositoryId repository, int first) {
        required("repository", repository);
        if (first < 1) {
            throw new InvalidInputException("first", "first must be at least 1, was " + first);
        }
        Optional<Long> id = repositories.findByKey(repository.key()).map(RepositoryEntity::getId);
        if (id.isEmpty()) {
            return List.of();
        }
        List<StatsRepository.ReleaseRow> rows = statsRows.releases(id.get(), first);
        Map<Long, TreeMap<LocalDate, List<ReleaseAsset>>> sightings = new HashMap<>();
        for (StatsRepository.AssetRow row : statsRows.sightings(rows.stream().map(StatsRepository.ReleaseRow::id).toList())) {
            List<ReleaseAsset> assets = sightings.computeIfAbsent(row.releaseId(), r -> new TreeMap<>())
                    .computeIfAbsent(row.day(), d -> new ArrayList<>());
            if (row.assetId() != null) {
                assets.add(new ReleaseAsset(row.assetId(), row.assetName(), row.downloadCount()));
            }
        }
        List<ReleaseHistory> releases = new ArrayList<>(rows.size());
        for (StatsRepository.ReleaseRow row : rows) {
            TreeMap<LocalDate, List<ReleaseAsset>> days = sightings.getOrDefault(row.id(), new TreeMap<>());
            List<ReleaseAsset> latestAssets = days.isEmpty() ? List.of() : days.lastEntry().getValue();
            List<ReleaseHistory.Sighting> seen = new ArrayList<>(days.size());
            days.forEach((day, assets) -> seen.add(new ReleaseHistory.Sighting(day, assets)));
            releases.add(new ReleaseHistory(
                    new Release(row.tagName(), row.name(), row.publishedAt(), latestAssets), seen));
        }
        return releases;
    }

    /** The keys of the requested repositories, after the checks every read makes. */
    private static Set<String> keys(Collection<RepositoryId> repositories) {
        required("repositories", repositories);
        Set<String> keys = new LinkedHashSet<>();
        int i = 0;
        for (RepositoryId repository : repositories) {
            required("repositories[" + i++ + "]", repository);
            keys.add(repository.key());
        }
        return keys;
    }

    private long knownId(RepositoryId repository) {
        return repositories.findByKey(repository.key()).map(RepositoryEntity::getId).orElseThrow(() -> unknown(repository));
    }

    /** The id of a known repository, its row locked so that saves of one repository take turns. */
    private long lockedId(RepositoryId repository) {
        return repositories.findByKeyForUpdate(repository.key())
                .map(RepositoryEntity::getId)
                .orElseThrow(() -> unknown(repository));
    }

    private static NoSuchElementException unknown(RepositoryId repository) {
        return new NoSuchElementException("repository " + repository + " is not tracked");
    }

    private static <T> T required(String argument, T value) {
        return Objects.requireNonNull(value, argument);
    }
}
