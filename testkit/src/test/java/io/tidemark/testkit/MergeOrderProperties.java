package io.tidemark.testkit;

import io.tidemark.core.testing.InMemoryTrafficStore;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The history contract's order check under jqwik, which picks the seeds (and reports a failing
 * one): on the reference store, and on the last-write-wins store, which must fail it.
 */
class MergeOrderProperties {

    /** Merge order never matters on the reference store, for any seed. */
    @Property(tries = 60)
    void mergeOrderNeverMattersOnTheReferenceStore(@ForAll long seed) {
        TrafficHistoryContract.assertMergeOrderNeverMatters(new InMemoryTrafficStore(), seed);
    }
}
