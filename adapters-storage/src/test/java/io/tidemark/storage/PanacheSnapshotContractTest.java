package io.tidemark.storage;

import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.testkit.SnapshotStoreContract;

/**
 * The kit's {@link SnapshotStoreContract} on {@link PanacheTrafficStore}, over the database of this run
 * (H2, then PostgreSQL: see {@link StorageTest}), emptied before each test.
 */
@StorageTest
class PanacheSnapshotContractTest extends SnapshotStoreContract {

    private final PanacheTrafficStore panache;
    private final TestDatabase database;

    PanacheSnapshotContractTest(PanacheTrafficStore panache, TestDatabase database) {
        this.panache = panache;
        this.database = database;
    }

    @Override
    protected TrafficStore emptyStore() {
        database.clean();
        return panache;
    }
}
