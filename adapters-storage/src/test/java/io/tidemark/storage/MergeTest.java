package io.tidemark.storage;

import static io.tidemark.storage.Fixtures.bucket;
import static io.tidemark.storage.Fixtures.day;
import static io.tidemark.storage.Fixtures.expectedMerge;
import static io.tidemark.storage.Fixtures.instant;
import static io.tidemark.storage.Fixtures.kept;
import static io.tidemark.storage.Fixtures.randomWindows;
import static io.tidemark.storage.Fixtures.repo;
import static io.tidemark.storage.Fixtures.views;
import static io.tidemark.storage.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.Observations;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.model.WindowTotals;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Merging windows into kept history, end to end through SQL. */
@StorageTest
class MergeTest extends StoreTestSupport {

    private static final RepositoryId ROCKET = repo("acme/rocket");

    MergeTest(PanacheTrafficStore store, TestDatabase database) {
        super(store, database);
    }

    @BeforeEach
    void trackRocket() {
        store.track(ROCKET, instant("2026-01-01T00:00:00Z"));
    }

    @Test
    void coveredDaysWithoutTrafficAreZerosAndUncoveredDaysAreAbsent() {
        // covers 2026-02-24 (cut at 15:00) to 2026-03-10 (so far)
        merge(ROCKET, views("2026-03-10T15:20:00Z", bucket("2026-02-26", 5, 3), bucket("2026-03-04", 7, 2)));
        // covers 2026-03-27 to 2026-04-10: 2026-03-11 to 2026-03-26 was never seen
        merge(ROCKET, views("2026-04-10T15:20:00Z", bucket("2026-04-01", 9, 9)));

        List<KeptBucket> kept = dailyViews(ROCKET);

        assertThat(kept).hasSize(30);
        assertThat(kept).extracting(KeptBucket::start)
                .startsWith(day("2026-02-24"))
                .endsWith(day("2026-04-10"))
                .doesNotContain(day("2026-02-23"), day("2026-03-11"), day("2026-03-26"), day("2026-04-11"))
                .contains(day("2026-03-10"), day("2026-03-27"))
                .isSorted();
        assertThat(kept).filteredOn(bucket -> bucket.start().equals(day("2026-02-27")))
                .containsExactly(kept("2026-02-27", 0, 0, true));
        assertThat(kept).filteredOn(bucket -> bucket.count() > 0)
                .containsExactly(
                        kept("2026-02-26", 5, 3, true),
                        kept("2026-03-04", 7, 2, true),
                        kept("2026-04-01", 9, 9, true));
    }

    @Test
    void aLaterSmallerValueNeverLowersAKeptOneAndALargerOneRaisesIt() {
        merge(ROCKET, views("2026-03-10T15:20:00Z", bucket("2026-03-05", 10, 4)));
        merge(ROCKET, views("2026-03-11T15:20:00Z", bucket("2026-03-05", 6, 5)));

        assertThat(bucketOn("2026-03-05")).isEqualTo(kept("2026-03-05", 10, 5, true));

        merge(ROCKET, views("2026-03-12T15:20:00Z", bucket("2026-03-05", 12, 1)));

        assertThat(bucketOn("2026-03-05")).isEqualTo(kept("2026-03-05", 12, 5, true));

        merge(ROCKET, views("2026-03-13T15:20:00Z"));

        assertThat(bucketOn("2026-03-05")).as("a window reporting nothing for the day lowers nothing")
                .isEqualTo(kept("2026-03-05", 12, 5, true));
    }

    @Test
    void theSameWindowsInAnyOrderKeepIdenticalRows() {
        List<TrafficWindow> windows = randomWindows(42, 24);
        RepositoryId inOrder = repo("acme/in-order");
        RepositoryId shuffled = repo("acme/shuffled");
        RepositoryId twiceShuffled = repo("acme/twice-shuffled");
        store.track(inOrder, instant("2026-01-01T00:00:00Z"));
        store.track(shuffled, instant("2026-01-01T00:00:00Z"));
        store.track(twiceShuffled, instant("2026-01-01T00:00:00Z"));

        windows.forEach(window -> merge(inOrder, window));
        List<TrafficWindow> reordered = new ArrayList<>(windows);
        Collections.shuffle(reordered, new Random(7));
        reordered.forEach(window -> merge(shuffled, window));
        List<TrafficWindow> repeated = new ArrayList<>(windows);
        repeated.addAll(windows);
        Collections.shuffle(repeated, new Random(11));
        repeated.forEach(window -> merge(twiceShuffled, window));

        assertThat(bucketRows(inOrder)).isNotEmpty();
        assertThat(bucketRows(shuffled)).isEqualTo(bucketRows(inOrder));
        assertThat(bucketRows(twiceShuffled)).isEqualTo(bucketRows(inOrder));
        assertThat(totalsRows(inOrder)).hasSize(windows.size());
        assertThat(totalsRows(shuffled)).isEqualTo(totalsRows(inOrder));
        assertThat(totalsRows(twiceShuffled)).isEqualTo(totalsRows(inOrder));
        for (TrafficKind kind : TrafficKind.values()) {
            for (Granularity granularity : Granularity.values()) {
                assertThat(series(shuffled, kind, granularity, DateRange.ALL))
                        .as("%s %s", kind, granularity)
                        .isEqualTo(expectedMerge(windows, kind, granularity));
            }
        }
    }

    @Test
    void aDayOnlySeenAsTheCutOldestDayStaysIncomplete() {
        // 15:20: the window starts at 2026-02-24T15:00, so 2026-02-24 is cut and 2026-03-10 in progress
        merge(ROCKET, views("2026-03-10T15:20:00Z", bucket("2026-02-24", 3, 1), bucket("2026-03-10", 2, 2)));
        // later windows no longer reach 2026-02-24, and see 2026-03-10 whole
        merge(ROCKET, views("2026-03-11T15:20:00Z", bucket("2026-03-10", 8, 3)));
        merge(ROCKET, views("2026-03-12T09:05:00Z"));

        assertThat(bucketOn("2026-02-24")).isEqualTo(kept("2026-02-24", 3, 1, false));
        assertThat(bucketOn("2026-02-25")).isEqualTo(kept("2026-02-25", 0, 0, true));
        assertThat(bucketOn("2026-03-10")).isEqualTo(kept("2026-03-10", 8, 3, true));
        assertThat(bucketOn("2026-03-12")).as("today so far").isEqualTo(kept("2026-03-12", 0, 0, false));

        // a fetch at midnight covers its oldest day whole
        merge(ROCKET, views("2026-03-10T00:00:00Z"));

        assertThat(bucketOn("2026-02-24")).isEqualTo(kept("2026-02-24", 3, 1, true));
    }

    @Test
    void dayRangesAreInclusiveOnBothEnds() {
        merge(ROCKET, views("2026-03-10T15:20:00Z", bucket("2026-02-26", 1, 1), bucket("2026-03-01", 4, 4)));

        assertThat(series(ROCKET, TrafficKind.VIEWS, Granularity.DAY, new DateRange(day("2026-02-26"), day("2026-03-01"))))
                .extracting(KeptBucket::start)
                .containsExactly(day("2026-02-26"), day("2026-02-27"), day("2026-02-28"), day("2026-03-01"));
        assertThat(series(ROCKET, TrafficKind.VIEWS, Granularity.DAY, new DateRange(day("2026-03-01"), day("2026-03-01"))))
                .containsExactly(kept("2026-03-01", 4, 4, true));
        assertThat(series(ROCKET, TrafficKind.VIEWS, Granularity.DAY, new DateRange(day("2026-03-09"), null)))
                .extracting(KeptBucket::start)
                .containsExactly(day("2026-03-09"), day("2026-03-10"));
        assertThat(series(ROCKET, TrafficKind.VIEWS, Granularity.DAY, new DateRange(null, day("2026-02-25"))))
                .extracting(KeptBucket::start)
                .containsExactly(day("2026-02-24"), day("2026-02-25"));
        assertThat(series(ROCKET, TrafficKind.VIEWS, Granularity.DAY, new DateRange(day("2026-05-01"), null)))
                .isEmpty();
    }

    @Test
    void weekBucketsStartOnMondaysAndRangesSelectThemByStart() {
        merge(ROCKET, window(TrafficKind.VIEWS, Granularity.WEEK, "2026-03-10T15:20:00Z",
                bucket("2026-02-23", 3, 1), bucket("2026-03-02", 20, 9), bucket("2026-03-09", 4, 2)));

        List<KeptBucket> weeks = series(ROCKET, TrafficKind.VIEWS, Granularity.WEEK, DateRange.ALL);

        assertThat(weeks).containsExactly(
                kept("2026-02-23", 3, 1, false),
                kept("2026-03-02", 20, 9, true),
                kept("2026-03-09", 4, 2, false));
        assertThat(weeks).extracting(KeptBucket::start).extracting(LocalDate::getDayOfWeek)
                .containsOnly(DayOfWeek.MONDAY);
        // the week of 2026-02-23 overlaps the range but starts before it
        assertThat(series(ROCKET, TrafficKind.VIEWS, Granularity.WEEK, new DateRange(day("2026-02-24"), day("2026-03-09"))))
                .extracting(KeptBucket::start)
                .containsExactly(day("2026-03-02"), day("2026-03-09"));
        assertThat(series(ROCKET, TrafficKind.VIEWS, Granularity.WEEK, new DateRange(day("2026-03-02"), day("2026-03-08"))))
                .extracting(KeptBucket::start)
                .containsExactly(day("2026-03-02"));
        assertThat(dailyViews(ROCKET)).as("days are kept apart from weeks").isEmpty();
    }

    @Test
    void kindsAreKeptApart() {
        merge(ROCKET, window(TrafficKind.VIEWS, Granularity.DAY, "2026-03-10T15:20:00Z", bucket("2026-03-05", 30, 10)));
        merge(ROCKET, window(TrafficKind.CLONES, Granularity.DAY, "2026-03-10T15:20:00Z", bucket("2026-03-05", 2, 1)));

        assertThat(series(ROCKET, TrafficKind.VIEWS, Granularity.DAY, new DateRange(day("2026-03-05"), day("2026-03-05"))))
                .containsExactly(kept("2026-03-05", 30, 10, true));
        assertThat(series(ROCKET, TrafficKind.CLONES, Granularity.DAY, new DateRange(day("2026-03-05"), day("2026-03-05"))))
                .containsExactly(kept("2026-03-05", 2, 1, true));
    }

    @Test
    void seriesReadsSeveralRepositoriesAtOnceAndLeavesOutUnknownOnes() {
        RepositoryId quiet = repo("Acme/Quiet");
        RepositoryId unknown = repo("acme/unknown");
        store.track(quiet, instant("2026-01-01T00:00:00Z"));
        merge(ROCKET, views("2026-03-10T15:20:00Z", bucket("2026-03-05", 3, 2)));

        Map<RepositoryId, List<KeptBucket>> series = store.series(
                List.of(unknown, repo("ACME/ROCKET"), repo("acme/quiet")),
                TrafficKind.VIEWS,
                Granularity.DAY,
                new DateRange(day("2026-03-05"), day("2026-03-06")));

        assertThat(series.keySet()).extracting(RepositoryId::nameWithOwner)
                .containsExactly("Acme/Quiet", "acme/rocket");
        assertThat(series.get(quiet)).isEmpty();
        assertThat(series.get(ROCKET)).containsExactly(kept("2026-03-05", 3, 2, true), kept("2026-03-06", 0, 0, true));
        assertThat(series).doesNotContainKey(unknown);
        assertThat(store.series(List.of(), TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL)).isEmpty();
    }

    @Test
    void windowTotalsAreKeptOncePerFetchAndReadByFetchDayOldestFirst() {
        RepositoryId quiet = repo("Acme/Quiet");
        store.track(quiet, instant("2026-01-01T00:00:00Z"));
        TrafficWindow first = window(TrafficKind.CLONES, Granularity.WEEK, "2026-03-10T15:20:00Z", bucket("2026-03-02", 20, 9));
        TrafficWindow second = window(TrafficKind.CLONES, Granularity.WEEK, "2026-03-11T15:20:00Z", bucket("2026-03-02", 25, 9));
        TrafficWindow days = window(TrafficKind.CLONES, Granularity.DAY, "2026-03-10T15:20:00Z", bucket("2026-03-05", 21, 8));

        merge(ROCKET, second);
        merge(ROCKET, first);
        merge(ROCKET, first);
        merge(ROCKET, days);
        store.merge(ROCKET, new Observations(TrafficKind.CLONES, Granularity.WEEK, instant("2026-03-12T15:20:00Z"),
                List.of(kept("2026-03-09", 1, 1, false)), null));

        assertThat(totalsRows(ROCKET)).hasSize(3);
        Map<RepositoryId, List<WindowTotals>> weeks = store.windowTotals(
                List.of(repo("acme/ghost"), repo("ACME/ROCKET"), quiet), TrafficKind.CLONES, Granularity.WEEK, DateRange.ALL);
        assertThat(weeks.keySet()).extracting(RepositoryId::nameWithOwner).containsExactly("Acme/Quiet", "acme/rocket");
        assertThat(weeks.get(quiet)).isEmpty();
        assertThat(weeks.get(ROCKET)).containsExactly(first.totals(), second.totals());
        assertThat(store.windowTotals(List.of(ROCKET), TrafficKind.CLONES, Granularity.DAY, DateRange.ALL).get(ROCKET))
                .containsExactly(days.totals());
        assertThat(store.windowTotals(List.of(ROCKET), TrafficKind.VIEWS, Granularity.WEEK, DateRange.ALL).get(ROCKET))
                .isEmpty();
        // a range selects totals by the UTC day of the fetch, both ends inclusive
        assertThat(store.windowTotals(List.of(ROCKET), TrafficKind.CLONES, Granularity.WEEK,
                        new DateRange(day("2026-03-11"), day("2026-03-11"))).get(ROCKET))
                .containsExactly(second.totals());
        assertThat(store.windowTotals(List.of(ROCKET), TrafficKind.CLONES, Granularity.WEEK,
                        new DateRange(null, day("2026-03-10"))).get(ROCKET))
                .containsExactly(first.totals());
        assertThat(store.windowTotals(List.of(), TrafficKind.CLONES, Granularity.WEEK, DateRange.ALL)).isEmpty();
    }

    private KeptBucket bucketOn(String day) {
        List<KeptBucket> kept = series(ROCKET, TrafficKind.VIEWS, Granularity.DAY, new DateRange(day(day), day(day)));
        assertThat(kept).as("bucket %s", day).hasSize(1);
        return kept.get(0);
    }
}
