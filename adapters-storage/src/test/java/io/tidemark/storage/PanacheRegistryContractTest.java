package io.tidemark.storage;

import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.testkit.RepositoryRegistryContract;

/**
 * The kit's {@link RepositoryRegistryContract} on {@link PanacheTrafficStore}, over the database of this run
 * (H2, then PostgreSQL: see {@link StorageTest}), emptied before each test.
 */
@StorageTest
class PanacheRegistryContractTest extends RepositoryRegistryContract {

    private final PanacheTrafficStore panache;
    private final TestDatabase database;

    PanacheRegistryContractTest(PanacheTrafficStore panache, TestDatabase database) {
        this.panache = panache;
        this.database = database;
    }

    @Override
    protected TrafficStore emptyStore() {
        database.clean();
        return panache;
    }
}
