package io.tidemark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.simulator.EndpointKind;
import io.tidemark.storage.RequiresDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Smoke run of benchmark 4 (GitHub budget): tiny data, one iteration. */
@QuarkusTest
@ExtendWith(RequiresDatabase.class)
class BudgetSmokeTest {

    private final TrafficStore store;

    BudgetSmokeTest(TrafficStore store) {
        this.store = store;
    }

    @Test
    void theSyncPolicySpendsAtMostTheDayWindowsPerSyncPlusSixCallsADayAndKeepsHistoryComplete() {
        int repositories = 4;
        int days = 3;
        BudgetRun.Result result = new BudgetRun(store).run(repositories, days, Duration.ofHours(6));

        assertThat(result.failures()).isZero();
        assertThat(result.syncs()).isEqualTo(repositories * days * 4L);
        assertThat(result.gapDays()).as("no gaps").isZero();
        // never more than the policy allows: 2 day windows per sync, week windows and snapshots once a day
        assertThat(result.costingByEndpoint().get(EndpointKind.REFERRERS)).isLessThanOrEqualTo((long) repositories * days);
        assertThat(result.costingByEndpoint().get(EndpointKind.PATHS)).isLessThanOrEqualTo((long) repositories * days);
        assertThat(result.costingByEndpoint().get(EndpointKind.REPOSITORY)).isLessThanOrEqualTo((long) repositories * days);
        assertThat(result.costingByEndpoint().get(EndpointKind.RELEASES)).isLessThanOrEqualTo((long) repositories * days);
        // 2 day windows per sync; week windows, snapshots, counters and releases once a day
        assertThat(result.requests()).isEqualTo(repositories * days * (4L * 2 + 4 + 2));
        // and never fewer than the ideal (GitHub's data does change)
        assertThat(result.costingPerRepositoryDay()).isBetween(BudgetRun.IDEAL_PER_REPOSITORY_DAY, 14.0);
        assertThat(result.notModified() + result.costing()).isEqualTo(result.requests());
    }
}
