package io.tidemark.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.Observations;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncStatus;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficBucket;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.model.WindowTotals;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The port's stated edges, on the reference store. */
class InMemoryTrafficStoreTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final RepositoryId ROCKET = RepositoryId.of("acme", "rocket");

    private final InMemoryTrafficStore store = new InMemoryTrafficStore();

    /**
     * The bulk merge keeps what one merge per answer keeps and what the oracle computes, whatever
     * the order, the repeats and the slicing of the calls, for several repositories at once.
     */
    @Property(tries = 40)
    void mergeAllKeepsWhatTheOracleComputesInAnyOrderAndSlicing(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int repositories,
            @ForAll @IntRange(min = 1, max = 4) int slices) {
        Random random = new Random(seed);
        InMemoryTrafficStore bulk = new InMemoryTrafficStore();
        InMemoryTrafficStore oneByOne = new InMemoryTrafficStore();
        Map<RepositoryId, List<TrafficWindow>> answers = new LinkedHashMap<>();
        for (int r = 0; r < repositories; r++) {
            RepositoryId repository = RepositoryId.of("octo", "repo-" + r);
            bulk.track(repository, T0);
            oneByOne.track(repository, T0);
            answers.put(repository, randomAnswers(random, 1 + random.nextInt(12)));
            answers.get(repository).forEach(answer -> oneByOne.merge(repository, answer.observations()));
        }
        List<Map<RepositoryId, List<Observations>>> calls = new ArrayList<>();
        for (int s = 0; s < slices; s++) {
            calls.add(new LinkedHashMap<>());
        }
        answers.forEach((repository, ofOne) -> {
            List<TrafficWindow> order = new ArrayList<>(ofOne);
            order.addAll(ofOne.subList(0, random.nextInt(ofOne.size() + 1)));
            Collections.shuffle(order, random);
            for (TrafficWindow answer : order) {
                calls.get(random.nextInt(slices))
                        .computeIfAbsent(repository, key -> new ArrayList<>())
                        .add(answer.observations());
            }
        });
        Collections.shuffle(calls, random);
        calls.forEach(bulk::mergeAll);

        for (TrafficKind kind : TrafficKind.values()) {
            for (Granularity granularity : Granularity.values()) {
                Map<RepositoryId, List<KeptBucket>> kept =
                        bulk.series(answers.keySet(), kind, granularity, DateRange.ALL);
                assertThat(kept).isEqualTo(oneByOne.series(answers.keySet(), kind, granularity, DateRange.ALL));
                assertThat(bulk.windowTotals(answers.keySet(), kind, granularity, DateRange.ALL))
                        .isEqualTo(oneByOne.windowTotals(answers.keySet(), kind, granularity, DateRange.ALL));
                answers.forEach((repository, ofOne) -> assertThat(kept.get(repository))
                        .as("%s %s %s", repository, kind, granularity)
                        .isEqualTo(KeptHistoryOracle.keptHistory(ofOne, kind, granularity)));
            }
        }
    }

    private static List<TrafficWindow> randomAnswers(Random random, int howMany) {
        VisitorEvents truth = VisitorEvents.random(random, LocalDate.of(2024, 1, 1), 80, 30);
        List<TrafficWindow> answers = new ArrayList<>();
        Instant at = Instant.parse("2024-01-15T00:00:00Z");
        for (int i = 0; i < howMany; i++) {
            at = at.plus(Duration.ofMinutes(random.nextInt(10 * 24 * 60))).truncatedTo(ChronoUnit.SECONDS);
            answers.add(truth.answerAt(
                    TrafficKind.values()[random.nextInt(2)], Granularity.values()[random.nextInt(2)], at));
        }
        return answers;
    }

    @Test
    void windowTotalsAreKeptOncePerFetchAndReadByFetchDayOldestFirst() {
        store.track(ROCKET, T0);
        RepositoryId quiet = RepositoryId.of("Acme", "Quiet");
        store.track(quiet, T0);
        TrafficWindow second = answer(Granularity.DAY, "2024-03-11T15:20:00Z", 25, 9);
        TrafficWindow first = answer(Granularity.DAY, "2024-03-10T15:20:00Z", 20, 8);
        TrafficWindow week = answer(Granularity.WEEK, "2024-03-10T15:20:00Z", 21, 7);

        store.merge(ROCKET, second.observations());
        store.merge(ROCKET, first.observations());
        store.merge(ROCKET, first.observations());
        store.merge(ROCKET, week.observations());
        store.merge(ROCKET, new Observations(TrafficKind.VIEWS, Granularity.DAY,
                Instant.parse("2024-03-12T15:20:00Z"), List.of(), null));

        Map<RepositoryId, List<WindowTotals>> days = store.windowTotals(
                List.of(RepositoryId.of("acme", "ghost"), quiet, RepositoryId.of("ACME", "ROCKET")),
                TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL);
        assertThat(days.keySet()).extracting(RepositoryId::nameWithOwner).containsExactly("Acme/Quiet", "acme/rocket");
        assertThat(days.get(quiet)).isEmpty();
        assertThat(days.get(ROCKET)).containsExactly(first.totals(), second.totals());
        assertThat(store.windowTotals(List.of(ROCKET), TrafficKind.VIEWS, Granularity.WEEK, DateRange.ALL).get(ROCKET))
                .containsExactly(week.totals());
        assertThat(store.windowTotals(List.of(ROCKET), TrafficKind.VIEWS, Granularity.DAY,
                        new DateRange(LocalDate.parse("2024-03-11"), null)).get(ROCKET))
                .containsExactly(second.totals());
        assertThat(store.windowTotals(List.of(ROCKET), TrafficKind.CLONES, Granularity.DAY, DateRange.ALL).get(ROCKET))
                .isEmpty();
    }

    private static TrafficWindow answer(Granularity granularity, String fetchedAt, int count, int uniques) {
        LocalDate day = LocalDate.parse(fetchedAt.substring(0, 10)).minusDays(3);
        return new TrafficWindow(TrafficKind.VIEWS, granularity, Instant.parse(fetchedAt), count, uniques,
                List.of(new TrafficBucket(granularity.bucketStart(day), count, uniques)));
    }

    @Test
    void activeListsTheNeverDueFirstThenByDueTimeThenByKey() {
        for (String name : List.of("d", "B", "a", "C", "e")) {
            store.track(RepositoryId.of("acme", name), T0);
        }
        Instant due = Instant.parse("2024-03-01T00:00:00Z");
        store.recordSync(RepositoryId.of("acme", "a"), new SyncStatus(due, due, null, due.plusSeconds(60)));
        store.recordSync(RepositoryId.of("acme", "d"), new SyncStatus(due, due, null, due));
        store.recordSync(RepositoryId.of("acme", "c"), new SyncStatus(due, due, null, due));
        store.untrack(RepositoryId.of("acme", "e"));

        assertThat(store.active()).extracting(r -> r.id().name()).containsExactly("B", "C", "d", "a");
    }

    @Test
    void ownersAreKeptInTheirFirstCasingOrderedIgnoringCase() {
        store.trackOwner("zeta", T0);
        store.trackOwner("Acme", T0);
        store.trackOwner("ACME", T0.plusSeconds(1));
        store.trackOwner("beta", T0);

        assertThat(store.trackedOwners()).containsExactly("Acme", "beta", "zeta");
    }

    @Test
    void listComparesTheAfterKeyIgnoringCase() {
        for (String name : List.of("a", "b", "c")) {
            store.track(RepositoryId.of("acme", name), T0);
        }

        assertThat(store.list("ACME", "ACME/A", 5).repositories()).extracting(r -> r.id().name())
                .containsExactly("b", "c");
    }

    @Test
    void nullArgumentsThrowNullPointerExceptionNamingThemAndWriteNothing() {
        store.track(ROCKET, T0);
        Observations observations = answer(Granularity.DAY, "2024-03-10T15:20:00Z", 2, 1).observations();

        rejected(() -> store.track(null, T0), "repository");
        rejected(() -> store.track(RepositoryId.of("acme", "new"), null), "at");
        rejected(() -> store.trackOwner(null, T0), "owner");
        rejected(() -> store.trackOwner("acme", null), "at");
        rejected(() -> store.merge(ROCKET, null), "observations");
        rejected(() -> store.mergeAll(null), "observations");
        rejected(() -> store.mergeAll(Map.of(ROCKET, Arrays.asList(observations, null))), "an observation of acme/rocket");
        rejected(() -> store.series(Arrays.asList(ROCKET, null), TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL),
                "repositories[1]");
        rejected(() -> store.windowTotals(List.of(ROCKET), TrafficKind.VIEWS, Granularity.DAY, null), "range");
        rejected(() -> store.save(ROCKET, (TopReferrers) null), "snapshot");
        rejected(() -> store.recordSync(ROCKET, null), "status");

        assertThat(store.find(RepositoryId.of("acme", "new"))).isEmpty();
        assertThat(store.trackedOwners()).isEmpty();
        assertThat(store.series(List.of(ROCKET), TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL).get(ROCKET)).isEmpty();
    }

    @Test
    void anUnknownRepositoryInABulkMergeIsRejectedBeforeAnythingIsWritten() {
        store.track(ROCKET, T0);
        Observations observations = answer(Granularity.DAY, "2024-03-10T15:20:00Z", 2, 1).observations();
        Map<RepositoryId, List<Observations>> both = new LinkedHashMap<>();
        both.put(ROCKET, List.of(observations));
        both.put(RepositoryId.of("acme", "ghost"), List.of(observations));

        assertThatThrownBy(() -> store.mergeAll(both))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("acme/ghost");
        assertThatThrownBy(() -> store.merge(RepositoryId.of("acme", "ghost"), observations))
                .isInstanceOf(NoSuchElementException.class);

        assertThat(store.series(List.of(ROCKET), TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL).get(ROCKET)).isEmpty();
        assertThat(store.windowTotals(List.of(ROCKET), TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL).get(ROCKET))
                .isEmpty();
        assertThat(store.find(ROCKET).map(TrackedRepository::active)).contains(true);
    }

    private static void rejected(ThrowingCallable call, String argument) {
        assertThatThrownBy(call).isInstanceOf(NullPointerException.class).hasMessageContaining(argument);
    }
}
