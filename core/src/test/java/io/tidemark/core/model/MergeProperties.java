package io.tidemark.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.testing.InMemoryTrafficStore;
import io.tidemark.core.testing.VisitorEvents;
import io.tidemark.core.testing.VisitorEvents.Figures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The merge rules as properties: GitHub's windows slide over a ground truth of visits, fetched at
 * random moments with gaps and duplicates, and are merged in a random order. The kept history must
 * be the ground truth wherever GitHub showed a whole bucket, the largest part shown elsewhere,
 * and absent where GitHub was never asked.
 */
class MergeProperties {

    private static final RepositoryId REPO = RepositoryId.of("octo", "hello");
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 90;

    /** A fetch schedule: moments in the ground truth's period, in order. */
    record Schedule(List<Instant> fetches) {}

    @Provide
    Arbitrary<Schedule> schedulesWithGapsUpTo13Days() {
        return schedules(1, 13 * 24);
    }

    @Provide
    Arbitrary<Schedule> anySchedules() {
        return schedules(1, 30 * 24);
    }

    private static Arbitrary<Schedule> schedules(int minGapHours, int maxGapHours) {
        Arbitrary<Integer> startMinute = Arbitraries.integers().between(14 * 24 * 60, 20 * 24 * 60);
        Arbitrary<List<Integer>> gapsMinutes = Arbitraries.integers()
                .between(minGapHours * 60, maxGapHours * 60)
                .list().ofMinSize(1).ofMaxSize(25);
        return Combinators.combine(startMinute, gapsMinutes).as((start, gaps) -> {
            Instant origin = Granularity.startOf(FIRST_DAY);
            Instant last = origin.plus(Duration.ofDays(DAYS + 10));
            List<Instant> fetches = new ArrayList<>();
            Instant at = origin.plus(Duration.ofMinutes(start));
            fetches.add(at);
            for (int gap : gaps) {
                at = at.plus(Duration.ofMinutes(gap));
                if (at.isAfter(last)) {
                    break;
                }
                fetches.add(at);
            }
            return new Schedule(fetches);
        });
    }

    @Property(tries = 150)
    void keptHistoryIsExactlyWhatGitHubShowed(
            @ForAll("anySchedules") Schedule schedule,
            @ForAll long trafficSeed,
            @ForAll Random shuffle,
            @ForAll @IntRange(min = 0, max = 5) int duplicates) {
        VisitorEvents truth = VisitorEvents.random(new Random(trafficSeed), FIRST_DAY, DAYS, 60);
        InMemoryTrafficStore store = mergeShuffled(truth, schedule, shuffle, duplicates);

        for (Granularity granularity : Granularity.values()) {
            Map<LocalDate, KeptBucket> expected = oracle(truth, granularity, schedule.fetches());
            assertThat(kept(store, granularity)).isEqualTo(expected);
        }
    }

    @Property(tries = 100)
    void withFetchesAtMost13DaysApartEveryDayBetweenIsCompleteAndEqualsTheTruth(
            @ForAll("schedulesWithGapsUpTo13Days") Schedule schedule,
            @ForAll long trafficSeed,
            @ForAll Random shuffle) {
        VisitorEvents truth = VisitorEvents.random(new Random(trafficSeed), FIRST_DAY, DAYS, 60);
        InMemoryTrafficStore store = mergeShuffled(truth, schedule, shuffle, 2);
        Map<LocalDate, KeptBucket> days = kept(store, Granularity.DAY);

        Instant first = schedule.fetches().get(0);
        Instant last = schedule.fetches().get(schedule.fetches().size() - 1);
        LocalDate from = LocalDate.ofInstant(VisitorEvents.windowStart(first), ZoneOffset.UTC).plusDays(1);
        LocalDate to = LocalDate.ofInstant(last, ZoneOffset.UTC).minusDays(1);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Figures whole = truth.truth(Granularity.DAY, day);
            assertThat(days.get(day))
                    .as("day %s", day)
                    .isEqualTo(new KeptBucket(day, whole.count(), whole.uniques(), true));
        }
    }

    @Property(tries = 100)
    void daysNoWindowCoveredStayUnknown(
            @ForAll("schedulesWithGapsUpTo13Days") Schedule before,
            @ForAll @IntRange(min = 16, max = 40) int gapDays,
            @ForAll long trafficSeed) {
        VisitorEvents truth = VisitorEvents.random(new Random(trafficSeed), FIRST_DAY, DAYS + 60, 60);
        Instant lastBefore = before.fetches().get(before.fetches().size() - 1);
        Instant afterGap = lastBefore.plus(Duration.ofDays(gapDays));
        List<Instant> fetches = new ArrayList<>(before.fetches());
        fetches.add(afterGap);
        InMemoryTrafficStore store = mergeShuffled(truth, new Schedule(fetches), new Random(trafficSeed), 0);
        Map<LocalDate, KeptBucket> days = kept(store, Granularity.DAY);

        LocalDate lastSeen = LocalDate.ofInstant(lastBefore.minusNanos(1), ZoneOffset.UTC);
        LocalDate nextSeen = LocalDate.ofInstant(VisitorEvents.windowStart(afterGap), ZoneOffset.UTC);
        assertThat(nextSeen).isAfter(lastSeen.plusDays(1));
        for (LocalDate day = lastSeen.plusDays(1); day.isBefore(nextSeen); day = day.plusDays(1)) {
            assertThat(days).as("unobserved day %s", day).doesNotContainKey(day);
        }
        assertThat(days).containsKeys(lastSeen, nextSeen);
    }

    @Property(tries = 200)
    void mergingIsCommutativeAssociativeAndIdempotent(
            @ForAll("observations") KeptBucket a,
            @ForAll("observations") KeptBucket b,
            @ForAll("observations") KeptBucket c) {
        assertThat(a.mergedWith(b)).isEqualTo(b.mergedWith(a));
        assertThat(a.mergedWith(b).mergedWith(c)).isEqualTo(a.mergedWith(b.mergedWith(c)));
        assertThat(a.mergedWith(a)).isEqualTo(a);
        assertThat(a.mergedWith(b).count()).isGreaterThanOrEqualTo(Math.max(a.count(), b.count()));
    }

    @Provide
    Arbitrary<KeptBucket> observations() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.of(true, false))
                .as((count, uniques, complete) -> new KeptBucket(FIRST_DAY, count, uniques, complete));
    }

    private static InMemoryTrafficStore mergeShuffled(
            VisitorEvents truth, Schedule schedule, Random shuffle, int duplicates) {
        List<TrafficWindow> windows = new ArrayList<>();
        for (Instant fetchedAt : schedule.fetches()) {
            for (Granularity granularity : Granularity.values()) {
                windows.add(truth.answerAt(TrafficKind.VIEWS, granularity, fetchedAt));
            }
        }
        for (int i = 0; i < duplicates; i++) {
            windows.add(windows.get(shuffle.nextInt(windows.size())));
        }
        Collections.shuffle(windows, shuffle);
        InMemoryTrafficStore store = new InMemoryTrafficStore();
        store.track(REPO, Instant.EPOCH);
        windows.forEach(window -> store.merge(REPO, window.observations()));
        return store;
    }

    private static Map<LocalDate, KeptBucket> kept(InMemoryTrafficStore store, Granularity granularity) {
        Map<LocalDate, KeptBucket> kept = new TreeMap<>();
        for (KeptBucket bucket : store.series(List.of(REPO), TrafficKind.VIEWS, granularity, DateRange.ALL).get(REPO)) {
            kept.put(bucket.start(), bucket);
        }
        return kept;
    }

    /**
     * What the history must be, computed by brute force from the visits: a bucket is kept when
     * some fetch's window touched it; it is complete when some window held all of it, and then
     * equals the truth; otherwise it is the largest part any window showed.
     */
    private static Map<LocalDate, KeptBucket> oracle(
            VisitorEvents truth, Granularity granularity, List<Instant> fetches) {
        Map<LocalDate, KeptBucket> expected = new TreeMap<>();
        LocalDate from = granularity.bucketStart(FIRST_DAY.minusDays(30));
        LocalDate to = FIRST_DAY.plusDays(DAYS + 120);
        for (LocalDate start = from; start.isBefore(to); start = granularity.next(start)) {
            Instant bucketStart = Granularity.startOf(start);
            Instant bucketEnd = granularity.endOf(start);
            boolean touched = false;
            boolean complete = false;
            Figures largest = Figures.NONE;
            for (Instant fetchedAt : fetches) {
                Instant windowStart = VisitorEvents.windowStart(fetchedAt);
                if (bucketStart.isBefore(fetchedAt) && bucketEnd.isAfter(windowStart)) {
                    touched = true;
                    largest = largest.max(truth.seen(granularity, start, fetchedAt));
                    complete |= !bucketStart.isBefore(windowStart) && !bucketEnd.isAfter(fetchedAt);
                }
            }
            if (touched) {
                Figures figures = complete ? truth.truth(granularity, start) : largest;
                expected.put(start, new KeptBucket(start, figures.count(), figures.uniques(), complete));
            }
        }
        return expected;
    }
}
