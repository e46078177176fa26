package io.tidemark.storage;

import static io.tidemark.storage.Fixtures.bucket;
import static io.tidemark.storage.Fixtures.expectedMerge;
import static io.tidemark.storage.Fixtures.instant;
import static io.tidemark.storage.Fixtures.observationsOf;
import static io.tidemark.storage.Fixtures.randomWindows;
import static io.tidemark.storage.Fixtures.repo;
import static io.tidemark.storage.Fixtures.views;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.Observations;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link PanacheTrafficStore#mergeAll}, the port's bulk merge: the same result as one merge per answer. */
@StorageTest
class MergeAllTest extends StoreTestSupport {

    MergeAllTest(PanacheTrafficStore store, TestDatabase database) {
        super(store, database);
    }

    @Test
    void mergingAllAtOnceKeepsExactlyWhatMergingOneByOneKeeps() {
        RepositoryId bulk = repo("acme/bulk");
        RepositoryId serial = repo("acme/one-by-one");
        store.track(bulk, instant("2026-01-01T00:00:00Z"));
        store.track(serial, instant("2026-01-01T00:00:00Z"));
        // overlapping windows, so the same buckets appear many times in one call
        List<TrafficWindow> windows = randomWindows(4242, 60);
        windows.forEach(window -> merge(serial, window));

        List<TrafficWindow> shuffled = new ArrayList<>(windows);
        Collections.shuffle(shuffled, new Random(1));
        store.mergeAll(Map.of(bulk, observationsOf(shuffled.subList(0, 30))));
        store.mergeAll(Map.of(bulk, observationsOf(shuffled.subList(30, 60))));
        store.mergeAll(Map.of(bulk, observationsOf(shuffled.subList(10, 40)))); // again: idempotent

        assertThat(bucketRows(bulk)).isNotEmpty().isEqualTo(bucketRows(serial));
        assertThat(totalsRows(bulk)).hasSize(windows.size()).isEqualTo(totalsRows(serial));
        for (TrafficKind kind : TrafficKind.values()) {
            for (Granularity granularity : Granularity.values()) {
                assertThat(series(bulk, kind, granularity, DateRange.ALL))
                        .as("%s %s", kind, granularity)
                        .isEqualTo(expectedMerge(windows, kind, granularity));
            }
        }
    }

    @Test
    void oneCallMergesManyRepositoriesWithRepeatsEachAsIfMergedOneByOne() {
        Map<RepositoryId, List<Observations>> call = new LinkedHashMap<>();
        Map<RepositoryId, List<TrafficWindow>> answers = new LinkedHashMap<>();
        for (int r = 0; r < 4; r++) {
            RepositoryId repository = repo("acme/many-" + r);
            store.track(repository, instant("2026-01-01T00:00:00Z"));
            List<TrafficWindow> windows = randomWindows(100 + r, 12);
            List<TrafficWindow> withRepeats = new ArrayList<>(windows);
            withRepeats.addAll(windows.subList(0, 5));
            Collections.shuffle(withRepeats, new Random(r));
            answers.put(repository, windows);
            call.put(repository, observationsOf(withRepeats));
        }

        store.mergeAll(call);

        answers.forEach((repository, windows) -> {
            for (TrafficKind kind : TrafficKind.values()) {
                for (Granularity granularity : Granularity.values()) {
                    assertThat(series(repository, kind, granularity, DateRange.ALL))
                            .as("%s %s %s", repository, kind, granularity)
                            .isEqualTo(expectedMerge(windows, kind, granularity));
                }
            }
            assertThat(totalsRows(repository)).hasSize(windows.size());
        });
    }

    @Test
    void concurrentBulkMergesAndSingleMergesOfOneRepositoryLoseNothing() throws Exception {
        RepositoryId contended = repo("acme/bulk-contended");
        RepositoryId other = repo("acme/bulk-other");
        RepositoryId serial = repo("acme/bulk-serial");
        store.track(contended, instant("2026-01-01T00:00:00Z"));
        store.track(other, instant("2026-01-01T00:00:00Z"));
        store.track(serial, instant("2026-01-01T00:00:00Z"));
        List<TrafficWindow> windows = randomWindows(777, 40);
        windows.forEach(window -> merge(serial, window));

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> merges = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                List<TrafficWindow> order = new ArrayList<>(windows);
                Collections.shuffle(order, new Random(t));
                boolean bulk = t % 2 == 0;
                merges.add(pool.submit(() -> {
                    start.await();
                    if (bulk) {
                        // two repositories per call, in either order of the map
                        Map<RepositoryId, List<Observations>> first = new LinkedHashMap<>();
                        first.put(contended, observationsOf(order.subList(0, 20)));
                        first.put(other, observationsOf(order.subList(20, 40)));
                        Map<RepositoryId, List<Observations>> second = new LinkedHashMap<>();
                        second.put(other, observationsOf(order.subList(0, 20)));
                        second.put(contended, observationsOf(order.subList(20, 40)));
                        store.mergeAll(first);
                        store.mergeAll(second);
                    } else {
                        order.forEach(window -> merge(contended, window));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> merge : merges) {
                merge.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(bucketRows(contended)).isNotEmpty().isEqualTo(bucketRows(serial));
        assertThat(totalsRows(contended)).isEqualTo(totalsRows(serial));
        assertThat(bucketRows(other)).isEqualTo(bucketRows(serial));
    }

    @Test
    void anUnknownRepositoryOrANullObservationWritesNothing() {
        RepositoryId known = repo("acme/bulk-checked");
        store.track(known, instant("2026-01-01T00:00:00Z"));
        Observations observations = views("2026-03-10T15:20:00Z", bucket("2026-03-05", 10, 4)).observations();
        Map<RepositoryId, List<Observations>> withUnknown = new LinkedHashMap<>();
        withUnknown.put(known, List.of(observations));
        withUnknown.put(repo("acme/unknown"), List.of(observations));

        assertThatThrownBy(() -> store.mergeAll(withUnknown))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("acme/unknown");
        assertThatThrownBy(() -> store.mergeAll(Map.of(known, Arrays.asList(observations, null))))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("acme/bulk-checked");
        store.mergeAll(Map.of());
        store.mergeAll(Map.of(known, List.of()));

        assertThat(bucketRows(known)).isEmpty();
        assertThat(totalsRows(known)).isEmpty();
    }
}
