package io.tidemark.storage;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;

/** Common ground of the store tests: a store over an emptied database. */
abstract class StoreTestSupport {

    protected final PanacheTrafficStore store;
    protected final TestDatabase database;

    protected StoreTestSupport(PanacheTrafficStore store, TestDatabase database) {
        this.store = store;
        this.database = database;
    }

    @BeforeEach
    void emptyDatabase() {
        database.clean();
    }

    /** Merges what core makes of one answer, as the sync does. */
    protected void merge(RepositoryId repository, TrafficWindow window) {
        store.merge(repository, window.observations());
    }

    protected List<KeptBucket> series(RepositoryId repository, TrafficKind kind, Granularity granularity, DateRange range) {
        return store.series(Set.of(repository), kind, granularity, range).get(repository);
    }

    protected List<KeptBucket> dailyViews(RepositoryId repository) {
        return series(repository, TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL);
    }

    /** The raw rows kept for a repository, without its id, in a stable order. */
    protected List<List<Object>> bucketRows(RepositoryId repository) {
        return database.rows("""
                SELECT kind, granularity, bucket_start, total, uniques, complete, first_seen_at, last_seen_at
                FROM traffic_bucket
                WHERE repository_id = (SELECT id FROM repository WHERE repo_key = ?)
                ORDER BY kind, granularity, bucket_start
                """, repository.key());
    }

    protected List<List<Object>> totalsRows(RepositoryId repository) {
        return database.rows("""
                SELECT kind, granularity, fetched_at, total, uniques
                FROM window_totals
                WHERE repository_id = (SELECT id FROM repository WHERE repo_key = ?)
                ORDER BY kind, granularity, fetched_at
                """, repository.key());
    }
}
