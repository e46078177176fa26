package io.tidemark.testkit;

import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.core.testing.InMemoryTrafficStore;

/** The kit's {@link TrafficAggregatesContract} on the reference store, whose aggregates core computes from plain reads. */
class InMemoryAggregatesContractTest extends TrafficAggregatesContract {

    @Override
    protected TrafficStore emptyStore() {
        return new InMemoryTrafficStore();
    }
}
