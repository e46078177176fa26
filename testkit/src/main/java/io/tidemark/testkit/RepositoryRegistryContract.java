package io.tidemark.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.model.InvalidRepositoryIdException;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.RepositoryPage;
import io.tidemark.core.model.SyncStatus;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.port.out.RepositoryRegistry;
import io.tidemark.core.port.out.TrafficStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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
 * The contract of {@link RepositoryRegistry}, as its Javadoc states it: case rules, paging,
 * the order of {@code active()}, owners, sync status, deletion across roles, nulls and unknown
 * repositories. Extend it in the tests of a store adapter and implement {@link #emptyStore()}.
 * {@code deleteHistory} forgets what every role keeps, so the factory returns a whole {@link
 * TrafficStore}.
 */
public abstract class RepositoryRegistryContract {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    /** The store under test. */
    protected TrafficStore store;

    /** A store that knows no repository and no owner, for one test; called before each test. */
    protected abstract TrafficStore emptyStore();

    @BeforeEach
    void openEmptyStore() {
        store = emptyStore();
    }

    /**
     * Tracking is idempotent: tracking a known repository again, in any casing and at another
     * time, keeps its first casing, {@code trackedAt} and sync status, and makes it active.
     */
    @Test
    void trackingAgainInAnyCasingKeepsTheFirstCasingTimeAndStatus() {
        TrackedRepository first = store.track(RepositoryId.of("Acme", "Rocket"), T0);
        SyncStatus synced = new SyncStatus(T0.plusSeconds(60), T0.plusSeconds(60), null, T0.plusSeconds(3600));
        store.recordSync(RepositoryId.of("acme", "rocket"), synced);

        TrackedRepository again = store.track(RepositoryId.of("ACME", "ROCKET"), T0.plusSeconds(999));

        assertThat(first).isEqualTo(new TrackedRepository(RepositoryId.of("Acme", "Rocket"), T0, true, SyncStatus.NEVER));
        assertThat(first.id().nameWithOwner()).isEqualTo("Acme/Rocket");
        assertThat(again.id().nameWithOwner()).isEqualTo("Acme/Rocket");
        assertThat(again.trackedAt()).isEqualTo(T0);
        assertThat(again.sync()).isEqualTo(synced);
        assertThat(store.find(RepositoryId.of("acme", "ROCKET"))).contains(again);
        assertThat(store.list(null, null, 10).totalCount()).isEqualTo(1);
    }

    /**
     * Untracking keeps the repository (inactive, with its history) and answers whether it is
     * known, idempotently; tracking it again resumes it unchanged.
     */
    @Test
    void untrackKeepsTheRepositoryAndItsHistoryAndTrackResumesIt() {
        RepositoryId rocket = RepositoryId.of("acme", "rocket");
        store.track(rocket, T0);
        TrafficWindow answer = Answers.views("2024-03-15T10:42:00Z", Answers.bucket("2024-03-05", 7, 3));
        store.merge(rocket, answer.observations());

        assertThat(store.untrack(RepositoryId.of("ACME", "rocket"))).isTrue();
        assertThat(store.untrack(rocket)).isTrue();
        assertThat(store.untrack(RepositoryId.of("acme", "ghost"))).isFalse();

        assertThat(store.find(rocket)).map(TrackedRepository::active).contains(false);
        assertThat(store.active()).isEmpty();
        assertThat(store.list(null, null, 10).repositories()).extracting(r -> r.id().nameWithOwner())
                .containsExactly("acme/rocket");
        assertThat(TrafficHistoryContract.series(store, rocket, TrafficKind.VIEWS, Granularity.DAY)).hasSize(15);

        TrackedRepository resumed = store.track(rocket, T0.plusSeconds(5));
        assertThat(resumed).isEqualTo(new TrackedRepository(rocket, T0, true, SyncStatus.NEVER));
        assertThat(store.active()).containsExactly(resumed);
        assertThat(store.find(RepositoryId.of("acme", "ghost"))).isEmpty();
    }

    /**
     * Paging visits every known repository (active or not) once, ordered by lower-case key
     * byte-wise, whatever their casing: each page starts after the key of the last one, holds at
     * most {@code limit}, says whether more follow, and counts all that match.
     */
    @Test
    void pagesListEveryRepositoryOnceInKeyOrderIgnoringCase() {
        List<String> names = List.of("acme/Zeta", "acme/alpha", "Acme/beta", "acme/Beta-2", "acme/b.c", "acme/b_c",
                "bolt/x", "Bolt/Y", "acme/a-1", "acme/A_1", "zed/zz", "acme/gamma");
        names.forEach(name -> store.track(RepositoryId.parse(name), T0));
        store.untrack(RepositoryId.parse("acme/gamma"));
        List<String> expected = names.stream().map(name -> name.toLowerCase(Locale.ROOT)).sorted().toList();

        List<String> visited = new ArrayList<>();
        String after = null;
        RepositoryPage page;
        do {
            page = store.list(null, after, 5);
            assertThat(page.totalCount()).isEqualTo(names.size());
            assertThat(page.repositories()).hasSizeLessThanOrEqualTo(5);
            page.repositories().forEach(r -> visited.add(r.id().key()));
            after = page.repositories().isEmpty() ? after : page.repositories().get(page.repositories().size() - 1).id().key();
            assertThat(page.hasNextPage()).isEqualTo(visited.size() < names.size());
        } while (page.hasNextPage());

        assertThat(visited).containsExactlyElementsOf(expected);
        assertThat(store.list(null, null, 100).repositories()).extracting(r -> r.id().nameWithOwner())
                .containsExactlyElementsOf(expected.stream()
                        .map(key -> names.stream().filter(n -> n.equalsIgnoreCase(key)).findFirst().orElseThrow())
                        .toList());
        RepositoryPage last = store.list(null, "zed/zz", 5);
        assertThat(last.repositories()).isEmpty();
        assertThat(last.hasNextPage()).isFalse();
        assertThat(last.totalCount()).isEqualTo(names.size());
    }

    /**
     * The owner filter matches ignoring case and {@code totalCount} counts only its
     * repositories; {@code afterKey} is compared ignoring case and need not be a known key.
     */
    @Test
    void theOwnerFilterAndTheAfterKeyIgnoreCase() {
        for (String name : List.of("acme/a", "ACME/b", "acme/C", "acme/d", "acmes/a", "acm/z")) {
            store.track(RepositoryId.parse(name), T0);
        }

        RepositoryPage page = store.list("AcMe", "ACME/A", 2);
        assertThat(page.repositories()).extracting(r -> r.id().nameWithOwner()).containsExactly("ACME/b", "acme/C");
        assertThat(page.hasNextPage()).isTrue();
        assertThat(page.totalCount()).isEqualTo(4);

        assertThat(store.list("acme", "acme/bb", 10).repositories()).extracting(r -> r.id().name())
                .containsExactly("C", "d");
        assertThat(store.list("nobody", null, 10)).isEqualTo(new RepositoryPage(List.of(), false, 0));
        assertThat(store.list("acme", "acme/d", 10)).isEqualTo(new RepositoryPage(List.of(), false, 4));
    }

    /** A {@code limit} below 1 is an {@link InvalidInputException} of field {@code limit}. */
    @Test
    void aLimitBelowOneIsInvalidInput() {
        for (int limit : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> store.list(null, null, limit))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        }
    }

    /**
     * {@code active()} lists active repositories only: never due ({@code nextDueAt} null) first,
     * then by {@code nextDueAt} ascending, ties broken by key ascending whatever the casing.
     */
    @Test
    void activeListsTheNeverDueFirstThenByDueTimeThenByKey() {
        for (String name : List.of("d", "B", "a", "C", "e", "f")) {
            store.track(RepositoryId.of("acme", name), T0);
        }
        Instant due = Instant.parse("2024-03-01T00:00:00Z");
        store.recordSync(RepositoryId.of("acme", "a"), new SyncStatus(due, due, null, due.plusSeconds(60)));
        store.recordSync(RepositoryId.of("acme", "d"), new SyncStatus(due, due, null, due));
        store.recordSync(RepositoryId.of("acme", "c"), new SyncStatus(due, due, "failed", due));
        store.recordSync(RepositoryId.of("acme", "f"), new SyncStatus(due, due, null, due.minusSeconds(1)));
        store.untrack(RepositoryId.of("acme", "e"));

        assertThat(store.active()).extracting(r -> r.id().name()).containsExactly("B", "f", "C", "d", "a");
        assertThat(store.active()).isEqualTo(store.active());
    }

    /**
     * Owners are remembered once, in the casing first given, listed by lower-case owner; an
     * owner breaking GitHub's naming rules is an {@link InvalidRepositoryIdException} and is
     * not remembered.
     */
    @Test
    void ownersAreRememberedOnceInTheirFirstCasing() {
        store.trackOwner("zeta", T0);
        store.trackOwner("Acme", T0);
        store.trackOwner("ACME", T0.plusSeconds(1));
        store.trackOwner("beta-org", T0);

        assertThatThrownBy(() -> store.trackOwner("-bad-", T0)).isInstanceOf(InvalidRepositoryIdException.class);
        assertThat(store.trackedOwners()).containsExactly("Acme", "beta-org", "zeta");
    }

    /**
     * {@code recordSync} replaces the whole status of a known repository (last write wins, a
     * null field too), keeps instants to the microsecond, and throws {@link
     * NoSuchElementException} for an unknown one without creating it.
     */
    @Test
    void recordSyncReplacesTheStatusOfAKnownRepositoryOnly() {
        RepositoryId rocket = RepositoryId.of("acme", "rocket");
        store.track(rocket, Instant.parse("2024-01-01T00:00:00.123456Z"));
        Instant at = Instant.parse("2024-03-01T10:00:00.654321Z");
        store.recordSync(rocket, new SyncStatus(at, at, null, at.plusSeconds(3600)));
        SyncStatus failed = new SyncStatus(null, at.plusSeconds(60), "the source failed to answer", null);

        store.recordSync(RepositoryId.of("ACME", "ROCKET"), failed);

        assertThat(store.find(rocket)).map(TrackedRepository::sync).contains(failed);
        assertThat(store.find(rocket)).map(TrackedRepository::trackedAt)
                .contains(Instant.parse("2024-01-01T00:00:00.123456Z"));
        assertThatThrownBy(() -> store.recordSync(RepositoryId.of("acme", "ghost"), failed))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(store.find(RepositoryId.of("acme", "ghost"))).isEmpty();
    }

    /**
     * {@code deleteHistory} forgets the registration and everything every role keeps (buckets,
     * window totals, snapshots), answers whether the repository was known, and tracking it again
     * starts from nothing.
     */
    @Test
    void deleteHistoryForgetsEverythingOfTheRepositoryOnly() {
        RepositoryId rocket = RepositoryId.of("acme", "rocket");
        RepositoryId other = RepositoryId.of("acme", "other");
        store.track(rocket, T0);
        store.track(other, T0);
        TrafficWindow answer = Answers.views("2024-03-15T10:42:00Z", Answers.bucket("2024-03-05", 7, 3));
        TopReferrers referrers = new TopReferrers(Instant.parse("2024-03-15T10:42:00Z"), List.of(new Referrer("google.com", 3, 2)));
        for (RepositoryId repository : List.of(rocket, other)) {
            store.merge(repository, answer.observations());
            store.save(repository, referrers);
        }

        assertThat(store.deleteHistory(RepositoryId.of("Acme", "Rocket"))).isTrue();
        assertThat(store.deleteHistory(rocket)).isFalse();

        assertThat(store.find(rocket)).isEmpty();
        assertThat(store.series(List.of(rocket), TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL)).isEmpty();
        store.track(rocket, T0.plusSeconds(10));
        assertThat(store.find(rocket)).contains(new TrackedRepository(rocket, T0.plusSeconds(10), true, SyncStatus.NEVER));
        assertThat(TrafficHistoryContract.series(store, rocket, TrafficKind.VIEWS, Granularity.DAY)).isEmpty();
        assertThat(TrafficHistoryContract.totals(store, rocket, TrafficKind.VIEWS, Granularity.DAY)).isEmpty();
        assertThat(store.topReferrers(rocket, null)).isEmpty();

        assertThat(TrafficHistoryContract.series(store, other, TrafficKind.VIEWS, Granularity.DAY)).hasSize(15);
        assertThat(store.topReferrers(other, null)).contains(referrers);
    }

    /** A null argument throws {@link NullPointerException} naming it, and nothing is written. */
    @Test
    void nullArgumentsThrowNullPointerExceptionNamingThem() {
        RepositoryId rocket = RepositoryId.of("acme", "rocket");
        store.track(rocket, T0);

        rejected(() -> store.track(null, T0), "repository");
        rejected(() -> store.track(RepositoryId.of("acme", "new"), null), "at");
        rejected(() -> store.untrack(null), "repository");
        rejected(() -> store.find(null), "repository");
        rejected(() -> store.trackOwner(null, T0), "owner");
        rejected(() -> store.trackOwner("acme", null), "at");
        rejected(() -> store.recordSync(null, SyncStatus.NEVER), "repository");
        rejected(() -> store.recordSync(rocket, null), "status");
        rejected(() -> store.deleteHistory(null), "repository");

        assertThat(store.find(RepositoryId.of("acme", "new"))).isEmpty();
        assertThat(store.trackedOwners()).isEmpty();
        assertThat(store.find(rocket)).contains(new TrackedRepository(rocket, T0, true, SyncStatus.NEVER));
    }

    /**
     * Tracking is safe from several threads: {@value #THREADS} threads tracking the same
     * repositories in different casings at once leave each known once, in one of the casings
     * given, and each tracked owner once.
     */
    @Test
    void concurrentTracksOfTheSameRepositoryKeepOne() throws Exception {
        List<String> casings = List.of("acme/rocket", "ACME/ROCKET", "Acme/Rocket", "acme/Rocket");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> tracks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                List<String> order = new ArrayList<>(casings);
                Collections.shuffle(order, new Random(t));
                int thread = t;
                tracks.add(pool.submit(() -> {
                    start.await();
                    for (String name : order) {
                        store.track(RepositoryId.parse(name), T0.plusSeconds(thread));
                        store.track(RepositoryId.parse(name.replace("ocket", "ocket-" + thread % 2)), T0);
                        store.trackOwner(name.substring(0, 4), T0);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> track : tracks) {
                track.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        RepositoryPage all = store.list(null, null, 10);
        assertThat(all.repositories()).extracting(r -> r.id().key())
                .containsExactly("acme/rocket", "acme/rocket-0", "acme/rocket-1");
        assertThat(all.repositories()).allSatisfy(r -> assertThat(r.active()).isTrue());
        assertThat(casings).contains(all.repositories().get(0).id().nameWithOwner());
        assertThat(store.trackedOwners()).hasSize(1).allMatch(owner -> owner.equalsIgnoreCase("acme"));
    }

    /** How many threads {@link #concurrentTracksOfTheSameRepositoryKeepOne} tracks from. */
    protected static final int THREADS = 8;

    private static void rejected(ThrowingCallable call, String argument) {
        assertThatThrownBy(call).isInstanceOf(NullPointerException.class).hasMessageContaining(argument);
    }
}
