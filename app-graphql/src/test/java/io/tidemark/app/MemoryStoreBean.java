package io.tidemark.app;

import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.core.testing.InMemoryTrafficStore;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * A second {@link TrafficStore} in every test's build: core's reference in-memory store, named
 * {@value #NAME}. Only {@code tidemark.store=memory} makes the application use it.
 */
@Dependent
public class MemoryStoreBean {

    /** The bean's name, for {@code tidemark.store}. */
    static final String NAME = "memory";

    @Produces
    @Singleton
    @Named(NAME)
    TrafficStore memoryStore() {
        return new InMemoryTrafficStore();
    }
}
