package io.tidemark.storage.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Panache repository of {@link TrackedOwnerEntity}. */
@ApplicationScoped
public class TrackedOwnerRepository implements PanacheRepository<TrackedOwnerEntity> {

    /** Inserts the owner unless one with the same key exists (then nothing changes). */
    public void insertUnlessPresent(TrackedOwnerEntity candidate) {
        NativeStatements.executeBatch(
                getEntityManager(),
                SqlDialect.of(getEntityManager()).insertOwnerUnlessPresent,
                List.of(candidate),
                (parameters, row) -> parameters
                        .add(row.getOwnerKey())
                        .add(row.getOwnerName())
                        .add(row.getTrackedAt()));
    }

    public List<TrackedOwnerEntity> allByKey() {
        return listAll(Sort.ascending("ownerKey"));
    }
}
