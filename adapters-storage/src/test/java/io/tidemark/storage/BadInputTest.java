package io.tidemark.storage;

import static io.tidemark.storage.Fixtures.bucket;
import static io.tidemark.storage.Fixtures.instant;
import static io.tidemark.storage.Fixtures.repo;
import static io.tidemark.storage.Fixtures.views;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncStatus;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input at the port is rejected with a clear error, and nothing is written. */
@StorageTest
class BadInputTest extends StoreTestSupport {

    private static final RepositoryId ROCKET = repo("acme/rocket");
    private static final RepositoryId GHOST = repo("acme/ghost");
    private static final TrafficWindow WINDOW = views("2026-03-10T15:20:00Z", bucket("2026-03-05", 4, 2));
    private static final TopReferrers REFERRERS =
            new TopReferrers(instant("2026-03-10T15:20:00Z"), List.of(new Referrer("google.com", 3, 1)));
    private static final TopPaths PATHS = new TopPaths(instant("2026-03-10T15:20:00Z"), List.of());

    private long rowsBefore;

    BadInputTest(PanacheTrafficStore store, TestDatabase database) {
        super(store, database);
    }

    @BeforeEach
    void trackRocket() {
        store.track(ROCKET, instant("2026-03-01T10:00:00Z"));
        rowsBefore = database.countAll();
    }

    @Test
    void nullArgumentsThrowNullPointerExceptionNamingTheArgumentAndWriteNothing() {
        rejected(() -> store.track(null, instant("2026-03-01T10:00:00Z")), "repository");
        rejected(() -> store.track(GHOST, null), "at");
        rejected(() -> store.untrack(null), "repository");
        rejected(() -> store.find(null), "repository");
        rejected(() -> store.trackOwner("acme", null), "at");
        rejected(() -> store.trackOwner(null, instant("2026-03-01T10:00:00Z")), "owner");
        rejected(() -> store.merge(null, WINDOW.observations()), "repository");
        rejected(() -> store.merge(ROCKET, null), "observations");
        rejected(() -> store.series(null, TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL), "repositories");
        rejected(() -> store.series(Arrays.asList(ROCKET, null), TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL),
                "repositories[1]");
        rejected(() -> store.series(List.of(ROCKET), null, Granularity.DAY, DateRange.ALL), "kind");
        rejected(() -> store.series(List.of(ROCKET), TrafficKind.VIEWS, null, DateRange.ALL), "granularity");
        rejected(() -> store.series(List.of(ROCKET), TrafficKind.VIEWS, Granularity.DAY, null), "range");
        rejected(() -> store.mergeAll(null), "observations");
        rejected(() -> store.mergeAll(Map.of(ROCKET, Arrays.asList(WINDOW.observations(), null))),
                "an observation of acme/rocket");
        rejected(() -> store.windowTotals(null, TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL), "repositories");
        rejected(() -> store.windowTotals(Arrays.asList(null, ROCKET), TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL),
                "repositories[0]");
        rejected(() -> store.windowTotals(List.of(ROCKET), null, Granularity.DAY, DateRange.ALL), "kind");
        rejected(() -> store.windowTotals(List.of(ROCKET), TrafficKind.VIEWS, null, DateRange.ALL), "granularity");
        rejected(() -> store.windowTotals(List.of(ROCKET), TrafficKind.VIEWS, Granularity.DAY, null), "range");
        rejected(() -> store.save(null, REFERRERS), "repository");
        rejected(() -> store.save(ROCKET, (TopReferrers) null), "snapshot");
        rejected(() -> store.save(null, PATHS), "repository");
        rejected(() -> store.save(ROCKET, (TopPaths) null), "snapshot");
        rejected(() -> store.topReferrers(null, null), "repository");
        rejected(() -> store.topPaths(null, null), "repository");
        rejected(() -> store.recordSync(null, SyncStatus.NEVER), "repository");
        rejected(() -> store.recordSync(ROCKET, null), "status");
        rejected(() -> store.deleteHistory(null), "repository");

        assertThatThrownBy(() -> store.list(null, null, 0))
                .isInstanceOfSatisfying(InvalidInputException.class, thrown -> assertThat(thrown.field()).isEqualTo("limit"));
        assertThat(database.countAll()).isEqualTo(rowsBefore);
        assertThat(store.find(ROCKET).orElseThrow().sync()).isEqualTo(SyncStatus.NEVER);
    }

    @Test
    void anUnknownRepositoryIsRejectedBeforeAnythingIsWritten() {
        unknown(() -> store.merge(GHOST, WINDOW.observations()));
        unknown(() -> store.mergeAll(Map.of(GHOST, List.of(WINDOW.observations()))));
        unknown(() -> store.save(GHOST, REFERRERS));
        unknown(() -> store.save(GHOST, PATHS));
        unknown(() -> store.recordSync(GHOST, SyncStatus.NEVER));
        unknown(() -> store.topReferrers(GHOST, null));
        unknown(() -> store.topPaths(GHOST, null));

        assertThat(database.countAll()).isEqualTo(rowsBefore);
        assertThat(store.find(GHOST)).isEmpty();
    }

    private static void rejected(ThrowingCallable call, String argument) {
        assertThatThrownBy(call).isInstanceOf(NullPointerException.class).hasMessage(argument);
    }

    private static void unknown(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(NoSuchElementException.class).hasMessageContaining("acme/ghost");
    }
}
