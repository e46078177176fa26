package io.tidemark.testkit;

import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.core.testing.InMemoryTrafficStore;

/** The {@link RepositoryRegistryContract} on the reference store, {@link InMemoryTrafficStore}. */
class InMemoryRegistryContractTest extends RepositoryRegistryContract {

    @Override
    protected TrafficStore emptyStore() {
        return new InMemoryTrafficStore();
    }
}
