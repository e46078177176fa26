package io.tidemark.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficWindowTest {

    private static TrafficWindow window(Granularity granularity, String fetchedAt, TrafficBucket... buckets) {
        return new TrafficWindow(TrafficKind.VIEWS, granularity, Instant.parse(fetchedAt), 0, 0, List.of(buckets));
    }

    private static TrafficBucket bucket(String day, int count, int uniques) {
        return new TrafficBucket(LocalDate.parse(day), count, uniques);
    }

    @Test
    void aDayWindowCoversFifteenDaysWithTheOldestCutAndTodayInProgress() {
        TrafficWindow window = window(Granularity.DAY, "2024-03-15T10:42:00Z", bucket("2024-03-05", 7, 3));

        assertThat(window.windowStart()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(window.firstDay()).isEqualTo(LocalDate.parse("2024-03-01"));
        assertThat(window.lastDay()).isEqualTo(LocalDate.parse("2024-03-15"));
        List<KeptBucket> observations = window.observations().buckets();
        assertThat(observations).hasSize(15);
        assertThat(observations.get(0)).isEqualTo(new KeptBucket(LocalDate.parse("2024-03-01"), 0, 0, false));
        assertThat(observations.subList(1, 14)).allMatch(KeptBucket::complete);
        assertThat(observations.get(4)).isEqualTo(new KeptBucket(LocalDate.parse("2024-03-05"), 7, 3, true));
        assertThat(observations.get(14)).isEqualTo(new KeptBucket(LocalDate.parse("2024-03-15"), 0, 0, false));
    }

    @Test
    void atMidnightTheOldestDayIsWholeAndTheNewDayHasNotBegun() {
        TrafficWindow window = window(Granularity.DAY, "2024-03-15T00:00:00Z");

        List<KeptBucket> observations = window.observations().buckets();
        assertThat(observations).hasSize(14).allMatch(KeptBucket::complete);
        assertThat(observations.get(0).start()).isEqualTo(LocalDate.parse("2024-03-01"));
        assertThat(observations.get(13).start()).isEqualTo(LocalDate.parse("2024-03-14"));
    }

    @Test
    void aWeekWindowCoversTheWeeksTouchingTheWindowAndOnlyWholeOnesAreComplete() {
        // Friday 2024-03-15 10:00: the window starts Friday 2024-03-01 10:00.
        TrafficWindow window = window(Granularity.WEEK, "2024-03-15T10:00:00Z", bucket("2024-03-04", 40, 12));

        assertThat(window.observations().buckets()).containsExactly(
                new KeptBucket(LocalDate.parse("2024-02-26"), 0, 0, false),
                new KeptBucket(LocalDate.parse("2024-03-04"), 40, 12, true),
                new KeptBucket(LocalDate.parse("2024-03-11"), 0, 0, false));
    }

    @Test
    void aWeekIsCompleteOnlyAfterItsSunday() {
        TrafficWindow sunday = window(Granularity.WEEK, "2024-03-17T23:00:00Z");
        TrafficWindow monday = window(Granularity.WEEK, "2024-03-18T00:00:00Z");

        assertThat(sunday.coversWhole(LocalDate.parse("2024-03-11"))).isFalse();
        assertThat(monday.coversWhole(LocalDate.parse("2024-03-11"))).isTrue();
    }

    @Test
    void bucketsAreSortedAndWeeksMustStartOnMonday() {
        TrafficWindow window = window(
                Granularity.DAY, "2024-03-15T10:00:00Z", bucket("2024-03-09", 1, 1), bucket("2024-03-02", 2, 2));
        assertThat(window.buckets()).extracting(TrafficBucket::start)
                .containsExactly(LocalDate.parse("2024-03-02"), LocalDate.parse("2024-03-09"));

        assertThatThrownBy(() -> window(Granularity.WEEK, "2024-03-15T10:00:00Z", bucket("2024-03-05", 1, 1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("week bucket 2024-03-05 does not start on a Monday");
        assertThatThrownBy(() -> window(
                        Granularity.DAY, "2024-03-15T10:00:00Z", bucket("2024-03-05", 1, 1), bucket("2024-03-05", 2, 1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("bucket 2024-03-05 appears twice");
    }

    @Test
    void badFiguresAreRejected() {
        assertThatThrownBy(() -> bucket("2024-03-05", -1, 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("count must not be negative, was -1");
        assertThatThrownBy(() -> TrafficBucket.at(Instant.parse("2024-03-05T01:00:00Z"), 1, 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("bucket timestamp 2024-03-05T01:00:00Z is not UTC midnight");
        assertThatThrownBy(() -> new TrafficWindow(null, Granularity.DAY, Instant.EPOCH, 0, 0, List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("kind is required");
    }

    @Test
    void poisonNeverEntersAWindow() {
        // fetched 2024-03-15T10:00Z: the window touches 2024-03-01 (cut at 10:00) to 2024-03-15
        assertThatThrownBy(() -> window(Granularity.DAY, "2024-03-15T10:00:00Z", bucket("2024-02-29", 5, 2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside the window");
        assertThatThrownBy(() -> window(Granularity.DAY, "2024-03-15T10:00:00Z", bucket("2031-01-01", 5, 2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2031-01-01 lies outside");
        assertThatThrownBy(() -> window(Granularity.DAY, "2024-03-15T10:00:00Z", bucket("2024-03-10", 150, 200)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("more uniques (200) than its count (150)");
        assertThatThrownBy(() -> window(Granularity.DAY, "2024-03-15T10:00:00Z",
                        bucket("2024-03-10", 1, 1), bucket("2024-03-10", 2, 1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("appears twice");
        // the edges themselves are inside: the cut oldest day, and today
        assertThat(window(Granularity.DAY, "2024-03-15T10:00:00Z", bucket("2024-03-01", 1, 1), bucket("2024-03-15", 2, 2))
                .buckets()).hasSize(2);
        // a week window touches the week of its cut oldest day, and this week
        assertThat(window(Granularity.WEEK, "2024-03-15T10:00:00Z", bucket("2024-02-26", 1, 1), bucket("2024-03-11", 2, 2))
                .buckets()).hasSize(2);
        assertThatThrownBy(() -> window(Granularity.WEEK, "2024-03-15T10:00:00Z", bucket("2024-03-18", 1, 1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside the window");
    }

    @Test
    void uniquesAreNeverAddedUpInASeries() {
        TrafficSeries series = new TrafficSeries(TrafficKind.VIEWS, Granularity.DAY, List.of(
                new KeptBucket(LocalDate.parse("2024-03-01"), 10, 4, true),
                new KeptBucket(LocalDate.parse("2024-03-02"), 5, 4, true)));
        assertThat(series.count()).isEqualTo(15);
        assertThat(TrafficSeries.class.getRecordComponents()).extracting(c -> c.getName())
                .doesNotContain("uniques");
    }

    @Test
    void dateRangesAreInclusiveAndOrdered() {
        DateRange range = new DateRange(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-03"));
        assertThat(range.contains(LocalDate.parse("2024-03-01"))).isTrue();
        assertThat(range.contains(LocalDate.parse("2024-03-03"))).isTrue();
        assertThat(range.contains(LocalDate.parse("2024-03-04"))).isFalse();
        assertThatThrownBy(() -> new DateRange(LocalDate.parse("2024-03-04"), LocalDate.parse("2024-03-03")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("since (2024-03-04) is after until (2024-03-03)");
    }
}
