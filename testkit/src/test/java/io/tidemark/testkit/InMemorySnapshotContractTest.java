package io.tidemark.testkit;

import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.core.testing.InMemoryTrafficStore;

/** The {@link SnapshotStoreContract} on the reference store, {@link InMemoryTrafficStore}. */
class InMemorySnapshotContractTest extends SnapshotStoreContract {

    @Override
    protected TrafficStore emptyStore() {
        return new InMemoryTrafficStore();
    }
}
