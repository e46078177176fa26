package io.tidemark.app.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.port.out.TrafficStore;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import io.smallrye.health.api.Wellness;

/**
 * Repositories whose last successful sync is older than 10 days are at risk: GitHub forgets
 * traffic after 14. Reported in {@code /q/health} (wellness) and as the gauge {@code
 * tidemark.repositories.stale}, both by {@link TrackedRepository#isStale}, so they always agree.
 */
@Wellness
@Startup
@ApplicationScoped
public class SyncFreshnessCheck implements HealthCheck {

    private static final String STALE_GAUGE = "tidemark.repositories.stale";

    private final TrafficStore store;
    private final Clock clock;

    public SyncFreshnessCheck(TrafficStore store, Clock clock, MeterRegistry metrics) {
        this.store = store;
        this.clock = clock;
        // A gauge of an earlier start in the same JVM (tests, dev-mode reloads) would keep reading
        // that start's store: the registry ignores a second gauge of the same name.
        metrics.find(STALE_GAUGE).meters().forEach(metrics::remove);
        Gauge.builder(STALE_GAUGE, this, SyncFreshnessCheck::staleCount)
                .description("Tracked repositories not synced successfully for more than 10 days")
                .register(metrics);
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = clock.instant();
        List<TrackedRepository> active = store.active();
        List<String> stale = active.stream()
                .filter(r -> r.isStale(now))
                .map(r -> r.id().nameWithOwner())
                .toList();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("tidemark-sync-freshness")
                .status(stale.isEmpty())
                .withData("tracked", active.size())
                .withData("stale", stale.size());
        if (!stale.isEmpty()) {
            response.withData("staleRepositories", String.join(",", stale.subList(0, Math.min(20, stale.size()))));
        }
        return response.build();
    }

    private double staleCount() {
        Instant now = clock.instant();
        return store.active().stream().filter(r -> r.isStale(now)).count();
    }
}
