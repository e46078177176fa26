package io.tidemark.storage.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The native statements that differ per database: atomic "keep the maximum" upserts,
 * "insert unless present", and the "latest sighting per counter" upsert of the counters. Chosen from the Hibernate dialect of the persistence unit, so from
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
    final String upsertStatsLatest;

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
        this.upsertStatsLatest = lockRepositoryToMerge ? h2StatsUpsert() : postgresStatsUpsert();
    }

    /**
     * The counters of {@code repository_stats}, each with its {@code _seen_at} column (a method, not
     * a constant: the constructor of the constants uses it before the enum's static fields exist).
     */
    static java.util.List<String> counters() {
        return java.util.List.of("stars", "forks", "watchers", "open_issues");
    }

    /**
     * Per counter: the sighting's value and instant replace the kept ones when it has the counter
     * and the kept one was not seen later ({@code new} is the row offered, {@code t} the kept).
     */
    private static String latestPerCounter(String offered) {
        StringBuilder set = new StringBuilder();
        for (String counter : counters()) {
            String newer = "CASE WHEN " + offered + "." + counter + "_seen_at IS NOT NULL AND (t." + counter
                    + "_seen_at IS NULL OR t." + counter + "_seen_at <= " + offered + "." + counter + "_seen_at)";
            if (set.length() > 0) {
                set.append(",\n    ");
            }
            set.append(counter).append(" = ").append(newer).append(" THEN ").append(offered).append('.').append(counter)
                    .append(" ELSE t.").append(counter).append(" END,\n    ")
                    .append(counter).append("_seen_at = ").append(newer).append(" THEN ").append(offered).append('.')
                    .append(counter).append("_seen_at ELSE t.").append(counter).append("_seen_at END");
        }
        return set.toString();
    }

    private static String columns() {
        StringBuilder columns = new StringBuilder("repository_id, stats_day");
        for (String counter : counters()) {
            columns.append(", ").append(counter).append(", ").append(counter).append("_seen_at");
        }
        return columns.toString();
    }

    private static String postgresStatsUpsert() {
        return "INSERT INTO repository_stats AS t (" + columns() + ")\n"
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)\n"
                + "ON CONFLICT (repository_id, stats_day) DO UPDATE SET\n    " + latestPerCounter("EXCLUDED");
    }

    private static String h2StatsUpsert() {
        StringBuilder values = new StringBuilder("CAST(? AS BIGINT), CAST(? AS DATE)");
        StringBuilder inserted = new StringBuilder("s.repository_id, s.stats_day");
        for (String counter : counters()) {
            values.append(", CAST(? AS INTEGER), CAST(? AS TIMESTAMP WITH TIME ZONE)");
            inserted.append(", s.").append(counter).append(", s.").append(counter).append("_seen_at");
        }
        return "MERGE INTO repository_stats t\n"
                + "USING (VALUES (" + values + ")) AS s (" + columns() + ")\n"
                + "ON t.repository_id = s.repository_id AND t.stats_day = s.stats_day\n"
                + "WHEN MATCHED THEN UPDATE SET\n    " + latestPerCounter("s") + "\n"
                + "WHEN NOT MATCHED THEN INSERT (" + columns() + ")\n    VALUES (" + inserted + ")";
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
