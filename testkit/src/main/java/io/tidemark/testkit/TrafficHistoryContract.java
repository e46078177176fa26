package io.tidemark.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.Observations;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficBucket;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.model.WindowTotals;
import io.tidemark.core.port.out.TrafficHistory;
import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.core.testing.KeptHistoryOracle;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of {@link TrafficHistory}, as its Javadoc states it. Extend it in the tests of a
 * store adapter and implement {@link #emptyStore()}; every test then runs against that store.
 *
 * <p>Expected histories come from {@link KeptHistoryOracle}, which computes what must be kept from
 * the raw answers by restating {@code docs/merge-rules.md}; never from the store under test, nor
 * from core's merge code ({@link KeptBucket#mergedWith}). The store receives what core makes of
 * each answer ({@link TrafficWindow#observations()}), as in production.
 *
 * <p>The history role needs the registry to know repositories, so the factory returns a whole
 * {@link TrafficStore}. The order tests are seeded and repeatable; the kit's own tests run the
 * same check ({@link #assertMergeOrderNeverMatters}) under jqwik on the reference store.
 */
public abstract class TrafficHistoryContract {

    /** A moment before every answer of these tests: when their repositories are tracked. */
    protected static final Instant TRACKED_AT = Instant.parse("2024-01-01T00:00:00Z");

    /** The store under test. */
    protected TrafficStore store;

    /**
     * A store that knows no repository and keeps nothing, for one test. Called before each test;
     * a store over a database empties it here.
     */
    protected abstract TrafficStore emptyStore();

    @BeforeEach
    void openEmptyStore() {
        store = emptyStore();
    }

    // ---- the merge rule --------------------------------------------------------------------

    /**
     * Merge order never matters: the same answers, merged into one repository in their fetch
     * order and into another shuffled with repeats, keep identical series and window totals, and
     * the series are what the oracle computes (every kind and granularity).
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void mergeOrderNeverMatters(long seed) {
        assertMergeOrderNeverMatters(store, seed);
    }

    /**
     * The check of {@link #mergeOrderNeverMatters}, for one seed, on a given store: usable from a
     * property-based test (jqwik) that picks the seeds.
     */
    public static void assertMergeOrderNeverMatters(TrafficStore store, long seed) {
        Random random = new Random(seed);
        RepositoryId inOrder = RepositoryId.of("order", "in-order-" + seed);
        RepositoryId shuffled = RepositoryId.of("order", "shuffled-" + seed);
        store.track(inOrder, TRACKED_AT);
        store.track(shuffled, TRACKED_AT);
        List<TrafficWindow> answers = Answers.random(random, 4 + random.nextInt(10));
        answers.forEach(answer -> store.merge(inOrder, answer.observations()));
        List<TrafficWindow> order = new ArrayList<>(answers);
        order.addAll(answers.subList(0, random.nextInt(answers.size() + 1)));
        Collections.shuffle(order, random);
        order.forEach(answer -> store.merge(shuffled, answer.observations()));

        for (TrafficKind kind : TrafficKind.values()) {
            for (Granularity granularity : Granularity.values()) {
                List<KeptBucket> expected = KeptHistoryOracle.keptHistory(answers, kind, granularity);
                assertThat(series(store, inOrder, kind, granularity))
                        .as("%s %s merged in fetch order", kind, granularity).isEqualTo(expected);
                assertThat(series(store, shuffled, kind, granularity))
                        .as("%s %s merged shuffled, with repeats", kind, granularity).isEqualTo(expected);
                assertThat(totals(store, shuffled, kind, granularity))
                        .as("%s %s window totals", kind, granularity)
                        .isEqualTo(totals(store, inOrder, kind, granularity))
                        .isEqualTo(Answers.expectedTotals(answers, kind, granularity));
            }
        }
    }

    /**
     * A kept figure is never lowered: each field keeps its own maximum (a later smaller count
     * with larger uniques raises only the uniques), and a complete bucket stays complete after a
     * partial observation.
     */
    @Test
    void aLaterSmallerFigureNeverLowersAKeptOne() {
        RepositoryId repository = tracked("acme", "rocket");
        TrafficWindow whole = Answers.views("2024-03-15T10:42:00Z", Answers.bucket("2024-03-05", 9, 5));
        TrafficWindow laterSmaller = Answers.views("2024-03-15T11:42:00Z", Answers.bucket("2024-03-05", 8, 7));
        TrafficWindow partOnly = Answers.views("2024-03-19T10:00:00Z", Answers.bucket("2024-03-05", 1, 1));

        store.merge(repository, whole.observations());
        store.merge(repository, laterSmaller.observations());
        store.merge(repository, partOnly.observations());

        List<KeptBucket> kept = series(store, repository, TrafficKind.VIEWS, Granularity.DAY);
        assertThat(kept).isEqualTo(KeptHistoryOracle.keptHistory(
                List.of(whole, laterSmaller, partOnly), TrafficKind.VIEWS, Granularity.DAY));
        assertThat(kept).filteredOn(bucket -> bucket.start().equals(LocalDate.parse("2024-03-05")))
                .singleElement()
                .isEqualTo(new KeptBucket(LocalDate.parse("2024-03-05"), 9, 7, true));
    }

    /**
     * Gaps stay gaps: a bucket no observation covered is absent from reads, a covered bucket
     * without traffic is present with count 0, and a gap between two answers more than 14 days
     * apart is not filled with zeros.
     */
    @Test
    void gapsStayGapsAndCoveredZerosArePresent() {
        RepositoryId repository = tracked("acme", "gaps");
        LocalDate first = LocalDate.parse("2024-04-01");
        store.merge(repository, new Observations(TrafficKind.CLONES, Granularity.DAY,
                Instant.parse("2024-04-10T00:00:00Z"),
                List.of(new KeptBucket(first, 0, 0, true), new KeptBucket(first.plusDays(2), 5, 2, true)), null));

        assertThat(series(store, repository, TrafficKind.CLONES, Granularity.DAY)).containsExactly(
                new KeptBucket(first, 0, 0, true), new KeptBucket(first.plusDays(2), 5, 2, true));

        TrafficWindow march = Answers.views("2024-03-15T10:42:00Z", Answers.bucket("2024-03-05", 7, 3));
        TrafficWindow may = Answers.views("2024-05-20T08:00:00Z", Answers.bucket("2024-05-10", 2, 1));
        store.merge(repository, may.observations());
        store.merge(repository, march.observations());

        List<KeptBucket> kept = series(store, repository, TrafficKind.VIEWS, Granularity.DAY);
        assertThat(kept).isEqualTo(KeptHistoryOracle.keptHistory(List.of(march, may), TrafficKind.VIEWS, Granularity.DAY));
        assertThat(kept).extracting(KeptBucket::start)
                .contains(LocalDate.parse("2024-03-15"), LocalDate.parse("2024-05-06"))
                .noneMatch(day -> day.isAfter(LocalDate.parse("2024-03-15")) && day.isBefore(LocalDate.parse("2024-05-06")));
        assertThat(kept).filteredOn(bucket -> bucket.start().equals(LocalDate.parse("2024-03-06")))
                .singleElement().isEqualTo(new KeptBucket(LocalDate.parse("2024-03-06"), 0, 0, true));
    }

    /** Merging is idempotent: the same observations merged again change no series and no totals. */
    @Test
    void mergingTheSameObservationsAgainChangesNothing() {
        RepositoryId repository = tracked("acme", "again");
        List<TrafficWindow> answers = Answers.random(new Random(42), 8);
        answers.forEach(answer -> store.merge(repository, answer.observations()));
        Map<String, Object> once = snapshot(repository);

        answers.forEach(answer -> store.merge(repository, answer.observations()));
        store.mergeAll(Map.of(repository, answers.stream().map(TrafficWindow::observations).toList()));

        assertThat(snapshot(repository)).isEqualTo(once);
    }

    /**
     * The bulk merge keeps what one merge per observation keeps and what the oracle computes,
     * for several repositories at once, whatever the slicing of the calls, the order and the
     * repeats inside them.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void mergeAllEqualsOneMergePerObservation(long seed) {
        Random random = new Random(seed);
        Map<RepositoryId, List<TrafficWindow>> answers = new LinkedHashMap<>();
        Map<RepositoryId, RepositoryId> singly = new LinkedHashMap<>();
        for (int r = 0; r < 3; r++) {
            RepositoryId bulk = tracked("bulk", "repo-" + r);
            RepositoryId single = tracked("single", "repo-" + r);
            List<TrafficWindow> ofOne = Answers.random(random, 2 + random.nextInt(8));
            answers.put(bulk, ofOne);
            singly.put(bulk, single);
            ofOne.forEach(answer -> store.merge(single, answer.observations()));
        }
        List<Map<RepositoryId, List<Observations>>> calls = List.of(new LinkedHashMap<>(), new LinkedHashMap<>());
        answers.forEach((repository, ofOne) -> {
            List<TrafficWindow> order = new ArrayList<>(ofOne);
            order.addAll(ofOne.subList(0, random.nextInt(ofOne.size() + 1)));
            Collections.shuffle(order, random);
            for (TrafficWindow answer : order) {
                calls.get(random.nextInt(calls.size()))
                        .computeIfAbsent(repository, key -> new ArrayList<>()).add(answer.observations());
            }
        });
        calls.forEach(store::mergeAll);

        answers.forEach((repository, ofOne) -> {
            for (TrafficKind kind : TrafficKind.values()) {
                for (Granularity granularity : Granularity.values()) {
                    assertThat(series(store, repository, kind, granularity))
                            .as("%s %s %s", repository, kind, granularity)
                            .isEqualTo(KeptHistoryOracle.keptHistory(ofOne, kind, granularity))
                            .isEqualTo(series(store, singly.get(repository), kind, granularity));
                    assertThat(totals(store, repository, kind, granularity))
                            .isEqualTo(totals(store, singly.get(repository), kind, granularity));
                }
            }
        });
    }

    // ---- reads -----------------------------------------------------------------------------

    /**
     * {@code series} returns every requested known repository once, ordered by key, in the
     * casing first tracked (an empty list where nothing is kept), leaves unknown ones out, keeps
     * kinds and granularities apart, and reads only buckets whose start lies in the range, oldest
     * first. Repositories are matched ignoring case.
     */
    @Test
    void seriesReadsKnownRepositoriesByKeyAndOnlyTheRange() {
        RepositoryId zeta = tracked("Acme", "Zeta");
        RepositoryId alpha = tracked("acme", "alpha");
        TrafficWindow answer = Answers.views("2024-03-15T10:42:00Z", Answers.bucket("2024-03-05", 7, 3));
        store.merge(RepositoryId.of("ACME", "ZETA"), answer.observations());

        Map<RepositoryId, List<KeptBucket>> read = store.series(
                List.of(RepositoryId.of("acme", "zeta"), RepositoryId.of("acme", "ghost"), alpha, zeta),
                TrafficKind.VIEWS, Granularity.DAY, new DateRange(LocalDate.parse("2024-03-05"), LocalDate.parse("2024-03-07")));

        assertThat(read.keySet()).extracting(RepositoryId::nameWithOwner).containsExactly("acme/alpha", "Acme/Zeta");
        assertThat(read.get(alpha)).isEmpty();
        assertThat(read.get(zeta)).extracting(KeptBucket::start).containsExactly(
                LocalDate.parse("2024-03-05"), LocalDate.parse("2024-03-06"), LocalDate.parse("2024-03-07"));
        assertThat(read.get(zeta).get(0)).isEqualTo(new KeptBucket(LocalDate.parse("2024-03-05"), 7, 3, true));
        assertThat(series(store, zeta, TrafficKind.CLONES, Granularity.DAY)).isEmpty();
        assertThat(series(store, zeta, TrafficKind.VIEWS, Granularity.WEEK)).isEmpty();
        assertThat(store.series(List.of(), TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL)).isEmpty();
    }

    /**
     * Window totals are kept once per repository, kind, granularity and fetch (the same answer
     * again changes nothing; two differing totals of one fetch keep each figure's maximum), and
     * read by UTC fetch day within the range, oldest fetch first, keyed like {@code series}.
     */
    @Test
    void windowTotalsAreKeptOncePerFetchAndReadByFetchDay() {
        RepositoryId rocket = tracked("acme", "rocket");
        RepositoryId quiet = tracked("Acme", "Quiet");
        TrafficWindow second = Answers.window(TrafficKind.VIEWS, Granularity.DAY, "2024-03-11T15:20:00Z", 25, 9);
        TrafficWindow first = Answers.window(TrafficKind.VIEWS, Granularity.DAY, "2024-03-10T15:20:00Z", 20, 8);
        TrafficWindow firstAgainOtherFigures =
                Answers.window(TrafficKind.VIEWS, Granularity.DAY, "2024-03-10T15:20:00Z", 18, 11);
        TrafficWindow week = Answers.window(TrafficKind.VIEWS, Granularity.WEEK, "2024-03-10T15:20:00Z", 21, 7);

        store.merge(rocket, second.observations());
        store.merge(rocket, first.observations());
        store.merge(rocket, first.observations());
        store.merge(rocket, firstAgainOtherFigures.observations());
        store.merge(rocket, week.observations());
        store.merge(rocket, new Observations(TrafficKind.VIEWS, Granularity.DAY,
                Instant.parse("2024-03-12T15:20:00Z"), List.of(), null));

        Map<RepositoryId, List<WindowTotals>> days = store.windowTotals(
                List.of(RepositoryId.of("acme", "ghost"), quiet, RepositoryId.of("ACME", "ROCKET")),
                TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL);
        assertThat(days.keySet()).extracting(RepositoryId::nameWithOwner).containsExactly("Acme/Quiet", "acme/rocket");
        assertThat(days.get(quiet)).isEmpty();
        assertThat(days.get(rocket)).containsExactly(
                new WindowTotals(TrafficKind.VIEWS, Granularity.DAY, first.fetchedAt(), 20, 11),
                new WindowTotals(TrafficKind.VIEWS, Granularity.DAY, second.fetchedAt(), 25, 9));
        assertThat(totals(store, rocket, TrafficKind.VIEWS, Granularity.WEEK))
                .containsExactly(new WindowTotals(TrafficKind.VIEWS, Granularity.WEEK, week.fetchedAt(), 21, 7));
        assertThat(store.windowTotals(List.of(rocket), TrafficKind.VIEWS, Granularity.DAY,
                        new DateRange(LocalDate.parse("2024-03-11"), null)).get(rocket))
                .extracting(WindowTotals::fetchedAt).containsExactly(second.fetchedAt());
        assertThat(totals(store, rocket, TrafficKind.CLONES, Granularity.DAY)).isEmpty();
    }

    /** Instants are kept to the microsecond at least: the fetch instant of kept totals. */
    @Test
    void fetchInstantsAreKeptToTheMicrosecond() {
        RepositoryId repository = tracked("acme", "precise");
        TrafficWindow answer = Answers.window(TrafficKind.CLONES, Granularity.WEEK, "2024-03-10T15:20:01.123456Z", 3, 2);

        store.merge(repository, answer.observations());

        assertThat(totals(store, repository, TrafficKind.CLONES, Granularity.WEEK))
                .extracting(WindowTotals::fetchedAt).containsExactly(Instant.parse("2024-03-10T15:20:01.123456Z"));
    }

    // ---- rejected calls --------------------------------------------------------------------

    /**
     * An unknown repository throws {@link NoSuchElementException} before anything is written:
     * for {@code merge}, and for {@code mergeAll} even when the other repositories of the call
     * are known.
     */
    @Test
    void anUnknownRepositoryIsRejectedBeforeAnythingIsWritten() {
        RepositoryId rocket = tracked("acme", "rocket");
        RepositoryId ghost = RepositoryId.of("acme", "ghost");
        Observations observations = Answers.views("2024-03-10T15:20:00Z", Answers.bucket("2024-03-05", 2, 1)).observations();
        Map<RepositoryId, List<Observations>> both = new LinkedHashMap<>();
        both.put(rocket, List.of(observations));
        both.put(ghost, List.of(observations));

        assertThatThrownBy(() -> store.merge(ghost, observations)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> store.mergeAll(both)).isInstanceOf(NoSuchElementException.class);

        assertThat(series(store, rocket, TrafficKind.VIEWS, Granularity.DAY)).isEmpty();
        assertThat(totals(store, rocket, TrafficKind.VIEWS, Granularity.DAY)).isEmpty();
        assertThat(store.find(ghost)).isEmpty();
    }

    /**
     * A null argument, or a null element of a collection argument, throws {@link
     * NullPointerException} naming it, and nothing is written.
     */
    @Test
    void nullArgumentsThrowNullPointerExceptionNamingThemAndWriteNothing() {
        RepositoryId rocket = tracked("acme", "rocket");
        Observations observations = Answers.views("2024-03-10T15:20:00Z", Answers.bucket("2024-03-05", 2, 1)).observations();

        rejected(() -> store.merge(null, observations), "repository");
        rejected(() -> store.merge(rocket, null), "observations");
        rejected(() -> store.mergeAll(null), "observations");
        rejected(() -> store.mergeAll(Map.of(rocket, Arrays.asList(observations, null))), "observation");
        rejected(() -> store.series(null, TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL), "repositories");
        rejected(() -> store.series(Arrays.asList(rocket, null), TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL),
                "repositories");
        rejected(() -> store.series(List.of(rocket), null, Granularity.DAY, DateRange.ALL), "kind");
        rejected(() -> store.series(List.of(rocket), TrafficKind.VIEWS, null, DateRange.ALL), "granularity");
        rejected(() -> store.series(List.of(rocket), TrafficKind.VIEWS, Granularity.DAY, null), "range");
        rejected(() -> store.windowTotals(null, TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL), "repositories");
        rejected(() -> store.windowTotals(List.of(rocket), TrafficKind.VIEWS, Granularity.DAY, null), "range");

        assertThat(series(store, rocket, TrafficKind.VIEWS, Granularity.DAY)).isEmpty();
        assertThat(totals(store, rocket, TrafficKind.VIEWS, Granularity.DAY)).isEmpty();
    }

    // ---- concurrency -----------------------------------------------------------------------

    /**
     * Parallel merges of the same buckets lose nothing: {@value #THREADS} threads merge, each in
     * its own order, answers fetched at the same instant with different figures for the same 15
     * days (and one bulk merge each); every kept figure is the maximum of all, as the oracle
     * computes, and the totals of that fetch keep each figure's maximum.
     */
    @Test
    void parallelMergesOfTheSameBucketLoseNothing() throws Exception {
        RepositoryId contended = tracked("acme", "contended");
        Instant fetchedAt = Instant.parse("2024-03-15T10:42:00Z");
        Random random = new Random(7);
        List<TrafficWindow> answers = new ArrayList<>();
        for (int i = 0; i < THREADS * 3; i++) {
            List<TrafficBucket> buckets = new ArrayList<>();
            for (int day = 1; day <= 15; day++) {
                if (random.nextInt(4) > 0) {
                    int count = random.nextInt(1000);
                    buckets.add(new TrafficBucket(LocalDate.of(2024, 3, day), count, random.nextInt(Math.min(count, 99) + 1)));
                }
            }
            answers.add(new TrafficWindow(TrafficKind.VIEWS, Granularity.DAY, fetchedAt,
                    random.nextInt(5000), random.nextInt(500), buckets));
            // a bucket never has more uniques than views: GitHub's figures, and the model refuses others
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> merges = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                List<TrafficWindow> order = new ArrayList<>(answers);
                Collections.shuffle(order, new Random(t));
                int thread = t;
                merges.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < order.size(); i++) {
                        if (i % THREADS == thread) {
                            store.mergeAll(Map.of(contended, List.of(order.get(i).observations())));
                        } else {
                            store.merge(contended, order.get(i).observations());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> merge : merges) {
                merge.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(series(store, contended, TrafficKind.VIEWS, Granularity.DAY))
                .hasSize(15)
                .isEqualTo(KeptHistoryOracle.keptHistory(answers, TrafficKind.VIEWS, Granularity.DAY));
        assertThat(totals(store, contended, TrafficKind.VIEWS, Granularity.DAY)).containsExactly(new WindowTotals(
                TrafficKind.VIEWS, Granularity.DAY, fetchedAt,
                answers.stream().mapToInt(TrafficWindow::count).max().orElseThrow(),
                answers.stream().mapToInt(TrafficWindow::uniques).max().orElseThrow()));
    }

    /** How many threads {@link #parallelMergesOfTheSameBucketLoseNothing} merges from. */
    protected static final int THREADS = 8;

    // ---- helpers ---------------------------------------------------------------------------

    /** Tracks a repository in the store under test. */
    protected RepositoryId tracked(String owner, String name) {
        RepositoryId repository = RepositoryId.of(owner, name);
        store.track(repository, TRACKED_AT);
        return repository;
    }

    /** All the kept buckets of one repository, kind and granularity. */
    protected static List<KeptBucket> series(
            TrafficHistory store, RepositoryId repository, TrafficKind kind, Granularity granularity) {
        return store.series(List.of(repository), kind, granularity, DateRange.ALL).get(repository);
    }

    /** All the kept window totals of one repository, kind and granularity. */
    protected static List<WindowTotals> totals(
            TrafficHistory store, RepositoryId repository, TrafficKind kind, Granularity granularity) {
        return store.windowTotals(List.of(repository), kind, granularity, DateRange.ALL).get(repository);
    }

    /** Everything the history keeps of one repository, per kind and granularity. */
    private Map<String, Object> snapshot(RepositoryId repository) {
        Map<String, Object> all = new TreeMap<>();
        for (TrafficKind kind : TrafficKind.values()) {
            for (Granularity granularity : Granularity.values()) {
                all.put(kind + " " + granularity + " series", series(store, repository, kind, granularity));
                all.put(kind + " " + granularity + " totals", totals(store, repository, kind, granularity));
            }
        }
        return all;
    }

    private static void rejected(ThrowingCallable call, String argument) {
        assertThatThrownBy(call).isInstanceOf(NullPointerException.class).hasMessageContaining(argument);
    }
}
