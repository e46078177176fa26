package io.tidemark.storage;

import static io.tidemark.storage.Fixtures.day;
import static io.tidemark.storage.Fixtures.instant;
import static io.tidemark.storage.Fixtures.repo;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.model.PopularPath;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Top referrers and top paths: one snapshot per repository and UTC day. */
@StorageTest
class SnapshotTest extends StoreTestSupport {

    private static final RepositoryId ROCKET = repo("acme/rocket");

    SnapshotTest(PanacheTrafficStore store, TestDatabase database) {
        super(store, database);
    }

    @BeforeEach
    void trackRocket() {
        store.track(ROCKET, instant("2026-01-01T00:00:00Z"));
    }

    @Test
    void aLaterSnapshotTheSameDayReplacesTheEarlierListAndAll() {
        store.save(ROCKET, referrers("2026-03-05T08:00:00Z", "google.com", "github.com", "news.ycombinator.com"));
        TopReferrers evening = referrers("2026-03-05T23:59:59.123456Z", "reddit.com");
        store.save(ROCKET, evening);

        assertThat(store.topReferrers(ROCKET, null)).contains(evening);
        assertThat(store.topReferrers(ROCKET, day("2026-03-05"))).contains(evening);
        assertThat(database.count("referrer_snapshot")).isEqualTo(1);
        assertThat(database.count("referrer_entry")).isEqualTo(1);
    }

    @Test
    void anOlderSnapshotArrivingLateDoesNotReplaceANewerOneOfTheSameDay() {
        TopReferrers evening = referrers("2026-03-05T20:00:00Z", "reddit.com");
        store.save(ROCKET, evening);
        store.save(ROCKET, referrers("2026-03-05T08:00:00Z", "google.com", "github.com"));

        assertThat(store.topReferrers(ROCKET, null)).contains(evening);
    }

    @Test
    void snapshotsOfDifferentDaysAreKeptAndLookedUpOnOrBeforeADay() {
        TopReferrers first = referrers("2026-03-01T10:00:00Z", "google.com", "github.com");
        TopReferrers third = referrers("2026-03-03T00:00:00Z", "github.com");
        TopReferrers fifth = referrers("2026-03-05T23:00:00Z");
        store.save(ROCKET, third);
        store.save(ROCKET, fifth);
        store.save(ROCKET, first);

        assertThat(store.topReferrers(ROCKET, day("2026-02-28"))).isEmpty();
        assertThat(store.topReferrers(ROCKET, day("2026-03-01"))).contains(first);
        assertThat(store.topReferrers(ROCKET, day("2026-03-02"))).contains(first);
        assertThat(store.topReferrers(ROCKET, day("2026-03-03"))).contains(third);
        assertThat(store.topReferrers(ROCKET, day("2026-03-04"))).contains(third);
        assertThat(store.topReferrers(ROCKET, day("2026-12-31"))).contains(fifth);
        assertThat(store.topReferrers(ROCKET, null)).contains(fifth);
        assertThat(fifth.referrers()).isEmpty();
        assertThat(database.count("referrer_snapshot")).isEqualTo(3);
    }

    @Test
    void pathSnapshotsKeepTheirOrderAndAreReplacedWithinADay() {
        TopPaths morning = paths("2026-03-05T08:00:00Z",
                new PopularPath("/acme/rocket", "acme/rocket: a rocket", 40, 12),
                new PopularPath("/acme/rocket/issues", "Issues", 9, 3),
                new PopularPath("/acme/rocket/blob/main/README.md", "", 30, 10));
        TopPaths previousDay = paths("2026-03-04T22:00:00Z", new PopularPath("/acme/rocket/wiki", "Wiki", 1, 1));
        store.save(ROCKET, previousDay);
        store.save(ROCKET, morning);

        assertThat(store.topPaths(ROCKET, null)).contains(morning);
        assertThat(store.topPaths(ROCKET, day("2026-03-04"))).contains(previousDay);

        TopPaths noon = paths("2026-03-05T12:00:00Z", new PopularPath("/acme/rocket/pulls", "Pull requests", 5, 2));
        store.save(ROCKET, noon);

        assertThat(store.topPaths(ROCKET, day("2026-03-05"))).contains(noon);
        assertThat(store.topPaths(ROCKET, day("2026-03-04"))).contains(previousDay);
        assertThat(database.count("path_entry")).isEqualTo(2);
    }

    @Test
    void snapshotsBelongToTheirRepository() {
        RepositoryId other = repo("acme/other");
        store.track(other, instant("2026-01-01T00:00:00Z"));
        store.save(ROCKET, referrers("2026-03-05T08:00:00Z", "google.com"));

        assertThat(store.topReferrers(other, null)).isEmpty();
        assertThat(store.topPaths(ROCKET, null)).isEmpty();
        assertThat(store.topReferrers(repo("ACME/Rocket"), null)).isPresent();
    }

    private static TopReferrers referrers(String takenAt, String... names) {
        List<Referrer> referrers = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            referrers.add(new Referrer(names[i], 100 - i * 10, 50 - i * 5));
        }
        return new TopReferrers(instant(takenAt), referrers);
    }

    private static TopPaths paths(String takenAt, PopularPath... paths) {
        return new TopPaths(instant(takenAt), List.of(paths));
    }
}
