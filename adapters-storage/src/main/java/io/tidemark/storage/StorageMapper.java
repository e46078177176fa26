package io.tidemark.storage;

import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.Observations;
import io.tidemark.core.model.PopularPath;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncStatus;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.WindowTotals;
import io.tidemark.storage.persistence.PathEntryEmbeddable;
import io.tidemark.storage.persistence.PathSnapshotEntity;
import io.tidemark.storage.persistence.ReferrerEntryEmbeddable;
import io.tidemark.storage.persistence.ReferrerSnapshotEntity;
import io.tidemark.storage.persistence.RepositoryEntity;
import io.tidemark.storage.persistence.SeriesRow;
import io.tidemark.storage.persistence.TotalsRow;
import io.tidemark.storage.persistence.TrackedOwnerEntity;
import io.tidemark.storage.persistence.TrafficBucketEntity;
import io.tidemark.storage.persistence.WindowTotalsEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps between core types and entities; core never sees an entity. Instants are stored with the
 * microsecond precision both databases keep, so what is read back equals what was written.
 */
final class StorageMapper {

    private StorageMapper() {}

    static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String ownerKey(String owner) {
        return owner.toLowerCase(Locale.ROOT);
    }

    static String kindCode(TrafficKind kind) {
        return kind.name();
    }

    static String granularityCode(Granularity granularity) {
        return granularity.name();
    }

    static RepositoryEntity newRepository(RepositoryId id, Instant trackedAt) {
        RepositoryEntity entity = new RepositoryEntity();
        entity.setKey(id.key());
        entity.setOwnerKey(ownerKey(id.owner()));
        entity.setOwnerName(id.owner());
        entity.setRepoName(id.name());
        entity.setTrackedAt(stored(trackedAt));
        entity.setActive(true);
        return entity;
    }

    static RepositoryId repositoryId(RepositoryEntity entity) {
        return RepositoryId.of(entity.getOwnerName(), entity.getRepoName());
    }

    static TrackedRepository trackedRepository(RepositoryEntity entity) {
        return new TrackedRepository(
                repositoryId(entity),
                entity.getTrackedAt(),
                entity.isActive(),
                new SyncStatus(
                        entity.getLastSuccessAt(),
                        entity.getLastAttemptAt(),
                        entity.getLastError(),
                        entity.getNextDueAt()));
    }

    static void applySync(SyncStatus status, RepositoryEntity entity) {
        entity.setLastSuccessAt(stored(status.lastSuccessAt()));
        entity.setLastAttemptAt(stored(status.lastAttemptAt()));
        entity.setLastError(status.lastError());
        entity.setNextDueAt(stored(status.nextDueAt()));
    }

    static TrackedOwnerEntity newOwner(String owner, Instant at) {
        TrackedOwnerEntity entity = new TrackedOwnerEntity();
        entity.setOwnerKey(ownerKey(owner));
        entity.setOwnerName(owner);
        entity.setTrackedAt(stored(at));
        return entity;
    }

    /** One bucket row per observation, seen at the time of the answer. */
    static List<TrafficBucketEntity> bucketRows(long repositoryId, Observations observations) {
        Instant seenAt = stored(observations.observedAt());
        String kind = kindCode(observations.kind());
        String granularity = granularityCode(observations.granularity());
        List<TrafficBucketEntity> rows = new ArrayList<>(observations.buckets().size());
        for (KeptBucket observation : observations.buckets()) {
            TrafficBucketEntity row = new TrafficBucketEntity();
            row.setRepositoryId(repositoryId);
            row.setKind(kind);
            row.setGranularity(granularity);
            row.setStart(observation.start());
            row.setCount(observation.count());
            row.setUniques(observation.uniques());
            row.setComplete(observation.complete());
            row.setFirstSeenAt(seenAt);
            row.setLastSeenAt(seenAt);
            rows.add(row);
        }
        return rows;
    }

    static WindowTotalsEntity totalsRow(long repositoryId, WindowTotals totals) {
        WindowTotalsEntity entity = new WindowTotalsEntity();
        entity.setRepositoryId(repositoryId);
        entity.setKind(kindCode(totals.kind()));
        entity.setGranularity(granularityCode(totals.granularity()));
        entity.setFetchedAt(stored(totals.fetchedAt()));
        entity.setCount(totals.count());
        entity.setUniques(totals.uniques());
        return entity;
    }

    static WindowTotals windowTotals(TrafficKind kind, Granularity granularity, TotalsRow row) {
        return new WindowTotals(kind, granularity, row.fetchedAt(), row.count(), row.uniques());
    }

    static RepositoryId repositoryId(TotalsRow row) {
        return RepositoryId.of(row.ownerName(), row.repoName());
    }

    static RepositoryId repositoryId(SeriesRow row) {
        return RepositoryId.of(row.ownerName(), row.repoName());
    }

    static KeptBucket keptBucket(SeriesRow row) {
        return new KeptBucket(row.start(), row.count(), row.uniques(), row.complete());
    }

    static List<ReferrerEntryEmbeddable> referrerEntries(TopReferrers snapshot) {
        List<ReferrerEntryEmbeddable> entries = new ArrayList<>(snapshot.referrers().size());
        for (Referrer referrer : snapshot.referrers()) {
            entries.add(new ReferrerEntryEmbeddable(referrer.referrer(), referrer.count(), referrer.uniques()));
        }
        return entries;
    }

    static TopReferrers topReferrers(ReferrerSnapshotEntity entity) {
        List<Referrer> referrers = new ArrayList<>(entity.getEntries().size());
        for (ReferrerEntryEmbeddable entry : entity.getEntries()) {
            referrers.add(new Referrer(entry.getReferrer(), entry.getCount(), entry.getUniques()));
        }
        return new TopReferrers(entity.getTakenAt(), referrers);
    }

    static List<PathEntryEmbeddable> pathEntries(TopPaths snapshot) {
        List<PathEntryEmbeddable> entries = new ArrayList<>(snapshot.paths().size());
        for (PopularPath path : snapshot.paths()) {
            entries.add(new PathEntryEmbeddable(path.path(), path.title(), path.count(), path.uniques()));
        }
        return entries;
    }

    static TopPaths topPaths(PathSnapshotEntity entity) {
        List<PopularPath> paths = new ArrayList<>(entity.getEntries().size());
        for (PathEntryEmbeddable entry : entity.getEntries()) {
            paths.add(new PopularPath(entry.getPath(), entry.getTitle(), entry.getCount(), entry.getUniques()));
        }
        return new TopPaths(entity.getTakenAt(), paths);
    }
}
