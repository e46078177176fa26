package io.tidemark.testkit;

import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.core.testing.InMemoryTrafficStore;

/** The {@link RepositoryStatsStoreContract} on the reference store, {@link InMemoryTrafficStore}. */
class InMemoryStatsContractTest extends RepositoryStatsStoreContract {

    @Override
    protected TrafficStore emptyStore() {
        return new InMemoryTrafficStore();
    }
}
