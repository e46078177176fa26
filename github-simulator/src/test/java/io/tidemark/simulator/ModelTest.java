package io.tidemark.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {

    private static final LocalDate FROM = LocalDate.parse("2024-01-01");
    private static final LocalDate TO = LocalDate.parse("2024-03-31");

    @Test
    void generationIsDeterministicFromTheSeed() {
        TrafficModel a = TrafficModel.generated("o/r", 1, FROM, TO, 50);
        TrafficModel b = TrafficModel.generated("o/r", 1, FROM, TO, 50);
        TrafficModel c = TrafficModel.generated("o/r", 2, FROM, TO, 50);
        assertThat(a.events(TrafficKind.VIEWS)).isEqualTo(b.events(TrafficKind.VIEWS)).isNotEmpty();
        assertThat(a.events(TrafficKind.CLONES)).isEqualTo(b.events(TrafficKind.CLONES)).isNotEmpty();
        assertThat(a.events(TrafficKind.VIEWS)).isNotEqualTo(c.events(TrafficKind.VIEWS));
    }

    @Test
    void generatedTrafficLooksReal() {
        GroundTruth truth = new GroundTruth(TrafficModel.generated("o/r", 5, FROM, TO, 50));
        var days = truth.days(TrafficKind.VIEWS);
        assertThat(days.size()).isBetween(70, 91); // some empty days
        assertThat(days.values()).allSatisfy(c -> assertThat(c.uniques()).isBetween(1L, c.count()));
        long hours = truth.model().events(TrafficKind.VIEWS).stream().mapToInt(TrafficEvent::hour).distinct().count();
        assertThat(hours).isEqualTo(24);
        // returning visitors: two weeks have fewer uniques than the sum of their days
        Counts twoWeeks = truth.between(TrafficKind.VIEWS, Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-02-15T00:00:00Z"));
        long sum = 0;
        for (LocalDate d = LocalDate.parse("2024-02-01"); d.isBefore(LocalDate.parse("2024-02-15")); d = d.plusDays(1)) {
            sum += truth.day(TrafficKind.VIEWS, d).uniques();
        }
        assertThat(twoWeeks.uniques()).isLessThan(sum);
        assertThat(truth.model().events(TrafficKind.CLONES)).allSatisfy(e -> assertThat(e.path()).isNull());
    }

    @Test
    void dailySeriesParsesCsvAndRejectsImpossibleDays() {
        DailySeries series = DailySeries.parseCsv(new StringReader("_date,total,unique\n2024-01-02,5,3\n\n2024-01-01,1,1\n"));
        assertThat(series.days()).containsOnlyKeys(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-02"));
        assertThat(series.days().get(LocalDate.parse("2024-01-02"))).isEqualTo(new Counts(5, 3));
        assertThatThrownBy(() -> DailySeries.parseCsv(new StringReader("h\n2024-01-02,2,3\n")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DailySeries.parseCsv(new StringReader("h\n2024-01-02,2\n")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explicitEventsAreQueriedByTimeAndWeek() {
        TrafficModel model = TrafficModel.of(List.of(
                TrafficEvent.view(LocalDate.parse("2024-05-06"), 0, 1, null, "/o/r", "t"), // Monday
                TrafficEvent.view(LocalDate.parse("2024-05-12"), 23, 1, null, "/o/r", "t"), // Sunday
                TrafficEvent.view(LocalDate.parse("2024-05-13"), 0, 2, null, "/o/r", "t")), List.of());
        GroundTruth truth = new GroundTruth(model);
        assertThat(truth.week(TrafficKind.VIEWS, LocalDate.parse("2024-05-09"))).isEqualTo(new Counts(2, 1));
        assertThat(truth.week(TrafficKind.VIEWS, LocalDate.parse("2024-05-13"))).isEqualTo(new Counts(1, 1));
        assertThat(truth.day(TrafficKind.CLONES, LocalDate.parse("2024-05-13"))).isEqualTo(Counts.ZERO);
        assertThat(truth.weeks(TrafficKind.VIEWS)).containsOnlyKeys(LocalDate.parse("2024-05-06"), LocalDate.parse("2024-05-13"));
        assertThat(model.between(TrafficKind.VIEWS, Instant.parse("2024-05-12T23:00:00Z"), Instant.parse("2024-05-13T00:00:00Z"))).hasSize(1);
        assertThatThrownBy(() -> TrafficEvent.clone(LocalDate.parse("2024-05-13"), 24, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void simulatedClockMovesInWholeHours() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2024-05-15T10:00:00Z"));
        assertThat(clock.advanceHours(15)).isEqualTo(Instant.parse("2024-05-16T01:00:00Z"));
        assertThat(clock.advanceDays(-2)).isEqualTo(Instant.parse("2024-05-14T01:00:00Z"));
        assertThat(clock.advance(Duration.ofHours(1))).isEqualTo(Instant.parse("2024-05-14T02:00:00Z"));
        assertThatThrownBy(() -> clock.advance(Duration.ofMinutes(30))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.set(Instant.parse("2024-05-14T02:00:01Z"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.now()).isEqualTo(Instant.parse("2024-05-14T02:00:00Z"));
    }
}
