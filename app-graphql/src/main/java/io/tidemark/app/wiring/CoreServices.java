package io.tidemark.app.wiring;

import io.tidemark.app.config.TidemarkConfig;
import io.tidemark.core.port.in.QueryStatsUseCase;
import io.tidemark.core.port.in.QueryTrafficUseCase;
import io.tidemark.core.service.StatsQueryService;
import io.tidemark.core.port.in.SyncFreshnessUseCase;
import io.tidemark.core.port.in.SyncDueRepositoriesUseCase;
import io.tidemark.core.port.in.SyncRepositoryUseCase;
import io.tidemark.core.port.in.TrackRepositoryUseCase;
import io.tidemark.core.service.SyncDueRepositoriesService;
import io.tidemark.core.service.SyncFreshnessService;
import io.tidemark.core.service.SyncService;
import io.tidemark.core.service.TrackingService;
import io.tidemark.core.service.TrafficQueryService;
import io.quarkus.arc.All;
import io.tidemark.core.port.in.ExportHistoryUseCase;
import io.tidemark.core.port.in.OwnerTrafficUseCase;
import io.tidemark.core.port.out.TrafficAggregates;
import io.tidemark.core.service.OwnerTrafficService;
import io.tidemark.core.port.in.ImportHistoryUseCase;
import io.tidemark.core.port.out.HistoryArchive;
import io.tidemark.core.service.ExportService;
import io.tidemark.core.service.ImportService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Wires the core's plain-Java services to the adapters. Core knows nothing of CDI; this is the
 * only place that turns its classes into beans. The adapters are the ones configuration chose
 * ({@link Adapters}): every service that reads traffic gets the first source, and each service
 * gets the store roles it uses, all served by the one store chosen. Nothing here injects a port
 * by its default qualifier, so a second adapter in the build is never ambiguous.
 */
@ApplicationScoped
public class CoreServices {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CoreServices.class);

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
        if (adapters.statsSource().isPresent() && adapters.statsStore().isPresent()) {
            SyncService sync = new SyncService(adapters.source(), adapters.store(), adapters.statsSource().get(),
                    adapters.statsStore().get(), clock, config.syncInterval());
            if (config.starsBackfill()) {
                LOG.infof("Stars backfill on: at most %d stargazer pages per repository and UTC day",
                        config.starsBackfillMaxCalls());
                return sync.withStarsBackfill(config.starsBackfillMaxCalls());
            }
            return sync;
        }
        if (config.starsBackfill()) {
            LOG.info("Stars backfill asked for but not possible: repository counters are not kept (see above)");
        }
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
    QueryStatsUseCase stats(Adapters adapters) {
        return new StatsQueryService(adapters.statsStore().orElse(null));
    }

    @Produces
    @Singleton
    ImportHistoryUseCase imports(@All List<HistoryArchive> archives, Adapters adapters, Clock clock) {
        List<HistoryArchive> ordered = new ArrayList<>(archives);
        // A fixed order, so a file two archives recognise is always read by the same one.
        ordered.sort(Comparator.comparing(archive -> String.join(",", new TreeSet<>(archive.formats()))));
        return new ImportService(ordered, adapters.store(), adapters.store(), adapters.store(),
                adapters.statsStore().orElse(null), clock);
    }

    @Produces
    @Singleton
    ExportHistoryUseCase exports(Adapters adapters) {
        return new ExportService(adapters.store(), adapters.store(), adapters.store(), adapters.statsStore().orElse(null));
    }

    /** With the store's own aggregates when it has them (one query each), else computed by core. */
    @Produces
    @Singleton
    OwnerTrafficUseCase owners(Adapters adapters, Clock clock) {
        TrafficAggregates aggregates = adapters.store() instanceof TrafficAggregates own ? own : null;
        return new OwnerTrafficService(adapters.store(), adapters.store(), adapters.store(), aggregates, clock);
    }

    @Produces
    @Singleton
    SyncFreshnessUseCase freshness(Adapters adapters, Clock clock) {
        return new SyncFreshnessService(adapters.store(), clock);
    }
}
