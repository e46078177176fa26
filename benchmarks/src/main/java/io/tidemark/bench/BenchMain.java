package io.tidemark.bench;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.tidemark.core.port.out.TrafficStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The benchmark commands (see {@code bench/} and {@code docs/benchmarks.md}):
 *
 * <pre>
 * seed   --repos N --days D [--threads T] [--bulk true|false] [--end YYYY-MM-DD] [--snapshots 1]
                                                             history through TrafficStore
 * budget --repos N [--days 28] [--interval 6h] [--etag-cache 6000]
                                                             GitHub calls of the sync policy
 * </pre>
 *
 * Each prints one {@code RESULT key=value ...} line that the scripts collect.
 */
@QuarkusMain
public class BenchMain implements QuarkusApplication {

    private final TrafficStore store;
    private final String dbKind;

    public BenchMain(TrafficStore store, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.store = store;
        this.dbKind = dbKind;
    }

    public static void main(String... args) {
        Quarkus.run(BenchMain.class, args);
    }

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: seed --repos N --days D [--threads T] [--end YYYY-MM-DD] | budget --repos N [--days 28] [--interval 6h] [--etag-cache 6000]");
            return 2;
        }
        Map<String, String> options = options(args);
        switch (args[0]) {
            case "seed" -> {
                int repos = Integer.parseInt(options.getOrDefault("repos", "10"));
                int days = Integer.parseInt(options.getOrDefault("days", "730"));
                int threads = Integer.parseInt(options.getOrDefault("threads", "4"));
                LocalDate end = options.containsKey("end")
                        ? LocalDate.parse(options.get("end"))
                        : HistorySeeder.mondayOnOrBefore(LocalDate.now(ZoneOffset.UTC));
                boolean bulk = Boolean.parseBoolean(options.getOrDefault("bulk", "true"));
                HistorySeeder seeder = bulk ? new HistorySeeder(store, true, 42) : new HistorySeeder(store, 42);
                int snapshots = Integer.parseInt(options.getOrDefault("snapshots", "1"));
                HistorySeeder.Result r = seeder.seed(HistorySeeder.OWNER, repos, days, end, threads, snapshots);
                System.out.printf(Locale.ROOT,
                        "RESULT seed db=%s merge=%s repos=%d days=%d threads=%d windows=%d buckets=%d day_buckets=%d"
                                + " merge_s=%.3f buckets_per_s=%.0f snapshot_s=%.3f end=%s%n",
                        dbKind, bulk ? "bulk" : "per-window", r.repositories(), r.days(), threads, r.windows(), r.buckets(), r.dayBuckets(),
                        r.mergeSeconds(), r.bucketsPerSecond(), r.snapshotSeconds(), end);
            }
            case "budget" -> {
                int repos = Integer.parseInt(options.getOrDefault("repos", "100"));
                int days = Integer.parseInt(options.getOrDefault("days", "28"));
                Duration interval = Duration.parse("PT" + options.getOrDefault("interval", "6h").toUpperCase(Locale.ROOT));
                int etagCache = Integer.parseInt(options.getOrDefault("etag-cache", "8000"));
                BudgetRun.Result r = new BudgetRun(store).run(repos, days, interval, etagCache);
                System.out.printf(Locale.ROOT,
                        "RESULT budget db=%s repos=%d days=%d interval=%s etag_cache=%d requests=%d costing=%d not_modified=%d"
                                + " costing_per_repo_day=%.3f requests_per_repo_day=%.3f share_304=%.3f"
                                + " ideal_per_repo_day=%.3f views=%d clones=%d referrers=%d paths=%d repository=%d releases=%d"
                                + " peak_hour_costing=%d max_repos_daily_avg=%d max_repos_peak_hour=%d"
                                + " gap_days=%d incomplete_days=%d syncs=%d failures=%d%n",
                        dbKind, r.repositories(), r.days(), r.interval(), etagCache, r.requests(), r.costing(), r.notModified(),
                        r.costingPerRepositoryDay(), r.requestsPerRepositoryDay(), r.notModifiedShare(),
                        BudgetRun.IDEAL_PER_REPOSITORY_DAY,
                        r.costingByEndpoint().get(io.tidemark.simulator.EndpointKind.VIEWS),
                        r.costingByEndpoint().get(io.tidemark.simulator.EndpointKind.CLONES),
                        r.costingByEndpoint().get(io.tidemark.simulator.EndpointKind.REFERRERS),
                        r.costingByEndpoint().get(io.tidemark.simulator.EndpointKind.PATHS),
                        r.costingByEndpoint().get(io.tidemark.simulator.EndpointKind.REPOSITORY),
                        r.costingByEndpoint().get(io.tidemark.simulator.EndpointKind.RELEASES),
                        r.peakHourCosting(), r.maxRepositoriesDailyAverage(), r.maxRepositoriesPeakHour(),
                        r.gapDays(), r.incompleteDays(), r.syncs(), r.failures());
            }
            default -> {
                System.err.println("unknown command " + args[0]);
                return 2;
            }
        }
        return 0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
