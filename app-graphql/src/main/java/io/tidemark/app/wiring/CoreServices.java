package io.tidemark.app.wiring;

import io.tidemark.app.config.TidemarkConfig;
import io.tidemark.core.port.in.QueryTrafficUseCase;
import io.tidemark.core.port.in.SyncFreshnessUseCase;
import io.tidemark.core.port.in.SyncDueRepositoriesUseCase;
import io.tidemark.core.port.in.SyncRepositoryUseCase;
import io.tidemark.core.port.in.TrackRepositoryUseCase;
import io.tidemark.core.port.out.RepositoryRegistry;
import io.tidemark.core.port.out.SnapshotStore;
import io.tidemark.core.port.out.TrafficHistory;
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
 * only place that turns its classes into beans. Each service gets the store roles it uses; one
 * store bean (a {@link TrafficStore}) serves them all.
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
    TrackRepositoryUseCase tracking(TrafficSource source, RepositoryRegistry registry, Clock clock) {
        return new TrackingService(source, registry, clock);
    }

    @Produces
    @Singleton
    SyncRepositoryUseCase sync(TrafficSource source, TrafficStore store, Clock clock, TidemarkConfig config) {
        return new SyncService(source, store, clock, config.syncInterval());
    }

    @Produces
    @Singleton
    SyncDueRepositoriesUseCase syncDue(SyncRepositoryUseCase sync, RepositoryRegistry registry, Clock clock) {
        return new SyncDueRepositoriesService(sync, registry, clock);
    }

    @Produces
    @Singleton
    QueryTrafficUseCase query(RepositoryRegistry registry, TrafficHistory history, SnapshotStore snapshots) {
        return new TrafficQueryService(registry, history, snapshots);
    }

    @Produces
    @Singleton
    SyncFreshnessUseCase freshness(RepositoryRegistry registry, Clock clock) {
        return new SyncFreshnessService(registry, clock);
    }
}
