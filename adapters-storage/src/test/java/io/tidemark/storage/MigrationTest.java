package io.tidemark.storage;

import static io.tidemark.storage.Fixtures.bucket;
import static io.tidemark.storage.Fixtures.day;
import static io.tidemark.storage.Fixtures.instant;
import static io.tidemark.storage.Fixtures.kept;
import static io.tidemark.storage.Fixtures.repo;
import static io.tidemark.storage.Fixtures.views;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncStatus;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Flyway migrations, from nothing and from version 1 with data in it. */
@StorageTest
class MigrationTest extends StoreTestSupport {

    private static final String LATEST = "latest";

    MigrationTest(PanacheTrafficStore store, TestDatabase database) {
        super(store, database);
    }

    @AfterEach
    void backToLatest() {
        database.flyway(LATEST).migrate();
        database.clean();
    }

    @Test
    void anEmptyDatabaseMigratesToTheLatestVersion() {
        Flyway flyway = database.flyway(LATEST);
        flyway.clean();
        int pending = flyway.info().pending().length;

        MigrateResult result = flyway.migrate();

        assertThat(pending).as("versions in db/migration").isGreaterThanOrEqualTo(3);
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(pending);
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(result.targetSchemaVersion).isEqualTo(latestVersion(flyway));
        RepositoryId rocket = repo("acme/rocket");
        store.track(rocket, instant("2026-03-01T10:00:00Z"));
        merge(rocket, views("2026-03-10T15:20:00Z", bucket("2026-03-05", 4, 2)));
        assertThat(dailyViews(rocket)).hasSize(15).contains(kept("2026-03-05", 4, 2, true));
    }

    @Test
    void aVersion1DatabaseWithDataMigratesWithoutLosingAny() {
        database.flyway(LATEST).clean();
        database.flyway("1").migrate();
        long rocketId = insertV1Repository("acme/rocket", "Acme", "Rocket", true,
                "2026-03-09T10:00:00Z", "2026-03-10T10:00:00Z", "rate limited", "2026-03-10T11:00:00Z");
        insertV1Repository("beta/probe", "beta", "probe", false, null, null, null, null);
        insertV1Bucket(rocketId, "VIEWS", "DAY", "2026-03-04", 12, 5, true, "2026-03-08T10:00:00Z", "2026-03-09T10:00:00Z");
        insertV1Bucket(rocketId, "VIEWS", "DAY", "2026-03-05", 0, 0, true, "2026-03-08T10:00:00Z", "2026-03-09T10:00:00Z");
        insertV1Bucket(rocketId, "CLONES", "WEEK", "2026-03-02", 7, 3, false, "2026-03-08T10:00:00Z", "2026-03-09T10:00:00Z");
        database.update("INSERT INTO tracked_owner (owner_key, owner_name, tracked_at) VALUES (?, ?, ?)",
                "acme", "Acme", utc("2026-03-01T10:00:00Z"));

        MigrateResult result = database.flyway(LATEST).migrate();

        assertThat(result.success).isTrue();
        assertThat(result.initialSchemaVersion).isEqualTo("1");
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(2);
        RepositoryId rocket = repo("acme/rocket");
        assertThat(store.find(repo("ACME/ROCKET"))).contains(new TrackedRepository(
                repo("Acme/Rocket"),
                instant("2026-03-01T10:00:00Z"),
                true,
                new SyncStatus(
                        instant("2026-03-09T10:00:00Z"),
                        instant("2026-03-10T10:00:00Z"),
                        "rate limited",
                        instant("2026-03-10T11:00:00Z"))));
        assertThat(store.find(repo("beta/probe"))).map(TrackedRepository::active).contains(false);
        assertThat(store.list(null, null, 10).repositories()).extracting(repository -> repository.id().nameWithOwner())
                .containsExactly("Acme/Rocket", "beta/probe");
        assertThat(store.trackedOwners()).containsExactly("Acme");
        assertThat(dailyViews(rocket)).containsExactly(kept("2026-03-04", 12, 5, true), kept("2026-03-05", 0, 0, true));
        assertThat(series(rocket, TrafficKind.CLONES, Granularity.WEEK, DateRange.ALL))
                .containsExactly(kept("2026-03-02", 7, 3, false));

        // the migrated rows keep merging by the maximum, and the version 2 tables work for them
        merge(rocket, views("2026-03-10T15:20:00Z", bucket("2026-03-04", 10, 9), bucket("2026-03-05", 1, 1)));
        store.save(rocket, new TopReferrers(instant("2026-03-10T15:20:00Z"), List.of(new Referrer("google.com", 3, 1))));

        assertThat(series(rocket, TrafficKind.VIEWS, Granularity.DAY, new DateRange(day("2026-03-04"), day("2026-03-05"))))
                .containsExactly(kept("2026-03-04", 12, 9, true), kept("2026-03-05", 1, 1, true));
        assertThat(totalsRows(rocket)).hasSize(1);
        assertThat(store.topReferrers(rocket, null)).isPresent();
    }

    private long insertV1Repository(String key, String owner, String name, boolean active,
            String lastSuccessAt, String lastAttemptAt, String lastError, String nextDueAt) {
        database.update("""
                INSERT INTO repository (repo_key, owner_key, owner_name, repo_name, tracked_at, active,
                                        last_success_at, last_attempt_at, last_error, next_due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                key, owner.toLowerCase(java.util.Locale.ROOT), owner, name, utc("2026-03-01T10:00:00Z"), active,
                utc(lastSuccessAt), utc(lastAttemptAt), lastError, utc(nextDueAt));
        return ((Number) database.rows("SELECT id FROM repository WHERE repo_key = ?", key).get(0).get(0)).longValue();
    }

    private void insertV1Bucket(long repositoryId, String kind, String granularity, String start, int total, int uniques,
            boolean complete, String firstSeenAt, String lastSeenAt) {
        database.update("""
                INSERT INTO traffic_bucket (repository_id, kind, granularity, bucket_start, total, uniques, complete,
                                            first_seen_at, last_seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                repositoryId, kind, granularity, LocalDate.parse(start), total, uniques, complete,
                utc(firstSeenAt), utc(lastSeenAt));
    }

    private static OffsetDateTime utc(String instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static String latestVersion(Flyway flyway) {
        var all = flyway.info().all();
        return all[all.length - 1].getVersion().getVersion();
    }
}
