package io.tidemark.storage.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Panache repository of {@link WindowTotalsEntity}. */
@ApplicationScoped
public class WindowTotalsRepository implements PanacheRepositoryBase<WindowTotalsEntity, WindowTotalsEntity.Key> {

    /**
     * Keeps the totals of one fetch; merging the same fetch again keeps the larger figures, so it
     * is idempotent and safe under concurrency like the buckets.
     */
    public void upsertMax(WindowTotalsEntity totals) {
        upsertMax(List.of(totals));
    }

    /** Like {@link #upsertMax(WindowTotalsEntity)} for several fetches, as one JDBC batch. */
    public void upsertMax(List<WindowTotalsEntity> totals) {
        NativeStatements.executeBatch(
                getEntityManager(),
                SqlDialect.of(getEntityManager()).upsertTotalsMax,
                totals,
                (parameters, row) -> parameters
                        .add(row.getRepositoryId())
                        .add(row.getKind())
                        .add(row.getGranularity())
                        .add(row.getFetchedAt())
                        .add(row.getCount())
                        .add(row.getUniques()));
    }

    /** The totals kept for one repository, oldest fetch first. */
    public List<WindowTotalsEntity> ofRepository(long repositoryId) {
        return list("repositoryId", Sort.ascending("fetchedAt", "kind", "granularity"), repositoryId);
    }
}
