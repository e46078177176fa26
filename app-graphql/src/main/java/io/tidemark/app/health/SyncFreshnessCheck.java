package io.tidemark.app.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.health.api.Wellness;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncFreshness;
import io.tidemark.core.port.in.SyncFreshnessUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Repositories whose last successful sync is older than 10 days are at risk: GitHub forgets
 * traffic after 14. Reported in {@code /q/health} (wellness: {@code tracked}, {@code stale} and
 * the first 20 stale names) and as the gauge {@code tidemark.repositories.stale}, both from
 * {@link SyncFreshnessUseCase}, so they always agree.
 */
@Wellness
@Startup
@ApplicationScoped
public class SyncFreshnessCheck implements HealthCheck {

    static final int NAMES_REPORTED = 20;
    private static final String STALE_GAUGE = "tidemark.repositories.stale";

    private final SyncFreshnessUseCase freshness;

    public SyncFreshnessCheck(SyncFreshnessUseCase freshness, MeterRegistry metrics) {
        this.freshness = freshness;
        // A gauge of an earlier start in the same JVM (tests, dev-mode reloads) would keep reading
        // that start's store: the registry ignores a second gauge of the same name.
        metrics.find(STALE_GAUGE).meters().forEach(metrics::remove);
        Gauge.builder(STALE_GAUGE, this, SyncFreshnessCheck::staleCount)
                .description("Tracked repositories not synced successfully for more than 10 days")
                .register(metrics);
    }

    @Override
    public HealthCheckResponse call() {
        SyncFreshness now = freshness.freshness();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("tidemark-sync-freshness")
                .status(now.stale().isEmpty())
                .withData("tracked", now.tracked())
                .withData("stale", now.stale().size());
        if (!now.stale().isEmpty()) {
            response.withData("staleRepositories", now.stale().stream()
                    .limit(NAMES_REPORTED)
                    .map(RepositoryId::nameWithOwner)
                    .collect(Collectors.joining(",")));
        }
        return response.build();
    }

    private double staleCount() {
        return freshness.freshness().stale().size();
    }
}
