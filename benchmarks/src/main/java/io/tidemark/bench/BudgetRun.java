package io.tidemark.bench;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.core.service.SyncDueRepositoriesService;
import io.tidemark.core.service.SyncService;
import io.tidemark.github.GitHubConfig;
import io.tidemark.github.GitHubTrafficSource;
import io.tidemark.simulator.EndpointKind;
import io.tidemark.simulator.GitHubSimulator;
import io.tidemark.simulator.Permission;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.tidemark.core.port.out.RepositoryStatsStore;

/**
 * Benchmark 4, the GitHub budget: N repositories on the GitHub simulator, synced by the real
 * {@link SyncService} (sync policy), {@link SyncDueRepositoriesService} (scheduler) and {@link
 * GitHubTrafficSource} (ETag cache) at the default settings (6 h interval), while the simulated
 * clock moves one hour per scheduler tick for D days. The simulator counts every request.
 */
public final class BudgetRun {

    /** GitHub's primary budget of one token per hour, minus Tidemark's default reserve. */
    public static final int USABLE_PER_HOUR = 5_000 - 50;

    /**
     * The fewest calls per repository and day that keep history complete: each of the 4 windows
     * once per 7 days, the referrer and path snapshots once a day, and the counters and the release
     * list once a day (when the store keeps them).
     */
    public static final double IDEAL_PER_REPOSITORY_DAY = 4.0 / 7 + 2 + 2;

    public static final String TOKEN = "fake-gh-benchmarkToken0123456789";
    public static final Instant START = Instant.parse("2024-05-06T00:00:00Z");
    private static final double[] MEAN_DAILY_VIEWS = {0.3, 3, 30, 300};

    /** What one budget run measured. */
    public record Result(
            int repositories, int days, Duration interval, long requests, long costing, long notModified,
            Map<EndpointKind, Long> costingByEndpoint, long peakHourCosting, long gapDays, long incompleteDays,
            long syncs, long failures) {

        public double costingPerRepositoryDay() {
            return (double) costing / repositories / days;
        }

        public double requestsPerRepositoryDay() {
            return (double) requests / repositories / days;
        }

        public double notModifiedShare() {
            return requests == 0 ? 0 : (double) notModified / requests;
        }

        /** Repositories one token keeps fresh on average over the day. */
        public long maxRepositoriesDailyAverage() {
            return (long) Math.floor(USABLE_PER_HOUR * 24.0 / costingPerRepositoryDay());
        }

        /** Repositories one token keeps fresh when the busiest hour must fit in one hour's budget. */
        public long maxRepositoriesPeakHour() {
            return (long) Math.floor(USABLE_PER_HOUR / ((double) peakHourCosting / repositories));
        }
    }

    private final TrafficStore store;

    public BudgetRun(TrafficStore store) {
        this.store = store;
    }

    public Result run(int repositories, int days, Duration interval) {
        return run(repositories, days, interval, 8000);
    }

    /** @param etagCacheSize answers the GitHub adapter remembers for conditional requests (default 8,000, as the adapter's) */
    public Result run(int repositories, int days, Duration interval, int etagCacheSize) {
        GitHubSimulator.Builder builder = GitHubSimulator.builder()
                .seed(11)
                .now(START)
                .rateLimitBudget(100_000_000)
                .organization("budget")
                .token(TOKEN, Permission.PUSH, "budget/*");
        for (int i = 0; i < repositories; i++) {
            builder.generatedRepository("budget", name(i), MEAN_DAILY_VIEWS[i % MEAN_DAILY_VIEWS.length]);
        }
        try (GitHubSimulator simulator = builder.start()) {
            Clock simulated = new SimulatedUtcClock(simulator);
            GitHubTrafficSource source = new GitHubTrafficSource(config(simulator.baseUrl(), etagCacheSize), Clock.systemUTC());
            // Counters and releases too, as the application does with the shipped store.
            SyncService sync = store instanceof RepositoryStatsStore stats
                    ? new SyncService(source, store, source, stats, simulated, interval)
                    : new SyncService(source, store, simulated, interval);
            SyncDueRepositoriesService scheduler = new SyncDueRepositoriesService(sync, store, simulated);
            for (int i = 0; i < repositories; i++) {
                store.track(id(i), simulated.instant());
            }
            long syncs = 0;
            long failures = 0;
            long peak = 0;
            for (int hour = 0; hour < days * 24; hour++) {
                long before = simulator.requests().costingBudget();
                var run = scheduler.syncDue();
                syncs += run.synced();
                failures += run.failed() + run.partlySynced() + run.deferred(); // a part that failed is a failure too
                peak = Math.max(peak, simulator.requests().costingBudget() - before);
                simulator.clock().advanceHours(1);
            }
            var counters = simulator.requests();
            Map<EndpointKind, Long> byEndpoint = new java.util.EnumMap<>(EndpointKind.class);
            for (EndpointKind kind : List.of(EndpointKind.VIEWS, EndpointKind.CLONES, EndpointKind.REFERRERS, EndpointKind.PATHS,
                    EndpointKind.REPOSITORY, EndpointKind.RELEASES)) {
                byEndpoint.put(kind, counters.costingBudget(kind));
            }
            // complete history: every day from 13 days before the start to the day before the end
            LocalDate firstDay = LocalDate.ofInstant(START, ZoneOffset.UTC).minusDays(13);
            LocalDate lastDay = LocalDate.ofInstant(simulated.instant(), ZoneOffset.UTC).minusDays(2);
            long gaps = 0;
            long incomplete = 0;
            for (int i = 0; i < repositories; i++) {
                for (TrafficKind kind : TrafficKind.values()) {
                    List<KeptBucket> kept = store.series(
                            List.of(id(i)), kind, Granularity.DAY, new DateRange(firstDay, lastDay)).get(id(i));
                    long expected = lastDay.toEpochDay() - firstDay.toEpochDay() + 1;
                    gaps += expected - kept.size();
                    incomplete += kept.stream().filter(b -> !b.complete()).count();
                }
            }
            return new Result(repositories, days, interval, counters.total(), counters.costingBudget(),
                    counters.countStatus(304), byEndpoint, peak, gaps, incomplete, syncs, failures);
        }
    }

    public static String name(int i) {
        return String.format("r%04d", i);
    }

    public static RepositoryId id(int i) {
        return RepositoryId.of("budget", name(i));
    }

    /** The adapter's defaults, pointed at the simulator. */
    static GitHubConfig config(String baseUrl, int etagCacheSize) {
        GitHubConfig.RateLimit rateLimit = new GitHubConfig.RateLimit() {
            @Override public int reserve() { return 50; }
            @Override public Duration secondaryBackoff() { return Duration.ofSeconds(60); }
            @Override public Duration secondaryBackoffMax() { return Duration.ofHours(1); }
        };
        GitHubConfig.Retry retry = new GitHubConfig.Retry() {
            @Override public int maxRetries() { return 3; }
            @Override public Duration delay() { return Duration.ofMillis(10); }
            @Override public Duration maxDelay() { return Duration.ofMillis(50); }
        };
        return new GitHubConfig() {
            @Override public URI apiUrl() { return URI.create(baseUrl); }
            @Override public Optional<String> token() { return Optional.of(TOKEN); }
            @Override public Duration connectTimeout() { return Duration.ofSeconds(10); }
            @Override public Duration readTimeout() { return Duration.ofSeconds(30); }
            @Override public int concurrency() { return 1; }
            @Override public int etagCacheSize() { return etagCacheSize; }
            @Override public Optional<String> userAgent() { return Optional.of("tidemark-benchmarks"); }
            @Override public RateLimit rateLimit() { return rateLimit; }
            @Override public Retry retry() { return retry; }
        };
    }

    /** The simulator's clock as a {@link Clock}: Tidemark's scheduler lives in simulated time. */
    private static final class SimulatedUtcClock extends Clock {
        private final GitHubSimulator simulator;

        SimulatedUtcClock(GitHubSimulator simulator) {
            this.simulator = simulator;
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { throw new UnsupportedOperationException(); }
        @Override public Instant instant() { return simulator.clock().now(); }
    }
}
