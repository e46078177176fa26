package io.tidemark.storage;

import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.testkit.TrafficHistoryContract;

/**
 * The kit's {@link TrafficHistoryContract} on {@link PanacheTrafficStore}, over the database of this run
 * (H2, then PostgreSQL: see {@link StorageTest}), emptied before each test.
 */
@StorageTest
class PanacheHistoryContractTest extends TrafficHistoryContract {

    private final PanacheTrafficStore panache;
    private final TestDatabase database;

    PanacheHistoryContractTest(PanacheTrafficStore panache, TestDatabase database) {
        this.panache = panache;
        this.database = database;
    }

    @Override
    protected TrafficStore emptyStore() {
        database.clean();
        return panache;
    }
}
