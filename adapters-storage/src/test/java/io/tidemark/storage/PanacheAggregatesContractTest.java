package io.tidemark.storage;

import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.testkit.TrafficAggregatesContract;

/**
 * The kit's {@link TrafficAggregatesContract} on {@link PanacheTrafficStore}'s aggregate queries,
 * over the database of this run (H2, then PostgreSQL: see {@link StorageTest}), emptied before each
 * test.
 */
@StorageTest
class PanacheAggregatesContractTest extends TrafficAggregatesContract {

    private final PanacheTrafficStore panache;
    private final TestDatabase database;

    PanacheAggregatesContractTest(PanacheTrafficStore panache, TestDatabase database) {
        this.panache = panache;
        this.database = database;
    }

    @Override
    protected TrafficStore emptyStore() {
        database.clean();
        return panache;
    }
}
