package io.tidemark.storage;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.InvalidInputException;
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
import io.tidemark.storage.persistence.DailySnapshot;
import io.tidemark.storage.persistence.PathSnapshotEntity;
import io.tidemark.storage.persistence.PathSnapshotRepository;
import io.tidemark.storage.persistence.ReferrerSnapshotEntity;
import io.tidemark.storage.persistence.ReferrerSnapshotRepository;
import io.tidemark.storage.persistence.RepositoryEntity;
import io.tidemark.storage.persistence.RepositoryEntityRepository;
import io.tidemark.storage.persistence.SeriesRow;
import io.tidemark.storage.persistence.TrackedOwnerEntity;
import io.tidemark.storage.persistence.TrackedOwnerRepository;
import io.tidemark.storage.persistence.TrafficBucketRepository;
import io.tidemark.storage.persistence.WindowTotalsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link TrafficStore} over Hibernate ORM with Panache, on PostgreSQL or H2 (the schema is
 * Flyway's, see {@code db/migration}).
 *
 * <p>Every method is one transaction (or joins the caller's). Arguments are checked before
 * anything is read or written: a null argument is an {@link InvalidInputException} naming it,
 * and a repository the store does not know is a {@link NoSuchElementException}.
 *
 * <p>{@link #merge} writes with one native "keep the maximum" upsert per bucket, executed as a
 * single JDBC batch, so concurrent merges of the same repository are resolved by the database
 * and never lose an observation.
 */
@ApplicationScoped
public class PanacheTrafficStore implements TrafficStore {

    private final RepositoryEntityRepository repositories;
    private final TrackedOwnerRepository owners;
    private final TrafficBucketRepository buckets;
    private final WindowTotalsRepository totals;
    private final ReferrerSnapshotRepository referrerSnapshots;
    private final PathSnapshotRepository pathSnapshots;

    public PanacheTrafficStore(
            RepositoryEntityRepository repositories,
            TrackedOwnerRepository owners,
            TrafficBucketRepository buckets,
            WindowTotalsRepository totals,
            ReferrerSnapshotRepository referrerSnapshots,
            PathSnapshotRepository pathSnapshots) {
        this.repositories = repositories;
        this.owners = owners;
        this.buckets = buckets;
        this.totals = totals;
        this.referrerSnapshots = referrerSnapshots;
        this.pathSnapshots = pathSnapshots;
    }

    @Override
    @Transactional
    public TrackedRepository track(RepositoryId repository, Instant at) {
        required("repository", repository);
        required("at", at);
        repositories.insertUnlessPresent(StorageMapper.newRepository(repository, at));
        RepositoryEntity entity = repositories.findByKey(repository.key())
                .orElseThrow(() -> new IllegalStateException(repository + " vanished while being tracked"));
        entity.setActive(true);
        return StorageMapper.trackedRepository(entity);
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

    @Override
    @Transactional
    public void trackOwner(String owner, Instant at) {
        String validOwner = RepositoryId.validOwner(owner);
        required("at", at);
        owners.insertUnlessPresent(StorageMapper.newOwner(validOwner, at));
    }

    @Override
    @Transactional
    public List<String> trackedOwners() {
        return owners.allByKey().stream().map(TrackedOwnerEntity::getOwnerName).toList();
    }

    @Override
    @Transactional
    public void merge(RepositoryId repository, TrafficWindow window) {
        required("repository", repository);
        required("window", window);
        long repositoryId = repositories.findIdToMerge(repository.key())
                .orElseThrow(() -> unknown(repository));
        buckets.upsertMax(StorageMapper.observations(repositoryId, window));
        totals.upsertMax(StorageMapper.totals(repositoryId, window));
    }

    /**
     * Merges many windows of one known repository at once, for bulk imports (history from other
     * tools, benchmarks): the same result as {@link #merge} of each window in any order, in one
     * transaction (all or nothing) and one upsert batch. Observations of the same bucket are
     * combined first with the merge rule itself (per-field maximum, complete if any, earliest
     * first and latest last sighting), so each bucket is written once; concurrent merges of the
     * same repository stay safe because the database still keeps the maximum.
     *
     * <p>Not part of the {@link TrafficStore} port: an adapter's fast path. The windows are held
     * in memory; import in slices of a few thousand windows.
     */
    @Transactional
    public void mergeAll(RepositoryId repository, List<TrafficWindow> windows) {
        required("repository", repository);
        required("windows", windows);
        for (int i = 0; i < windows.size(); i++) {
            required("windows[" + i + "]", windows.get(i));
        }
        long repositoryId = repositories.findIdToMerge(repository.key())
                .orElseThrow(() -> unknown(repository));
        if (windows.isEmpty()) {
            return;
        }
        buckets.upsertMax(StorageMapper.combinedObservations(repositoryId, windows));
        totals.upsertMax(StorageMapper.combinedTotals(repositoryId, windows));
    }

    @Override
    @Transactional
    public Map<RepositoryId, List<KeptBucket>> series(
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
        Map<RepositoryId, List<KeptBucket>> series = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return series;
        }
        List<SeriesRow> rows = buckets.series(
                keys,
                StorageMapper.kindCode(kind),
                StorageMapper.granularityCode(granularity),
                range.since(),
                range.until());
        String currentKey = null;
        List<KeptBucket> current = null;
        for (SeriesRow row : rows) {
            if (!row.key().equals(currentKey)) {
                currentKey = row.key();
                current = new ArrayList<>();
                series.put(StorageMapper.repositoryId(row), current);
            }
            if (row.hasBucket()) {
                current.add(StorageMapper.keptBucket(row));
            }
        }
        series.replaceAll((repository, kept) -> List.copyOf(kept));
        return series;
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

    private static void required(String field, Object value) {
        if (value == null) {
            throw new InvalidInputException(field, field + " is required");
        }
    }
}
