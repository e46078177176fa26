package io.tidemark.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationsTest {

    private static final Instant AT = Instant.parse("2024-03-15T10:42:00Z");

    private static KeptBucket kept(String day, int count) {
        return new KeptBucket(LocalDate.parse(day), count, 1, true);
    }

    @Test
    void bucketsAreSortedOldestFirst() {
        Observations observations = new Observations(TrafficKind.VIEWS, Granularity.DAY, AT,
                List.of(kept("2024-03-05", 1), kept("2024-03-03", 2), kept("2024-03-04", 3)), null);

        assertThat(observations.buckets()).extracting(KeptBucket::start).isSorted().hasSize(3);
        assertThat(observations.totals()).isNull();
    }

    @Test
    void aBucketIsObservedAtMostOnce() {
        assertThatThrownBy(() -> new Observations(TrafficKind.VIEWS, Granularity.DAY, AT,
                        List.of(kept("2024-03-05", 1), kept("2024-03-05", 2)), null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        thrown -> assertThat(thrown.field()).isEqualTo("buckets[1].start"))
                .hasMessageContaining("2024-03-05");
    }

    @Test
    void weekBucketsStartOnMondays() {
        assertThatThrownBy(() -> new Observations(TrafficKind.VIEWS, Granularity.WEEK, AT,
                        List.of(kept("2024-03-05", 1)), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("2024-03-05");
        assertThat(new Observations(TrafficKind.VIEWS, Granularity.WEEK, AT, List.of(kept("2024-03-04", 1)), null)
                .buckets()).hasSize(1);
    }

    @Test
    void totalsAreOfTheSameWindow() {
        WindowTotals views = new WindowTotals(TrafficKind.VIEWS, Granularity.DAY, AT, 9, 4);
        assertThat(new Observations(TrafficKind.VIEWS, Granularity.DAY, AT, List.of(), views).totals()).isEqualTo(views);

        for (WindowTotals other : List.of(
                new WindowTotals(TrafficKind.CLONES, Granularity.DAY, AT, 9, 4),
                new WindowTotals(TrafficKind.VIEWS, Granularity.WEEK, AT, 9, 4),
                new WindowTotals(TrafficKind.VIEWS, Granularity.DAY, AT.plusSeconds(1), 9, 4))) {
            assertThatThrownBy(() -> new Observations(TrafficKind.VIEWS, Granularity.DAY, AT, List.of(), other))
                    .as("%s", other)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            thrown -> assertThat(thrown.field()).isEqualTo("totals"));
        }
    }

    @Test
    void missingPartsAreRejectedNamingThem() {
        assertThatThrownBy(() -> new Observations(null, Granularity.DAY, AT, List.of(), null))
                .hasMessage("kind is required");
        assertThatThrownBy(() -> new Observations(TrafficKind.VIEWS, Granularity.DAY, null, List.of(), null))
                .hasMessage("observedAt is required");
        assertThatThrownBy(() -> new Observations(TrafficKind.VIEWS, Granularity.DAY, AT, null, null))
                .hasMessage("buckets is required");
    }

    @Test
    void anAnswerCarriesItsTotalsWithItsObservations() {
        TrafficWindow window = new TrafficWindow(TrafficKind.CLONES, Granularity.WEEK, AT, 30, 7,
                List.of(new TrafficBucket(LocalDate.parse("2024-03-04"), 30, 7)));

        Observations observations = window.observations();

        assertThat(observations.kind()).isEqualTo(TrafficKind.CLONES);
        assertThat(observations.granularity()).isEqualTo(Granularity.WEEK);
        assertThat(observations.observedAt()).isEqualTo(AT);
        assertThat(observations.totals()).isEqualTo(new WindowTotals(TrafficKind.CLONES, Granularity.WEEK, AT, 30, 7));
        assertThat(observations.buckets()).extracting(KeptBucket::start).containsExactly(
                LocalDate.parse("2024-02-26"), LocalDate.parse("2024-03-04"), LocalDate.parse("2024-03-11"));
    }
}
