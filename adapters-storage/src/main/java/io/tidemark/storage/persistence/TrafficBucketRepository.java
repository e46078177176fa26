package io.tidemark.storage.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Panache repository of {@link TrafficBucketEntity}. */
@ApplicationScoped
public class TrafficBucketRepository implements PanacheRepositoryBase<TrafficBucketEntity, TrafficBucketEntity.Key> {

    /**
     * Merges observations into the kept buckets with one upsert statement executed as JDBC
     * batches: per bucket the maximum count, the maximum uniques, complete if either is, the
     * earliest first and the latest last sighting. The database resolves concurrent merges of
     * the same bucket, so no observation is lost. The rows may be in any order and may hold the
     * same bucket several times (a bulk merge): they are upserted in {@link UpsertRounds}.
     */
    public void upsertMax(List<TrafficBucketEntity> observations) {
        UpsertRounds.execute(
                getEntityManager(),
                SqlDialect.of(getEntityManager()).upsertBucketMax,
                observations,
                TrafficBucketRepository::key,
                (parameters, row) -> parameters
                        .add(row.getRepositoryId())
                        .add(row.getKind())
                        .add(row.getGranularity())
                        .add(row.getStart())
                        .add(row.getCount())
                        .add(row.getUniques())
                        .add(row.isComplete())
                        .add(row.getFirstSeenAt())
                        .add(row.getLastSeenAt()));
    }

    /** The primary key as one sortable string: repository, kind, granularity, start. */
    private static String key(TrafficBucketEntity row) {
        String id = Long.toString(row.getRepositoryId());
        StringBuilder key = new StringBuilder(48);
        key.append("0000000000000000000", 0, Math.max(0, 19 - id.length())).append(id);
        return key.append('|').append(row.getKind()).append('|').append(row.getGranularity()).append('|')
                .append(row.getStart()).toString();
    }

    /**
     * In one query: every repository among {@code keys} that is known, each with its buckets of
     * {@code kind} and {@code granularity} starting within the inclusive range (either end may be
     * null for open), ordered by repository key, then bucket start. A known repository without
     * such buckets yields one row without a bucket.
     */
    public List<SeriesRow> series(
            Collection<String> keys, String kind, String granularity, LocalDate since, LocalDate until) {
        StringBuilder jpql = new StringBuilder("""
                select new io.tidemark.storage.persistence.SeriesRow(
                    r.key, r.ownerName, r.repoName, b.start, b.count, b.uniques, b.complete)
                from RepositoryEntity r
                left join TrafficBucketEntity b
                    on b.repositoryId = r.id and b.kind = :kind and b.granularity = :granularity
                """);
        if (since != null) {
            jpql.append(" and b.start >= :since");
        }
        if (until != null) {
            jpql.append(" and b.start <= :until");
        }
        jpql.append(" where r.key in :keys order by r.key, b.start");
        TypedQuery<SeriesRow> query = getEntityManager()
                .createQuery(jpql.toString(), SeriesRow.class)
                .setParameter("kind", kind)
                .setParameter("granularity", granularity)
                .setParameter("keys", keys);
        if (since != null) {
            query.setParameter("since", since);
        }
        if (until != null) {
            query.setParameter("until", until);
        }
        return query.getResultList();
    }
}
