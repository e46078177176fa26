package io.tidemark.storage;

import static io.tidemark.storage.Fixtures.expectedMerge;
import static io.tidemark.storage.Fixtures.instant;
import static io.tidemark.storage.Fixtures.randomWindows;
import static io.tidemark.storage.Fixtures.repo;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many threads merging overlapping windows of one repository at once lose nothing. */
@StorageTest
class ConcurrentMergeTest extends StoreTestSupport {

    private static final int THREADS = 8;

    ConcurrentMergeTest(PanacheTrafficStore store, TestDatabase database) {
        super(store, database);
    }

    @Test
    void concurrentMergesOfOneRepositoryKeepTheSerialMaximum() throws Exception {
        RepositoryId contended = repo("acme/contended");
        RepositoryId serial = repo("acme/serial");
        store.track(contended, instant("2026-01-01T00:00:00Z"));
        store.track(serial, instant("2026-01-01T00:00:00Z"));
        List<TrafficWindow> windows = randomWindows(2026, 40);
        windows.forEach(window -> merge(serial, window));

        // every thread merges every window, each in its own order: the same buckets are
        // inserted and raised by several transactions at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> merges = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                List<TrafficWindow> order = new ArrayList<>(windows);
                Collections.shuffle(order, new Random(t));
                merges.add(pool.submit(() -> {
                    start.await();
                    order.forEach(window -> merge(contended, window));
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
        assertThat(totalsRows(contended)).hasSize(windows.size()).isEqualTo(totalsRows(serial));
        for (TrafficKind kind : TrafficKind.values()) {
            for (Granularity granularity : Granularity.values()) {
                assertThat(series(contended, kind, granularity, DateRange.ALL))
                        .as("%s %s", kind, granularity)
                        .isEqualTo(expectedMerge(windows, kind, granularity));
            }
        }
    }
}
