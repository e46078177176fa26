package io.tidemark.app;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.port.out.TrafficHistory;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the series reads that reach the store (each is one SQL query), to prove there is no N+1. */
@Decorator
@Priority(10)
public abstract class CountingTrafficStore implements TrafficHistory {

    static final AtomicInteger SERIES_READS = new AtomicInteger();

    private final TrafficHistory delegate;

    @Inject
    CountingTrafficStore(@Delegate TrafficHistory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Map<RepositoryId, List<KeptBucket>> series(
            Collection<RepositoryId> repositories, TrafficKind kind, Granularity granularity, DateRange range) {
        SERIES_READS.incrementAndGet();
        return delegate.series(repositories, kind, granularity, range);
    }
}
