package io.tidemark.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficBucket;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The oracle against figures worked out by hand from {@code docs/merge-rules.md}, and the
 * reference store against the oracle.
 */
class KeptHistoryOracleTest {

    private static TrafficWindow answer(Granularity granularity, String fetchedAt, TrafficBucket... buckets) {
        return answer(TrafficKind.VIEWS, granularity, fetchedAt, buckets);
    }

    private static TrafficWindow answer(
            TrafficKind kind, Granularity granularity, String fetchedAt, TrafficBucket... buckets) {
        return new TrafficWindow(kind, granularity, Instant.parse(fetchedAt), 0, 0, List.of(buckets));
    }

    private static TrafficBucket bucket(String day, int count, int uniques) {
        return new TrafficBucket(LocalDate.parse(day), count, uniques);
    }

    private static KeptBucket kept(String day, int count, int uniques, boolean complete) {
        return new KeptBucket(LocalDate.parse(day), count, uniques, complete);
    }

    private static List<KeptBucket> days(TrafficWindow... answers) {
        return KeptHistoryOracle.keptHistory(List.of(answers), TrafficKind.VIEWS, Granularity.DAY);
    }

    @Test
    void aDayAnswerShowsFifteenDaysTheOldestCutAndTodayGrowing() {
        // the example of docs/merge-rules.md: window [Fri 1 Mar 10:00, Fri 15 Mar 10:42)
        List<KeptBucket> kept = days(answer(Granularity.DAY, "2024-03-15T10:42:00Z", bucket("2024-03-05", 7, 3)));

        assertThat(kept).hasSize(15);
        assertThat(kept.get(0)).isEqualTo(kept("2024-03-01", 0, 0, false));
        assertThat(kept.get(1)).isEqualTo(kept("2024-03-02", 0, 0, true));
        assertThat(kept.get(4)).isEqualTo(kept("2024-03-05", 7, 3, true));
        assertThat(kept.subList(1, 14)).allMatch(KeptBucket::complete);
        assertThat(kept.get(14)).isEqualTo(kept("2024-03-15", 0, 0, false));
        assertThat(KeptHistoryOracle.touchedBuckets(Granularity.DAY, Instant.parse("2024-03-15T10:42:00Z")))
                .containsExactlyElementsOf(kept.stream().map(KeptBucket::start).toList());
    }

    @Test
    void onTheHourTheOldestDayIsCutAtThatHourAndAtMidnightItIsWhole() {
        assertThat(days(answer(Granularity.DAY, "2024-03-15T10:00:00Z")))
                .hasSize(15)
                .first().isEqualTo(kept("2024-03-01", 0, 0, false));
        assertThat(days(answer(Granularity.DAY, "2024-03-15T00:59:59Z")))
                .as("00:59 truncates to 00:00: the oldest day is whole, today has begun")
                .hasSize(15)
                .startsWith(kept("2024-03-01", 0, 0, true))
                .endsWith(kept("2024-03-15", 0, 0, false));

        List<KeptBucket> atMidnight = days(answer(Granularity.DAY, "2024-03-15T00:00:00Z"));

        assertThat(atMidnight).hasSize(14).allMatch(KeptBucket::complete);
        assertThat(atMidnight.get(0).start()).isEqualTo(LocalDate.parse("2024-03-01"));
        assertThat(atMidnight.get(13).start()).isEqualTo(LocalDate.parse("2024-03-14"));
    }

    @Test
    void aWeekAnswerShowsTheWeeksAroundTheWindowAndAWeekIsWholeOnlyAfterItsSunday() {
        // Friday 2024-03-15 10:00: the window starts Friday 2024-03-01 10:00
        assertThat(KeptHistoryOracle.keptHistory(
                        List.of(answer(Granularity.WEEK, "2024-03-15T10:00:00Z", bucket("2024-03-04", 40, 12))),
                        TrafficKind.VIEWS, Granularity.WEEK))
                .containsExactly(
                        kept("2024-02-26", 0, 0, false),
                        kept("2024-03-04", 40, 12, true),
                        kept("2024-03-11", 0, 0, false));
        assertThat(KeptHistoryOracle.keptHistory(
                        List.of(answer(Granularity.WEEK, "2024-03-17T23:00:00Z")), TrafficKind.VIEWS, Granularity.WEEK))
                .contains(kept("2024-03-11", 0, 0, false));
        // Monday 2024-03-18 00:00: the window is exactly the two weeks before
        assertThat(KeptHistoryOracle.keptHistory(
                        List.of(answer(Granularity.WEEK, "2024-03-18T00:00:00Z")), TrafficKind.VIEWS, Granularity.WEEK))
                .containsExactly(kept("2024-03-04", 0, 0, true), kept("2024-03-11", 0, 0, true));
    }

    @Test
    void eachFieldKeepsItsMaximumAndABucketIsCompleteOnceSeenWhole() {
        TrafficWindow first = answer(Granularity.DAY, "2024-03-10T15:20:00Z",
                bucket("2024-02-25", 3, 1), bucket("2024-03-05", 10, 4), bucket("2024-03-10", 2, 2));
        TrafficWindow second = answer(Granularity.DAY, "2024-03-11T15:20:00Z",
                bucket("2024-03-05", 6, 5), bucket("2024-03-10", 8, 3));

        List<KeptBucket> kept = days(first, second);

        assertThat(kept).contains(
                kept("2024-02-25", 3, 1, false), // only ever the cut oldest day
                kept("2024-03-05", 10, 5, true), // the larger count of one, the larger uniques of the other
                kept("2024-03-10", 8, 3, true), // today so far, then whole
                kept("2024-03-11", 0, 0, false)); // today so far, nothing yet
        assertThat(days(second, first, second)).as("order and duplicates do not matter").isEqualTo(kept);
    }

    @Test
    void daysNoAnswerCoveredAreAbsentAndCoveredDaysWithoutTrafficAreZeros() {
        List<KeptBucket> kept = days(
                answer(Granularity.DAY, "2024-03-10T15:20:00Z", bucket("2024-02-26", 5, 3)),
                answer(Granularity.DAY, "2024-04-10T15:20:00Z", bucket("2024-04-01", 9, 9)));

        assertThat(kept).hasSize(30);
        assertThat(kept).extracting(KeptBucket::start)
                .startsWith(LocalDate.parse("2024-02-25"))
                .contains(LocalDate.parse("2024-03-10"), LocalDate.parse("2024-03-27"))
                .doesNotContain(LocalDate.parse("2024-03-11"), LocalDate.parse("2024-03-26"))
                .endsWith(LocalDate.parse("2024-04-10"))
                .isSorted();
        assertThat(kept).contains(kept("2024-02-27", 0, 0, true));
        assertThat(kept).filteredOn(bucket -> bucket.count() > 0)
                .containsExactly(kept("2024-02-26", 5, 3, true), kept("2024-04-01", 9, 9, true));
    }

    @Test
    void kindsAndGranularitiesAreKeptApart() {
        List<TrafficWindow> answers = List.of(
                answer(TrafficKind.VIEWS, Granularity.DAY, "2024-03-10T15:20:00Z", bucket("2024-03-05", 30, 10)),
                answer(TrafficKind.CLONES, Granularity.DAY, "2024-03-10T15:20:00Z", bucket("2024-03-05", 2, 1)),
                answer(TrafficKind.VIEWS, Granularity.WEEK, "2024-03-10T15:20:00Z", bucket("2024-03-04", 31, 11)));

        assertThat(KeptHistoryOracle.keptHistory(answers, TrafficKind.VIEWS, Granularity.DAY))
                .contains(kept("2024-03-05", 30, 10, true));
        assertThat(KeptHistoryOracle.keptHistory(answers, TrafficKind.CLONES, Granularity.DAY))
                .contains(kept("2024-03-05", 2, 1, true));
        assertThat(KeptHistoryOracle.keptHistory(answers, TrafficKind.VIEWS, Granularity.WEEK))
                .containsExactly(
                        kept("2024-02-19", 0, 0, false),
                        kept("2024-02-26", 0, 0, true),
                        kept("2024-03-04", 31, 11, false));
        assertThat(KeptHistoryOracle.keptHistory(answers, TrafficKind.CLONES, Granularity.WEEK)).isEmpty();
    }

    /**
     * The reference store merged with the production merge code keeps what the oracle computes,
     * for answers GitHub would give over random traffic at random moments (on the hour and at
     * midnight included), merged in a random order with duplicates.
     */
    @Property(tries = 60)
    void theReferenceStoreKeepsWhatTheOracleComputes(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 20) int fetches) {
        Random random = new Random(seed);
        LocalDate firstDay = LocalDate.of(2024, 1, 1);
        VisitorEvents truth = VisitorEvents.random(random, firstDay, 80, 30);
        List<TrafficWindow> answers = new ArrayList<>();
        Instant at = Instant.parse("2024-01-15T00:00:00Z");
        for (int i = 0; i < fetches; i++) {
            at = at.plus(Duration.ofMinutes(random.nextInt(20 * 24 * 60)));
            Instant fetchedAt = switch (random.nextInt(4)) {
                case 0 -> at.truncatedTo(ChronoUnit.DAYS);
                case 1 -> at.truncatedTo(ChronoUnit.HOURS);
                default -> at;
            };
            TrafficKind kind = TrafficKind.values()[random.nextInt(2)];
            Granularity granularity = Granularity.values()[random.nextInt(2)];
            answers.add(truth.answerAt(kind, granularity, fetchedAt));
        }
        List<TrafficWindow> order = new ArrayList<>(answers);
        order.addAll(answers.subList(0, random.nextInt(answers.size() + 1)));
        Collections.shuffle(order, random);
        RepositoryId repository = RepositoryId.of("octo", "oracle");
        InMemoryTrafficStore store = new InMemoryTrafficStore();
        store.track(repository, Instant.EPOCH);
        order.forEach(answer -> store.merge(repository, answer.observations()));

        for (TrafficKind kind : TrafficKind.values()) {
            for (Granularity granularity : Granularity.values()) {
                assertThat(store.series(List.of(repository), kind, granularity, DateRange.ALL).get(repository))
                        .as("%s %s", kind, granularity)
                        .isEqualTo(KeptHistoryOracle.keptHistory(answers, kind, granularity));
            }
        }
    }
}
