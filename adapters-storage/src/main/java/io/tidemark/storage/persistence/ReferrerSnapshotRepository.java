package io.tidemark.storage.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;

/** Panache repository of {@link ReferrerSnapshotEntity}. */
@ApplicationScoped
public class ReferrerSnapshotRepository implements PanacheRepository<ReferrerSnapshotEntity> {

    public Optional<ReferrerSnapshotEntity> findOfDay(long repositoryId, LocalDate day) {
        return find("repositoryId = ?1 and day = ?2", repositoryId, day).firstResultOptional();
    }

    /** The snapshot of the latest day on or before {@code day}, or the latest of all when null. */
    public Optional<ReferrerSnapshotEntity> latestOnOrBefore(long repositoryId, LocalDate day) {
        Sort latestFirst = Sort.descending("day");
        if (day == null) {
            return find("repositoryId", latestFirst, repositoryId).firstResultOptional();
        }
        return find("repositoryId = ?1 and day <= ?2", latestFirst, repositoryId, day).firstResultOptional();
    }
}
