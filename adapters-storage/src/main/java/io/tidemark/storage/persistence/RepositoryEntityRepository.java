package io.tidemark.storage.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Panache repository of {@link RepositoryEntity}. */
@ApplicationScoped
public class RepositoryEntityRepository implements PanacheRepository<RepositoryEntity> {

    public Optional<RepositoryEntity> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    /** The row, locked against concurrent writers until the transaction ends. */
    public Optional<RepositoryEntity> findByKeyForUpdate(String key) {
        return find("key", key).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * The id of the repository to merge a window into. Where the database cannot make the
     * merge upsert atomic by itself (H2), the row is also locked so that merges of one
     * repository run one after the other.
     */
    public Optional<Long> findIdToMerge(String key) {
        if (SqlDialect.of(getEntityManager()).lockRepositoryToMerge) {
            return findByKeyForUpdate(key).map(RepositoryEntity::getId);
        }
        return getEntityManager()
                .createQuery("select r.id from RepositoryEntity r where r.key = :key", Long.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }

    /**
     * Inserts the repository unless one with the same key exists (then nothing changes), safe
     * against a concurrent insert of the same key on PostgreSQL.
     */
    public void insertUnlessPresent(RepositoryEntity candidate) {
        NativeStatements.executeBatch(
                getEntityManager(),
                SqlDialect.of(getEntityManager()).insertRepositoryUnlessPresent,
                List.of(candidate),
                (parameters, row) -> parameters
                        .add(row.getKey())
                        .add(row.getOwnerKey())
                        .add(row.getOwnerName())
                        .add(row.getRepoName())
                        .add(row.getTrackedAt()));
    }

    /**
     * Up to {@code limit} repositories ordered by key, after {@code afterKey} when given, of
     * {@code ownerKey} when given.
     */
    public List<RepositoryEntity> page(String ownerKey, String afterKey, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (ownerKey != null) {
            query.append(" and ownerKey = :owner");
            parameters.put("owner", ownerKey);
        }
        if (afterKey != null) {
            query.append(" and key > :after");
            parameters.put("after", afterKey);
        }
        return find(query.toString(), Sort.ascending("key"), parameters).range(0, limit - 1).list();
    }

    /** How many repositories {@code ownerKey} has, or how many there are when null. */
    public long countOf(String ownerKey) {
        return ownerKey == null ? count() : count("ownerKey", ownerKey);
    }

    /** Active repositories, never-due first, then by due time (most overdue first). */
    public List<RepositoryEntity> activeByDue() {
        return list(
                "active = true",
                Sort.by("nextDueAt", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_FIRST)
                        .and("key"));
    }
}
