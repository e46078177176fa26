package io.tidemark.app.newfeature;

import io.tidemark.core.port.out.TrafficStore;

/** Test fixture: a class of a new application package that skips the use cases. Must be refused. */
public class UsesTheStoreDirectly {

    private final TrafficStore store;

    public UsesTheStoreDirectly(TrafficStore store) {
        this.store = store;
    }

    public int tracked() {
        return store.active().size();
    }
}
