package io.tidemark.storage;

import static io.tidemark.storage.Fixtures.bucket;
import static io.tidemark.storage.Fixtures.expectedMerge;
import static io.tidemark.storage.Fixtures.instant;
import static io.tidemark.storage.Fixtures.randomWindows;
import static io.tidemark.storage.Fixtures.repo;
import static io.tidemark.storage.Fixtures.views;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link PanacheTrafficStore#mergeAll}, the bulk path: the same result as one merge per window. */
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
        // overlapping windows, so the same buckets appear many times in one batch
        List<TrafficWindow> windows = randomWindows(4242, 60);
        windows.forEach(window -> store.merge(serial, window));

        List<TrafficWindow> shuffled = new ArrayList<>(windows);
        Collections.shuffle(shuffled, new Random(1));
        store.mergeAll(bulk, shuffled.subList(0, 30));
        store.mergeAll(bulk, shuffled.subList(30, 60));
        store.mergeAll(bulk, shuffled.subList(10, 40)); // again: idempotent

        assertThat(bucketRows(bulk)).isNotEmpty().isEqualTo(bucketRows(serial));
        assertThat(totalsRows(bulk)).isEqualTo(totalsRows(serial));
        for (TrafficKind kind : TrafficKind.values()) {
            for (Granularity granularity : Granularity.values()) {
                assertThat(series(bulk, kind, granularity, DateRange.ALL))
                        .as("%s %s", kind, granularity)
                        .isEqualTo(expectedMerge(windows, kind, granularity));
            }
        }
    }

    @Test
    void concurrentBulkMergesAndSingleMergesOfOneRepositoryLoseNothing() throws Exception {
        RepositoryId contended = repo("acme/bulk-contended");
        RepositoryId serial = repo("acme/bulk-serial");
        store.track(contended, instant("2026-01-01T00:00:00Z"));
        store.track(serial, instant("2026-01-01T00:00:00Z"));
        List<TrafficWindow> windows = randomWindows(777, 40);
        windows.forEach(window -> store.merge(serial, window));

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
                        store.mergeAll(contended, order.subList(0, 20));
                        store.mergeAll(contended, order.subList(20, 40));
                    } else {
                        order.forEach(window -> store.merge(contended, window));
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
    }

    @Test
    void anUnknownRepositoryOrANullWindowWritesNothing() {
        RepositoryId known = repo("acme/bulk-checked");
        store.track(known, instant("2026-01-01T00:00:00Z"));
        TrafficWindow window = views("2026-03-10T15:20:00Z", bucket("2026-03-05", 10, 4));

        assertThatThrownBy(() -> store.mergeAll(repo("acme/unknown"), List.of(window)))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> store.mergeAll(known, Arrays.asList(window, null)))
                .isInstanceOf(InvalidInputException.class);
        store.mergeAll(known, List.of());

        assertThat(bucketRows(known)).isEmpty();
    }
}
