package io.tidemark.bench;

import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.Observations;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.PopularPath;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrafficBucket;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.simulator.Counts;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Writes N repositories x D days of realistic history through the {@link TrafficStore} port, as
 * GitHub would have shown it to a keeper that fetched every 14 days: for each repository and kind,
 * one day window and one week window per 14 days, fetched at a Monday's midnight (so every day and
 * week bucket is complete), then one referrer and one path snapshot of the last day.
 *
 * <p>Days: the D days (rounded up to whole 14-day windows) that end the day before {@code end}, a
 * Monday. Weekly uniques are not the sum of daily uniques (a visitor of two days is one weekly
 * unique): they are the largest daily uniques of the week plus a third of the rest.
 *
 * <p>Repositories are written by {@code threads} threads, each repository by one thread: either
 * one window per {@link TrafficStore#merge} call (one transaction each, exactly like syncs), or,
 * in bulk, all windows of a repository in one {@link TrafficStore#mergeAll} call (one
 * transaction and one upsert batch in the storage adapter).
 */
public final class HistorySeeder {

    /** What one seeding did. */
    public record Result(
            int repositories, int days, long windows, long buckets, long dayBuckets,
            double mergeSeconds, double snapshotSeconds) {

        public double bucketsPerSecond() {
            return buckets / mergeSeconds;
        }
    }

    public static final String OWNER = "bench";

    private final TrafficStore store;
    private final boolean bulk;
    private final RealShapes shapes;

    /** Merges one window per call. */
    public HistorySeeder(TrafficStore store, long seed) {
        this(store, false, seed);
    }

    /** Merges all windows of a repository in one {@link TrafficStore#mergeAll} call when {@code bulk}. */
    public HistorySeeder(TrafficStore store, boolean bulk, long seed) {
        this.store = store;
        this.bulk = bulk;
        this.shapes = new RealShapes(seed);
    }

    /** The name of repository {@code i} of a seeding: {@code bench/repo-0007}. */
    public static RepositoryId repository(int i) {
        return repository(OWNER, i);
    }

    /** The name of repository {@code i} of a seeding for {@code owner}. */
    public static RepositoryId repository(String owner, int i) {
        return RepositoryId.of(owner, String.format("repo-%04d", i));
    }

    /** D rounded up to whole 14-day windows. */
    public static int roundedDays(int days) {
        return (days + 13) / 14 * 14;
    }

    /** The Monday on or before {@code day}. */
    public static LocalDate mondayOnOrBefore(LocalDate day) {
        return day.minusDays(day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
    }

    public Result seed(int repositories, int days, LocalDate end, int threads) throws Exception {
        return seed(OWNER, repositories, days, end, threads);
    }

    public Result seed(String owner, int repositories, int days, LocalDate end, int threads) throws Exception {
        return seed(owner, repositories, days, end, threads, 1);
    }

    /**
     * As {@link #seed(String, int, int, LocalDate, int)}, with {@code snapshots} referrer and path
     * snapshots per repository instead of one: on the last day and every 7 days before it (the
     * referrer counts differ a little from day to day).
     */
    public Result seed(String owner, int repositories, int days, LocalDate end, int threads, int snapshots) throws Exception {
        if (snapshots < 1) {
            throw new IllegalArgumentException("snapshots must be at least 1, was " + snapshots);
        }
        if (end.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("end must be a Monday, was " + end);
        }
        int rounded = roundedDays(days);
        Instant trackedAt = end.minusDays(rounded).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int i = 0; i < repositories; i++) {
            store.track(repository(owner, i), trackedAt);
        }
        LongAdder windows = new LongAdder();
        LongAdder buckets = new LongAdder();
        LongAdder dayBuckets = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < repositories; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    RealShapes.Shape shape = shapes.shape(index);
                    List<TrafficWindow> all = windows(shape, rounded, end);
                    List<Observations> observations = all.stream().map(TrafficWindow::observations).toList();
                    if (bulk) {
                        store.mergeAll(Map.of(repository(owner, index), observations));
                    }
                    for (Observations one : observations) {
                        if (!bulk) {
                            store.merge(repository(owner, index), one);
                        }
                        int observed = one.buckets().size();
                        windows.increment();
                        buckets.add(observed);
                        if (one.granularity() == Granularity.DAY) {
                            dayBuckets.add(observed);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            double mergeSeconds = (System.nanoTime() - started) / 1e9;
            long snapshotsStarted = System.nanoTime();
            Instant takenAt = end.atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(3_600);
            List<Future<?>> saved = new ArrayList<>();
            for (int i = 0; i < repositories; i++) {
                int index = i;
                saved.add(pool.submit(() -> {
                    for (int k = snapshots - 1; k >= 0; k--) {
                        Instant at = takenAt.minus(java.time.Duration.ofDays(7L * k));
                        store.save(repository(owner, index), referrers(owner, index + k, at));
                        store.save(repository(owner, index), paths(owner, index, at));
                    }
                    return null;
                }));
            }
            for (Future<?> future : saved) {
                future.get();
            }
            double snapshotSeconds = (System.nanoTime() - snapshotsStarted) / 1e9;
            return new Result(repositories, rounded, windows.sum(), buckets.sum(), dayBuckets.sum(),
                    mergeSeconds, snapshotSeconds);
        } finally {
            pool.shutdown();
        }
    }

    /** The windows a keeper fetching every 14 days at a Monday's midnight would have merged. */
    static List<TrafficWindow> windows(RealShapes.Shape shape, int days, LocalDate end) {
        List<TrafficWindow> windows = new ArrayList<>();
        LocalDate first = end.minusDays(days);
        for (LocalDate fetchDay = first.plusDays(14); !fetchDay.isAfter(end); fetchDay = fetchDay.plusDays(14)) {
            Instant fetchedAt = fetchDay.atStartOfDay(ZoneOffset.UTC).toInstant();
            for (TrafficKind kind : TrafficKind.values()) {
                List<TrafficBucket> dayBuckets = new ArrayList<>();
                List<TrafficBucket> weekBuckets = new ArrayList<>();
                long windowCount = 0;
                long windowUniques = 0;
                long weekCount = 0;
                long weekMaxUniques = 0;
                long weekUniquesSum = 0;
                for (int d = 0; d < 14; d++) {
                    LocalDate day = fetchDay.minusDays(14 - d);
                    Counts counts = shape.day(kind, (int) (day.toEpochDay() - first.toEpochDay()));
                    if (counts.count() > 0) {
                        dayBuckets.add(new TrafficBucket(day, (int) counts.count(), (int) counts.uniques()));
                    }
                    windowCount += counts.count();
                    windowUniques = Math.max(windowUniques, counts.uniques());
                    weekCount += counts.count();
                    weekMaxUniques = Math.max(weekMaxUniques, counts.uniques());
                    weekUniquesSum += counts.uniques();
                    if (d % 7 == 6) {
                        if (weekCount > 0) {
                            long uniques = weekMaxUniques + (weekUniquesSum - weekMaxUniques) / 3;
                            weekBuckets.add(new TrafficBucket(day.minusDays(6), (int) weekCount, (int) uniques));
                        }
                        weekCount = 0;
                        weekMaxUniques = 0;
                        weekUniquesSum = 0;
                    }
                }
                int uniques = (int) Math.min(windowCount, windowUniques * 2);
                windows.add(new TrafficWindow(kind, Granularity.DAY, fetchedAt, (int) windowCount, uniques, dayBuckets));
                windows.add(new TrafficWindow(kind, Granularity.WEEK, fetchedAt, (int) windowCount, uniques, weekBuckets));
            }
        }
        return windows;
    }

    private static TopReferrers referrers(String owner, int index, Instant takenAt) {
        String[] sources = {"github.com", "google.com", "news.ycombinator.com", "reddit.com", "t.co",
            "stackoverflow.com", "bing.com", "duckduckgo.com", "dev.to", "medium.com"};
        List<Referrer> referrers = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            int count = (10 - i) * (3 + index % 7);
            referrers.add(new Referrer(sources[i], count, Math.max(1, count / 3)));
        }
        return new TopReferrers(takenAt, referrers);
    }

    private static TopPaths paths(String owner, int index, Instant takenAt) {
        List<PopularPath> paths = new ArrayList<>();
        String base = "/" + repository(owner, index).nameWithOwner();
        String[] suffixes = {"", "/issues", "/pulls", "/blob/main/README.md", "/releases", "/wiki",
            "/actions", "/discussions", "/tree/main/docs", "/graphs/traffic"};
        for (int i = 0; i < suffixes.length; i++) {
            int count = (10 - i) * (2 + index % 5);
            paths.add(new PopularPath(base + suffixes[i], "Title " + i, count, Math.max(1, count / 2)));
        }
        return new TopPaths(takenAt, paths);
    }
}
