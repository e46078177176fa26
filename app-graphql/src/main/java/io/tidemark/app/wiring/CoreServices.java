package io.tidemark.app.wiring;

import io.tidemark.app.config.TidemarkConfig;
import io.tidemark.core.port.in.QueryTrafficUseCase;
import io.tidemark.core.port.in.SyncFreshnessUseCase;
import io.tidemark.core.port.in.SyncDueRepositoriesUseCase;
import io.tidemark.core.port.in.SyncRepositoryUseCase;
import io.tidemark.core.port.in.TrackRepositoryUseCase;
import io.tidemark.core.port.out.TrafficSource;
import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.core.service.SyncDueRepositoriesService;
import io.tidemark.core.service.SyncFreshnessService;
import io.tidemark.core.service.SyncService;
import io.tidemark.core.service.TrackingService;
import io.tidemark.core.service.TrafficQueryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wires the core's plain-Java services to the adapters. Core knows nothing of CDI; this is the
 * only place that turns its classes into beans.
 */
@ApplicationScoped
public class CoreServices {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    TrackRepositoryUseCase tracking(TrafficSource source, TrafficStore store, Clock clock) {
        return new TrackingService(source, store, clock);
    }

    @Produces
    @Singleton
    SyncRepositoryUseCase sync(TrafficSource source, TrafficStore store, Clock clock, TidemarkConfig config) {
        return new SyncService(source, store, clock, config.syncInterval());
    }

    @Produces
    @Singleton
    SyncDueRepositoriesUseCase syncDue(SyncRepositoryUseCase sync, TrafficStore store, Clock clock) {
        return new SyncDueRepositoriesService(sync, store, clock);
    }

    @Produces
    @Singleton
    QueryTrafficUseCase query(TrafficStore store) {
        return new TrafficQueryService(store);
    }

    @Produces
    @Singleton
    SyncFreshnessUseCase freshness(TrafficStore store, Clock clock) {
        return new SyncFreshnessService(store, clock);
    }
}
