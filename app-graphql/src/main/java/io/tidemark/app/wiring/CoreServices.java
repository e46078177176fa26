package io.tidemark.app.wiring;

import io.tidemark.app.config.TidemarkConfig;
import io.tidemark.core.port.in.QueryTrafficUseCase;
import io.tidemark.core.port.in.SyncFreshnessUseCase;
import io.tidemark.core.port.in.SyncDueRepositoriesUseCase;
import io.tidemark.core.port.in.SyncRepositoryUseCase;
import io.tidemark.core.port.in.TrackRepositoryUseCase;
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
 * only place that turns its classes into beans. The adapters are the ones configuration chose
 * ({@link Adapters}): every service that reads traffic gets the first source, and each service
 * gets the store roles it uses, all served by the one store chosen. Nothing here injects a port
 * by its default qualifier, so a second adapter in the build is never ambiguous.
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
    TrackRepositoryUseCase tracking(Adapters adapters, Clock clock) {
        return new TrackingService(adapters.source(), adapters.store(), clock);
    }

    @Produces
    @Singleton
    SyncRepositoryUseCase sync(Adapters adapters, Clock clock, TidemarkConfig config) {
        return new SyncService(adapters.source(), adapters.store(), clock, config.syncInterval());
    }

    @Produces
    @Singleton
    SyncDueRepositoriesUseCase syncDue(SyncRepositoryUseCase sync, Adapters adapters, Clock clock) {
        return new SyncDueRepositoriesService(sync, adapters.store(), clock);
    }

    @Produces
    @Singleton
    QueryTrafficUseCase query(Adapters adapters) {
        return new TrafficQueryService(adapters.store(), adapters.store(), adapters.store());
    }

    @Produces
    @Singleton
    SyncFreshnessUseCase freshness(Adapters adapters, Clock clock) {
        return new SyncFreshnessService(adapters.store(), clock);
    }
}
