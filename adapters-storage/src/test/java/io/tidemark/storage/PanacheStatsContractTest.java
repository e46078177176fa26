package io.tidemark.storage;

import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.testkit.RepositoryStatsStoreContract;

/**
 * The kit's {@link RepositoryStatsStoreContract} on {@link PanacheTrafficStore}, over the database of this run
 * (H2, then PostgreSQL: see {@link StorageTest}), emptied before each test.
 */
@StorageTest
class PanacheStatsContractTest extends RepositoryStatsStoreContract {

    private final PanacheTrafficStore panache;
    private final TestDatabase database;

    PanacheStatsContractTest(PanacheTrafficStore panache, TestDatabase database) {
        this.panache = panache;
        this.database = database;
    }

    @Override
    protected TrafficStore emptyStore() {
        database.clean();
        return panache;
    }
}
