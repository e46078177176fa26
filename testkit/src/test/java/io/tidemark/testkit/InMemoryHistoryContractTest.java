package io.tidemark.testkit;

import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.core.testing.InMemoryTrafficStore;

/** The {@link TrafficHistoryContract} on the reference store, {@link InMemoryTrafficStore}. */
class InMemoryHistoryContractTest extends TrafficHistoryContract {

    @Override
    protected TrafficStore emptyStore() {
        return new InMemoryTrafficStore();
    }
}
