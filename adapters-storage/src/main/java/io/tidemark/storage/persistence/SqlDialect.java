package io.tidemark.storage.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The native statements that differ per database: atomic "keep the maximum" upserts and
 * "insert unless present". Chosen from the Hibernate dialect of the persistence unit, so from
 * {@code quarkus.datasource.db-kind}.
 */
enum SqlDialect {

    POSTGRESQL(
            """
            INSERT INTO traffic_bucket AS t
                (repository_id, kind, granularity, bucket_start, total, uniques, complete, first_seen_at, last_seen_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (repository_id, kind, granularity, bucket_start) DO UPDATE SET
                total = GREATEST(t.total, EXCLUDED.total),
                uniques = GREATEST(t.uniques, EXCLUDED.uniques),
                complete = t.complete OR EXCLUDED.complete,
                first_seen_at = LEAST(t.first_seen_at, EXCLUDED.first_seen_at),
                last_seen_at = GREATEST(t.last_seen_at, EXCLUDED.last_seen_at)
            """,
            """
            INSERT INTO window_totals AS t (repository_id, kind, granularity, fetched_at, total, uniques)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (repository_id, kind, granularity, fetched_at) DO UPDATE SET
                total = GREATEST(t.total, EXCLUDED.total),
                uniques = GREATEST(t.uniques, EXCLUDED.uniques)
            """,
            """
            INSERT INTO repository (repo_key, owner_key, owner_name, repo_name, tracked_at, active)
            VALUES (?, ?, ?, ?, ?, TRUE)
            ON CONFLICT (repo_key) DO NOTHING
            """,
            """
            INSERT INTO tracked_owner (owner_key, owner_name, tracked_at)
            VALUES (?, ?, ?)
            ON CONFLICT (owner_key) DO NOTHING
            """,
            false),

    /**
     * H2's MERGE is not atomic against a concurrent insert of the same key, so merges of one
     * repository are serialised by locking its row first ({@link #lockRepositoryToMerge}).
     */
    H2(
            """
            MERGE INTO traffic_bucket t
            USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(8)), CAST(? AS VARCHAR(8)), CAST(? AS DATE),
                           CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS BOOLEAN),
                           CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE)))
                AS s (repository_id, kind, granularity, bucket_start, total, uniques, complete, first_seen_at, last_seen_at)
            ON t.repository_id = s.repository_id AND t.kind = s.kind
                AND t.granularity = s.granularity AND t.bucket_start = s.bucket_start
            WHEN MATCHED THEN UPDATE SET
                total = GREATEST(t.total, s.total),
                uniques = GREATEST(t.uniques, s.uniques),
                complete = t.complete OR s.complete,
                first_seen_at = LEAST(t.first_seen_at, s.first_seen_at),
                last_seen_at = GREATEST(t.last_seen_at, s.last_seen_at)
            WHEN NOT MATCHED THEN INSERT
                (repository_id, kind, granularity, bucket_start, total, uniques, complete, first_seen_at, last_seen_at)
                VALUES (s.repository_id, s.kind, s.granularity, s.bucket_start, s.total, s.uniques, s.complete,
                        s.first_seen_at, s.last_seen_at)
            """,
            """
            MERGE INTO window_totals t
            USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(8)), CAST(? AS VARCHAR(8)),
                           CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS INTEGER), CAST(? AS INTEGER)))
                AS s (repository_id, kind, granularity, fetched_at, total, uniques)
            ON t.repository_id = s.repository_id AND t.kind = s.kind
                AND t.granularity = s.granularity AND t.fetched_at = s.fetched_at
            WHEN MATCHED THEN UPDATE SET
                total = GREATEST(t.total, s.total),
                uniques = GREATEST(t.uniques, s.uniques)
            WHEN NOT MATCHED THEN INSERT (repository_id, kind, granularity, fetched_at, total, uniques)
                VALUES (s.repository_id, s.kind, s.granularity, s.fetched_at, s.total, s.uniques)
            """,
            """
            MERGE INTO repository t
            USING (VALUES (CAST(? AS VARCHAR(140)), CAST(? AS VARCHAR(39)), CAST(? AS VARCHAR(39)),
                           CAST(? AS VARCHAR(100)), CAST(? AS TIMESTAMP WITH TIME ZONE)))
                AS s (repo_key, owner_key, owner_name, repo_name, tracked_at)
            ON t.repo_key = s.repo_key
            WHEN NOT MATCHED THEN INSERT (repo_key, owner_key, owner_name, repo_name, tracked_at, active)
                VALUES (s.repo_key, s.owner_key, s.owner_name, s.repo_name, s.tracked_at, TRUE)
            """,
            """
            MERGE INTO tracked_owner t
            USING (VALUES (CAST(? AS VARCHAR(39)), CAST(? AS VARCHAR(39)), CAST(? AS TIMESTAMP WITH TIME ZONE)))
                AS s (owner_key, owner_name, tracked_at)
            ON t.owner_key = s.owner_key
            WHEN NOT MATCHED THEN INSERT (owner_key, owner_name, tracked_at)
                VALUES (s.owner_key, s.owner_name, s.tracked_at)
            """,
            true);

    final String upsertBucketMax;
    final String upsertTotalsMax;
    final String insertRepositoryUnlessPresent;
    final String insertOwnerUnlessPresent;
    final boolean lockRepositoryToMerge;

    SqlDialect(
            String upsertBucketMax,
            String upsertTotalsMax,
            String insertRepositoryUnlessPresent,
            String insertOwnerUnlessPresent,
            boolean lockRepositoryToMerge) {
        this.upsertBucketMax = upsertBucketMax;
        this.upsertTotalsMax = upsertTotalsMax;
        this.insertRepositoryUnlessPresent = insertRepositoryUnlessPresent;
        this.insertOwnerUnlessPresent = insertOwnerUnlessPresent;
        this.lockRepositoryToMerge = lockRepositoryToMerge;
    }

    /** The dialect of the persistence unit behind {@code entityManager}. */
    static SqlDialect of(EntityManager entityManager) {
        Dialect dialect = entityManager.getEntityManagerFactory()
                .unwrap(SessionFactoryImplementor.class)
                .getJdbcServices()
                .getDialect();
        if (dialect instanceof PostgreSQLDialect) {
            return POSTGRESQL;
        }
        if (dialect instanceof H2Dialect) {
            return H2;
        }
        throw new IllegalStateException("Tidemark storage supports PostgreSQL and H2 only, not "
                + dialect.getClass().getName() + "; set quarkus.datasource.db-kind to postgresql or h2");
    }
}
