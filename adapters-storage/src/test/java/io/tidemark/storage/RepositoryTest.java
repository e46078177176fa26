package io.tidemark.storage;

import static io.tidemark.storage.Fixtures.bucket;
import static io.tidemark.storage.Fixtures.instant;
import static io.tidemark.storage.Fixtures.repo;
import static io.tidemark.storage.Fixtures.views;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.model.InvalidRepositoryIdException;
import io.tidemark.core.model.PopularPath;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncStatus;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.RepositoryPage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tracking, listing, syncing and deleting repositories; tracking owners. */
@StorageTest
class RepositoryTest extends StoreTestSupport {

    RepositoryTest(PanacheTrafficStore store, TestDatabase database) {
        super(store, database);
    }

    @Test
    void repositoriesAreMatchedIgnoringCaseAndKeepTheCasingFirstTracked() {
        TrackedRepository tracked = store.track(repo("Acme/Rocket"), instant("2026-03-01T10:00:00Z"));
        TrackedRepository again = store.track(repo("ACME/ROCKET"), instant("2026-03-02T10:00:00Z"));

        assertThat(tracked).isEqualTo(new TrackedRepository(
                repo("Acme/Rocket"), instant("2026-03-01T10:00:00Z"), true, SyncStatus.NEVER));
        assertThat(again).isEqualTo(tracked);
        assertThat(again.id().nameWithOwner()).isEqualTo("Acme/Rocket");
        assertThat(store.find(repo("acme/rocket"))).map(found -> found.id().nameWithOwner()).contains("Acme/Rocket");
        assertThat(database.count("repository")).isEqualTo(1);
    }

    @Test
    void untrackingKeepsHistoryAndTrackingAgainResumesIt() {
        RepositoryId rocket = repo("acme/rocket");
        store.track(rocket, instant("2026-03-01T10:00:00Z"));
        merge(rocket, views("2026-03-10T15:20:00Z", bucket("2026-03-05", 4, 2)));
        store.save(rocket, new TopReferrers(instant("2026-03-10T15:20:00Z"), List.of(new Referrer("google.com", 3, 1))));

        assertThat(store.untrack(repo("Acme/Rocket"))).isTrue();

        assertThat(store.find(rocket)).map(TrackedRepository::active).contains(false);
        assertThat(store.active()).isEmpty();
        assertThat(dailyViews(rocket)).hasSize(15);
        assertThat(store.topReferrers(rocket, null)).isPresent();
        assertThat(store.untrack(rocket)).as("untracking twice still knows it").isTrue();

        TrackedRepository resumed = store.track(rocket, instant("2026-04-01T10:00:00Z"));

        assertThat(resumed.active()).isTrue();
        assertThat(resumed.trackedAt()).isEqualTo(instant("2026-03-01T10:00:00Z"));
        assertThat(store.active()).extracting(TrackedRepository::id).containsExactly(rocket);
        assertThat(dailyViews(rocket)).hasSize(15);
    }

    @Test
    void unknownRepositoriesAreNeitherUntrackedNorDeleted() {
        assertThat(store.untrack(repo("acme/ghost"))).isFalse();
        assertThat(store.deleteHistory(repo("acme/ghost"))).isFalse();
        assertThat(store.find(repo("acme/ghost"))).isEmpty();
        assertThat(database.countAll()).isZero();
    }

    @Test
    void deleteHistoryRemovesTheRepositoryAndEverythingKeptForIt() {
        RepositoryId doomed = repo("acme/doomed");
        RepositoryId kept = repo("acme/kept");
        for (RepositoryId repository : List.of(doomed, kept)) {
            store.track(repository, instant("2026-03-01T10:00:00Z"));
            merge(repository, views("2026-03-10T15:20:00Z", bucket("2026-03-05", 4, 2)));
            store.save(repository, new TopReferrers(instant("2026-03-10T15:20:00Z"), List.of(new Referrer("google.com", 3, 1))));
            store.save(repository, new TopPaths(instant("2026-03-10T15:20:00Z"), List.of(new PopularPath("/x", "X", 3, 1))));
            store.recordSync(repository, new SyncStatus(null, instant("2026-03-10T15:20:00Z"), "boom", null));
        }
        long rowsOfOne = database.countAll() / 2;

        assertThat(store.deleteHistory(repo("ACME/DOOMED"))).isTrue();

        assertThat(store.find(doomed)).isEmpty();
        assertThat(database.countAll()).isEqualTo(rowsOfOne);
        assertThat(database.rows("SELECT COUNT(*) FROM traffic_bucket b JOIN repository r ON r.id = b.repository_id"
                + " WHERE r.repo_key = ?", kept.key()).get(0).get(0)).isEqualTo(database.count("traffic_bucket"));
        assertThat(dailyViews(kept)).hasSize(15);
        assertThat(store.topPaths(kept, null)).isPresent();
        assertThat(store.deleteHistory(doomed)).isFalse();
        assertThatThrownBy(() -> store.topReferrers(doomed, null)).isInstanceOf(NoSuchElementException.class);

        store.track(doomed, instant("2026-04-01T10:00:00Z"));

        assertThat(dailyViews(doomed)).as("a deleted history does not come back").isEmpty();
        assertThat(store.topReferrers(doomed, null)).isEmpty();
    }

    @Test
    void listPagesThroughRepositoriesInKeyOrder() {
        List<String> names = new ArrayList<>(List.of(
                "acme/ab", "Acme/a-b", "acme/a.b", "ACME/a_b", "acme/A0", "Acme/zed", "beta/x", "acme-corp/a"));
        Collections.shuffle(names, new Random(3));
        names.forEach(name -> store.track(repo(name), instant("2026-03-01T10:00:00Z")));
        List<String> expectedKeys = names.stream().map(name -> repo(name).key()).sorted().toList();

        List<String> listed = new ArrayList<>();
        String after = null;
        RepositoryPage page;
        int pages = 0;
        do {
            page = store.list(null, after, 3);
            pages++;
            assertThat(page.totalCount()).isEqualTo(8);
            assertThat(page.repositories()).hasSizeLessThanOrEqualTo(3);
            page.repositories().forEach(repository -> listed.add(repository.id().key()));
            after = listed.get(listed.size() - 1);
        } while (page.hasNextPage());

        assertThat(listed).isEqualTo(expectedKeys);
        assertThat(pages).isEqualTo(3);
        assertThat(store.list(null, null, 8).hasNextPage()).isFalse();
        assertThat(store.list(null, null, 7).hasNextPage()).isTrue();
        assertThat(store.list(null, "zzz", 5).repositories()).isEmpty();
    }

    @Test
    void listFiltersByOwnerIgnoringCase() {
        List.of("Acme/rocket", "acme/probe", "acme-corp/rocket", "beta/rocket")
                .forEach(name -> store.track(repo(name), instant("2026-03-01T10:00:00Z")));

        RepositoryPage acme = store.list("ACME", null, 1);

        assertThat(acme.totalCount()).isEqualTo(2);
        assertThat(acme.hasNextPage()).isTrue();
        assertThat(acme.repositories()).extracting(repository -> repository.id().nameWithOwner())
                .containsExactly("acme/probe");

        RepositoryPage rest = store.list("acme", "ACME/PROBE", 5);

        assertThat(rest.repositories()).extracting(repository -> repository.id().nameWithOwner())
                .containsExactly("Acme/rocket");
        assertThat(rest.hasNextPage()).isFalse();
        assertThat(rest.totalCount()).isEqualTo(2);
        assertThat(store.list("nobody", null, 5)).isEqualTo(new io.tidemark.core.model.RepositoryPage(List.of(), false, 0));
    }

    @Test
    void activeListsNeverSyncedFirstThenTheMostOverdueTiesByKey() {
        for (String name : List.of("acme/late", "acme/later", "acme/never", "acme/fresh", "acme/gone", "acme/also-never",
                "Acme/Early-Tie")) {
            store.track(repo(name), instant("2026-03-01T10:00:00Z"));
        }
        store.recordSync(repo("acme/later"), due("2026-03-10T10:00:00Z"));
        store.recordSync(repo("acme/late"), due("2026-03-10T08:00:00Z"));
        store.recordSync(repo("acme/early-tie"), due("2026-03-10T08:00:00Z"));
        store.recordSync(repo("acme/fresh"), due("2026-03-11T08:00:00Z"));
        store.recordSync(repo("acme/gone"), due("2026-03-01T08:00:00Z"));
        store.untrack(repo("acme/gone"));

        assertThat(store.active()).extracting(repository -> repository.id().name())
                .containsExactly("also-never", "never", "Early-Tie", "late", "later", "fresh");
    }

    @Test
    void recordSyncKeepsTheLatestOutcome() {
        RepositoryId rocket = repo("acme/rocket");
        store.track(rocket, instant("2026-03-01T10:00:00Z"));
        SyncStatus failed = new SyncStatus(
                instant("2026-03-09T10:00:00.123456Z"),
                instant("2026-03-10T10:00:00Z"),
                "GitHub answered 502 Bad Gateway",
                instant("2026-03-10T16:00:00Z"));
        store.recordSync(rocket, failed);

        assertThat(store.find(rocket)).map(TrackedRepository::sync).contains(failed);

        SyncStatus synced = new SyncStatus(
                instant("2026-03-10T16:00:01Z"), instant("2026-03-10T16:00:00Z"), null, instant("2026-03-10T22:00:01Z"));
        store.recordSync(repo("ACME/rocket"), synced);

        assertThat(store.find(rocket)).map(TrackedRepository::sync).contains(synced);
    }

    @Test
    void ownersAreTrackedOnceIgnoringCaseInTheCasingFirstGivenOrderedIgnoringCase() {
        store.trackOwner("Zeta", instant("2026-03-01T09:00:00Z"));
        store.trackOwner("Acme", instant("2026-03-01T10:00:00Z"));
        store.trackOwner("ACME", instant("2026-03-02T10:00:00Z"));
        store.trackOwner("beta-labs", instant("2026-03-02T10:00:00Z"));
        store.trackOwner("acme", instant("2026-03-03T10:00:00Z"));

        assertThat(store.trackedOwners()).containsExactly("Acme", "beta-labs", "Zeta");
        assertThat(database.count("tracked_owner")).isEqualTo(3);
        assertThatThrownBy(() -> store.trackOwner("-acme", instant("2026-03-03T10:00:00Z")))
                .isInstanceOf(InvalidRepositoryIdException.class);
        assertThat(database.count("tracked_owner")).isEqualTo(3);
    }

    private static SyncStatus due(String nextDueAt) {
        return new SyncStatus(null, null, null, instant(nextDueAt));
    }
}
