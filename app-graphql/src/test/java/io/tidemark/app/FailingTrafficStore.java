package io.tidemark.app;

import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.port.out.TrafficStore;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A store that fails unexpectedly, as a broken database would, but only for the repository named
 * {@value #BROKEN_NAME}: reading its top paths throws a RuntimeException whose message names
 * internals. Every other call goes to the real store.
 */
@Decorator
@Priority(20)
public abstract class FailingTrafficStore implements TrafficStore {

    static final String BROKEN_NAME = "store-fails";
    static final String INTERNAL_DETAIL = "connection to jdbc:h2:mem lost in io.tidemark.storage.PanacheTrafficStore";

    private final TrafficStore delegate;

    @Inject
    FailingTrafficStore(@Delegate TrafficStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<TopPaths> topPaths(RepositoryId repository, LocalDate day) {
        if (repository.name().equals(BROKEN_NAME)) {
            throw new IllegalStateException(INTERNAL_DETAIL);
        }
        return delegate.topPaths(repository, day);
    }
}
