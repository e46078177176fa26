package io.tidemark.storage.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Panache repository of {@link WindowTotalsEntity}. */
@ApplicationScoped
public class WindowTotalsRepository implements PanacheRepositoryBase<WindowTotalsEntity, WindowTotalsEntity.Key> {

    /**
     * Keeps the totals of fetches; the same fetch again keeps the larger figures, so it is
     * idempotent and safe under concurrency like the buckets. The rows may be in any order and
     * may hold the same fetch several times: they are upserted in {@link UpsertRounds}.
     */
    public void upsertMax(List<WindowTotalsEntity> totals) {
        UpsertRounds.execute(
                getEntityManager(),
                SqlDialect.of(getEntityManager()).upsertTotalsMax,
                totals,
                WindowTotalsRepository::key,
                (parameters, row) -> parameters
                        .add(row.getRepositoryId())
                        .add(row.getKind())
                        .add(row.getGranularity())
                        .add(row.getFetchedAt())
                        .add(row.getCount())
                        .add(row.getUniques()));
    }

    /** The primary key as one sortable string: repository, kind, granularity, fetch. */
    private static String key(WindowTotalsEntity row) {
        return String.format("%019d|%s|%s|%s", row.getRepositoryId(), row.getKind(), row.getGranularity(),
                row.getFetchedAt());
    }

    /**
     * In one query: every repository among {@code keys} that is known, each with its totals of
     * {@code kind} and {@code granularity} fetched in {@code [from, to)} (either end may be null
     * for open), ordered by repository key, then fetch. A known repository without such totals
     * yields one row without totals.
     */
    public List<TotalsRow> totals(Collection<String> keys, String kind, String granularity, Instant from, Instant to) {
        StringBuilder jpql = new StringBuilder("""
                select new io.tidemark.storage.persistence.TotalsRow(
                    r.key, r.ownerName, r.repoName, t.fetchedAt, t.count, t.uniques)
                from RepositoryEntity r
                left join WindowTotalsEntity t
                    on t.repositoryId = r.id and t.kind = :kind and t.granularity = :granularity
                """);
        if (from != null) {
            jpql.append(" and t.fetchedAt >= :from");
        }
        if (to != null) {
            jpql.append(" and t.fetchedAt < :to");
        }
        jpql.append(" where r.key in :keys order by r.key, t.fetchedAt");
        TypedQuery<TotalsRow> query = getEntityManager()
                .createQuery(jpql.toString(), TotalsRow.class)
                .setParameter("kind", kind)
                .setParameter("granularity", granularity)
                .setParameter("keys", keys);
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query.getResultList();
    }
}
