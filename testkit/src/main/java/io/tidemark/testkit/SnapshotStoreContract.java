package io.tidemark.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.model.PopularPath;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.port.out.SnapshotStore;
import io.tidemark.core.port.out.TrafficStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SnapshotStore}, as its Javadoc states it: one snapshot per repository and
 * UTC day, the latest taken winning, kept as given. Extend it in the tests of a store adapter and
 * implement {@link #emptyStore()}. The snapshot role needs the registry to know repositories, so
 * the factory returns a whole {@link TrafficStore}.
 */
public abstract class SnapshotStoreContract {

    private static final Instant TRACKED_AT = Instant.parse("2024-01-01T00:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2024-03-10");

    /** The store under test. */
    protected TrafficStore store;

    private RepositoryId rocket;

    /** A store that knows no repository and keeps nothing, for one test; called before each test. */
    protected abstract TrafficStore emptyStore();

    @BeforeEach
    void openEmptyStore() {
        store = emptyStore();
        rocket = RepositoryId.of("acme", "rocket");
        store.track(rocket, TRACKED_AT);
    }

    /**
     * One snapshot per UTC day: a later snapshot of the same day replaces the kept one, list and
     * all (a shorter list leaves nothing of the longer), for referrers and for paths.
     */
    @Test
    void aLaterSnapshotOfTheSameDayReplacesTheKeptOneListAndAll() {
        TopReferrers morning = referrers("2024-03-10T09:00:00Z", "google.com", "news.ycombinator.com", "github.com");
        TopReferrers evening = referrers("2024-03-10T21:30:00Z", "reddit.com");
        TopPaths morningPaths = paths("2024-03-10T09:00:00Z", "/acme/rocket", "/acme/rocket/issues");
        TopPaths eveningPaths = paths("2024-03-10T21:30:00Z", "/acme/rocket/pulls");

        store.save(rocket, morning);
        store.save(rocket, evening);
        store.save(rocket, morningPaths);
        store.save(rocket, eveningPaths);

        assertThat(store.topReferrers(rocket, DAY)).contains(evening);
        assertThat(store.topPaths(rocket, DAY)).contains(eveningPaths);
        assertThat(store.topReferrers(rocket, null)).contains(evening);
    }

    /**
     * A late-arriving older snapshot of a day already kept is ignored; one taken at the same
     * instant replaces the kept one; saving the same snapshot twice is idempotent.
     */
    @Test
    void anOlderLateArrivalIsIgnoredAndTheSameInstantReplaces() {
        TopReferrers evening = referrers("2024-03-10T21:30:00Z", "reddit.com");
        TopReferrers morning = referrers("2024-03-10T09:00:00Z", "google.com", "github.com");
        TopReferrers eveningRevised = referrers("2024-03-10T21:30:00Z", "lobste.rs", "reddit.com");
        TopPaths eveningPaths = paths("2024-03-10T21:30:00Z", "/acme/rocket/pulls");

        store.save(rocket, evening);
        store.save(rocket, morning);
        assertThat(store.topReferrers(rocket, DAY)).contains(evening);

        store.save(rocket, eveningRevised);
        store.save(rocket, eveningRevised);
        assertThat(store.topReferrers(rocket, DAY)).contains(eveningRevised);

        store.save(rocket, eveningPaths);
        store.save(rocket, paths("2024-03-10T00:00:00Z", "/acme/rocket"));
        assertThat(store.topPaths(rocket, DAY)).contains(eveningPaths);
    }

    /**
     * Days are UTC days: snapshots a second apart across midnight are kept as two days; a read
     * returns the snapshot of the latest day on or before the given one (null: the latest kept),
     * and empty before the first.
     */
    @Test
    void readsTheLatestDayOnOrBeforeTheGivenUtcDay() {
        TopReferrers lateFirst = referrers("2024-03-10T23:59:59Z", "google.com");
        TopReferrers earlySecond = referrers("2024-03-11T00:00:00Z", "github.com");
        TopReferrers fifth = referrers("2024-03-15T12:00:00Z", "reddit.com");
        store.save(rocket, fifth);
        store.save(rocket, earlySecond);
        store.save(rocket, lateFirst);

        assertThat(store.topReferrers(rocket, LocalDate.parse("2024-03-09"))).isEmpty();
        assertThat(store.topReferrers(rocket, LocalDate.parse("2024-03-10"))).contains(lateFirst);
        assertThat(store.topReferrers(rocket, LocalDate.parse("2024-03-11"))).contains(earlySecond);
        assertThat(store.topReferrers(rocket, LocalDate.parse("2024-03-14"))).contains(earlySecond);
        assertThat(store.topReferrers(rocket, LocalDate.parse("2024-12-31"))).contains(fifth);
        assertThat(store.topReferrers(rocket, null)).contains(fifth);
    }

    /**
     * Referrer and path snapshots are kept apart, and snapshots are kept as given: an empty list
     * stays empty, figures and titles (an empty title too) and the order of entries are kept;
     * repositories are matched ignoring case.
     */
    @Test
    void referrersAndPathsAreKeptApartAsGivenMatchedIgnoringCase() {
        TopPaths withEmptyTitle = new TopPaths(Instant.parse("2024-03-10T08:00:00.123456Z"), List.of(
                new PopularPath("/acme/rocket", "", 9, 4),
                new PopularPath("/acme/rocket/wiki", "Wiki · acme/rocket", 12, 2)));
        TopReferrers none = new TopReferrers(Instant.parse("2024-03-12T08:00:00Z"), List.of());

        store.save(RepositoryId.of("ACME", "Rocket"), withEmptyTitle);
        store.save(rocket, none);

        assertThat(store.topPaths(RepositoryId.of("acme", "ROCKET"), null)).contains(withEmptyTitle);
        assertThat(store.topPaths(rocket, LocalDate.parse("2024-03-09"))).isEmpty();
        assertThat(store.topReferrers(rocket, null)).contains(none);
        assertThat(store.topReferrers(rocket, LocalDate.parse("2024-03-11"))).isEmpty();
    }

    /** Snapshots of one repository are not another's. */
    @Test
    void snapshotsAreKeptPerRepository() {
        RepositoryId other = RepositoryId.of("acme", "other");
        store.track(other, TRACKED_AT);
        TopReferrers mine = referrers("2024-03-10T09:00:00Z", "google.com");

        store.save(rocket, mine);

        assertThat(store.topReferrers(other, null)).isEmpty();
        assertThat(store.topPaths(other, null)).isEmpty();
        assertThat(store.topReferrers(rocket, null)).contains(mine);
    }

    /**
     * An unknown repository throws {@link NoSuchElementException} (saves and reads), and a null
     * argument {@link NullPointerException} naming it; nothing is written.
     */
    @Test
    void unknownRepositoriesAndNullArgumentsAreRejected() {
        RepositoryId ghost = RepositoryId.of("acme", "ghost");
        TopReferrers referrers = referrers("2024-03-10T09:00:00Z", "google.com");
        TopPaths paths = paths("2024-03-10T09:00:00Z", "/acme/ghost");

        assertThatThrownBy(() -> store.save(ghost, referrers)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> store.save(ghost, paths)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> store.topReferrers(ghost, null)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> store.topPaths(ghost, DAY)).isInstanceOf(NoSuchElementException.class);
        rejected(() -> store.save(null, referrers), "repository");
        rejected(() -> store.save(rocket, (TopReferrers) null), "snapshot");
        rejected(() -> store.save(null, paths), "repository");
        rejected(() -> store.save(rocket, (TopPaths) null), "snapshot");
        rejected(() -> store.topReferrers(null, null), "repository");
        rejected(() -> store.topPaths(null, DAY), "repository");

        assertThat(store.find(ghost)).isEmpty();
        assertThat(store.topReferrers(rocket, null)).isEmpty();
        assertThat(store.topPaths(rocket, null)).isEmpty();
    }

    /**
     * Concurrent saves of one day keep the latest taken: {@value #THREADS} threads save, each in
     * its own order, snapshots of the same day taken at different instants.
     */
    @Test
    void concurrentSavesOfOneDayKeepTheLatestTaken() throws Exception {
        List<TopReferrers> snapshots = new ArrayList<>();
        for (int minute = 0; minute < 24; minute++) {
            snapshots.add(referrers(String.format("2024-03-10T12:%02d:00Z", minute), "site-" + minute + ".example"));
        }
        TopReferrers latest = snapshots.get(snapshots.size() - 1);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> saves = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                List<TopReferrers> order = new ArrayList<>(snapshots);
                Collections.shuffle(order, new Random(t));
                saves.add(pool.submit(() -> {
                    start.await();
                    order.forEach(snapshot -> store.save(rocket, snapshot));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> save : saves) {
                save.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.topReferrers(rocket, DAY)).contains(latest);
    }

    /** How many threads {@link #concurrentSavesOfOneDayKeepTheLatestTaken} saves from. */
    protected static final int THREADS = 8;

    private static TopReferrers referrers(String takenAt, String... sites) {
        List<Referrer> referrers = new ArrayList<>();
        for (int i = 0; i < sites.length; i++) {
            referrers.add(new Referrer(sites[i], 100 - i, 50 - i));
        }
        return new TopReferrers(Instant.parse(takenAt), referrers);
    }

    private static TopPaths paths(String takenAt, String... paths) {
        List<PopularPath> popular = new ArrayList<>();
        for (int i = 0; i < paths.length; i++) {
            popular.add(new PopularPath(paths[i], "Title of " + paths[i], 100 - i, 50 - i));
        }
        return new TopPaths(Instant.parse(takenAt), popular);
    }

    private static void rejected(ThrowingCallable call, String argument) {
        assertThatThrownBy(call).isInstanceOf(NullPointerException.class).hasMessageContaining(argument);
    }
}
