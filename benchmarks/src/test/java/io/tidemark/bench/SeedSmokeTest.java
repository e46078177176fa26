package io.tidemark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.storage.RequiresDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Smoke run of benchmark 3 (seeding and merge throughput): tiny data, one iteration. */
@QuarkusTest
@ExtendWith(RequiresDatabase.class)
class SeedSmokeTest {

    private static final LocalDate END = LocalDate.parse("2024-06-03"); // a Monday

    private final TrafficStore store;

    SeedSmokeTest(TrafficStore store) {
        this.store = store;
    }

    @Test
    void theSeederWritesEveryDayAndWeekOfEveryRepositoryCompleteThroughThePort() throws Exception {
        int repositories = 3;
        HistorySeeder.Result result = new HistorySeeder(store, 42).seed(repositories, 27, END, 2);

        assertThat(result.days()).as("27 days round up to two 14-day windows").isEqualTo(28);
        assertThat(result.dayBuckets()).isEqualTo(repositories * 28L * 2);
        assertThat(result.buckets()).isEqualTo(repositories * (28L + 4) * 2);
        List<RepositoryId> ids = new ArrayList<>();
        for (int i = 0; i < repositories; i++) {
            ids.add(HistorySeeder.repository(i));
        }
        for (TrafficKind kind : TrafficKind.values()) {
            Map<RepositoryId, List<KeptBucket>> days = store.series(ids, kind, Granularity.DAY, DateRange.ALL);
            Map<RepositoryId, List<KeptBucket>> weeks = store.series(ids, kind, Granularity.WEEK, DateRange.ALL);
            for (RepositoryId id : ids) {
                assertThat(days.get(id)).hasSize(28).allMatch(KeptBucket::complete);
                assertThat(days.get(id).get(0).start()).isEqualTo(END.minusDays(28));
                assertThat(days.get(id).get(27).start()).isEqualTo(END.minusDays(1));
                assertThat(weeks.get(id)).hasSize(4).allMatch(KeptBucket::complete);
                for (KeptBucket week : weeks.get(id)) {
                    int sum = days.get(id).stream()
                            .filter(d -> !d.start().isBefore(week.start()) && d.start().isBefore(week.start().plusDays(7)))
                            .mapToInt(KeptBucket::count).sum();
                    assertThat(week.count()).as("week %s is the sum of its days", week.start()).isEqualTo(sum);
                }
            }
        }
        assertThat(days(ids).stream().mapToLong(KeptBucket::count).sum()).as("real shapes have traffic").isPositive();
        assertThat(store.topReferrers(ids.get(0), null)).get().satisfies(r -> assertThat(r.referrers()).hasSize(10));

        HistorySeeder.Result again = new HistorySeeder(store, 42).seed(repositories, 27, END, 2);
        assertThat(again.buckets()).isEqualTo(result.buckets());
        assertThat(store.series(ids, TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL).get(ids.get(1)))
                .as("seeding is a merge: idempotent").hasSize(28);
    }

    @Test
    void theBulkSeederKeepsExactlyWhatTheOneWindowPerTransactionSeederKeeps() throws Exception {
        int repositories = 2;
        HistorySeeder.Result single = new HistorySeeder(store, 7).seed("single", repositories, 42, END, 2);
        HistorySeeder.Result bulk = new HistorySeeder(store, true, 7).seed("bulk", repositories, 42, END, 2);

        assertThat(bulk.buckets()).isEqualTo(single.buckets()).isEqualTo(repositories * (42L + 6) * 2);
        for (int i = 0; i < repositories; i++) {
            RepositoryId one = HistorySeeder.repository("single", i);
            RepositoryId all = HistorySeeder.repository("bulk", i);
            for (TrafficKind kind : TrafficKind.values()) {
                for (Granularity granularity : Granularity.values()) {
                    assertThat(store.series(List.of(all), kind, granularity, DateRange.ALL).get(all))
                            .as("%s %s %s", all, kind, granularity)
                            .isNotEmpty()
                            .isEqualTo(store.series(List.of(one), kind, granularity, DateRange.ALL).get(one));
                }
            }
        }
    }

    private List<KeptBucket> days(List<RepositoryId> ids) {
        return store.series(ids, TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL).values().stream()
                .flatMap(List::stream).toList();
    }
}
