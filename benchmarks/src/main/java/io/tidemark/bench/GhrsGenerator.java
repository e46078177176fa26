package io.tidemark.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a github-repo-stats data folder for the import benchmark ({@code bench/import-export.sh},
 * {@code docs/benchmarks.md}), with the JDK alone, so it runs as a single source file without a
 * build:
 *
 * <pre>
 * java benchmarks/src/main/java/io/tidemark/bench/GhrsGenerator.java ROOT [REPOS [DAYS [FIRST_DAY [SEED]]]]
 * </pre>
 *
 * (defaults: 100 repositories, 3,650 days from 2016-01-01, seed 42). For repository {@code i}:
 * {@code ROOT/bench-owner/repo-NNN/ghrs-data/views_clones_aggregate.csv}, one row per day with
 * both views and clones (so 2 x DAYS daily figures), and {@value #SNAPSHOTS} referrer snapshots
 * {@code snapshots/YYYY-MM-DD_HHMMSS_top_referrers_snapshot.csv} of 1 to 10 rows, on the last days
 * of the range. Figures are seeded-random (one {@link SplittableRandom} per repository, from the
 * seed and {@code i}), uniques never above counts: the same arguments write the same bytes.
 * Prints one {@code RESULT ghrs ...} line.
 */
public final class GhrsGenerator {

    static final String OWNER = "bench-owner";
    static final int SNAPSHOTS = 5;
    private static final DateTimeFormatter SNAPSHOT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'_'HHmmss", Locale.ROOT);
    private static final String[] REFERRERS = {
        "github.com", "google.com", "news.ycombinator.com", "reddit.com", "stackoverflow.com",
        "duckduckgo.com", "bing.com", "t.co", "dev.to", "medium.com", "lobste.rs", "linkedin.com",
    };

    private GhrsGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: GhrsGenerator ROOT [REPOS [DAYS [FIRST_DAY [SEED]]]]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        int repos = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 3650;
        LocalDate first = args.length > 3 ? LocalDate.parse(args[3]) : LocalDate.of(2016, 1, 1);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42L;
        long started = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        int snapshots = 0;
        for (int i = 0; i < repos; i++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
            Path data = root.resolve(OWNER).resolve(String.format(Locale.ROOT, "repo-%03d", i)).resolve("ghrs-data");
            Files.createDirectories(data.resolve("snapshots"));
            // Each repository its own scale: from a few views a day to a few thousand.
            double scale = Math.exp(random.nextDouble(0, 7));
            Path aggregate = data.resolve("views_clones_aggregate.csv");
            try (BufferedWriter out = Files.newBufferedWriter(aggregate, StandardCharsets.UTF_8)) {
                out.write("time_iso8601,clones_total,clones_unique,views_total,views_unique\n");
                for (int d = 0; d < days; d++) {
                    LocalDate day = first.plusDays(d);
                    int views = figure(random, scale);
                    int viewsUnique = uniques(random, views);
                    int clones = figure(random, scale / 8);
                    int clonesUnique = uniques(random, clones);
                    out.write(day + " 00:00:00+00:00," + clones + "," + clonesUnique + "," + views + "," + viewsUnique + "\n");
                    rows++;
                }
            }
            bytes += Files.size(aggregate);
            LocalDate last = first.plusDays(days - 1L);
            for (int s = 0; s < SNAPSHOTS; s++) {
                LocalDate day = last.minusDays(7L * (SNAPSHOTS - 1 - s));
                String time = day.atTime(random.nextInt(24), random.nextInt(60), random.nextInt(60)).format(SNAPSHOT_TIME);
                Path snapshot = data.resolve("snapshots").resolve(time + "_top_referrers_snapshot.csv");
                try (BufferedWriter out = Files.newBufferedWriter(snapshot, StandardCharsets.UTF_8)) {
                    out.write("referrer,views_total,views_unique\n");
                    int entries = 1 + random.nextInt(10);
                    int views = figure(random, scale * 3) + entries;
                    for (int e = 0; e < entries; e++) {
                        int count = Math.max(1, views / (e + 2));
                        out.write(REFERRERS[(i + e) % REFERRERS.length] + "," + count + "," + uniques(random, count) + "\n");
                    }
                }
                bytes += Files.size(snapshot);
                snapshots++;
            }
        }
        System.out.printf(Locale.ROOT, "RESULT ghrs repos=%d days=%d first=%s last=%s rows=%d daily_figures=%d snapshots=%d bytes=%d seed=%d seconds=%.3f%n",
                repos, days, first, first.plusDays(days - 1L), rows, 2 * rows, snapshots, bytes, seed,
                (System.nanoTime() - started) / 1e9);
    }

    /** A day's count around {@code scale}, log-normal (skewed), 0 on about 3% of the days. */
    private static int figure(SplittableRandom random, double scale) {
        double weekly = random.nextDouble();
        if (weekly < 0.03) {
            return 0;
        }
        return (int) Math.round(scale * Math.exp(random.nextGaussian() * 0.6));
    }

    private static int uniques(SplittableRandom random, int count) {
        return count == 0 ? 0 : 1 + random.nextInt(count);
    }
}
