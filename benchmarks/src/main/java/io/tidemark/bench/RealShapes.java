package io.tidemark.bench;

import io.tidemark.core.model.TrafficKind;
import io.tidemark.simulator.Counts;
import io.tidemark.simulator.DailySeries;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Realistic daily traffic for any number of repositories, from the real traffic series of the
 * GitHub simulator ({@code real-traffic/*.csv}): each repository takes one of the real series,
 * starts at its own offset in it (the series repeats), and is scaled by its own log-normal factor,
 * so that a thousand repositories have a thousand different, real-looking histories, from a few
 * views a month to thousands a day. Deterministic for a given seed.
 */
public final class RealShapes {

    static final List<String> DATASETS = List.of("awesome-jupyter", "azure-network-security");

    private final long[][][] views; // [dataset][day] -> {count, uniques}
    private final long[][][] clones;
    private final long seed;

    public RealShapes(long seed) {
        this.seed = seed;
        views = new long[DATASETS.size()][][];
        clones = new long[DATASETS.size()][][];
        for (int i = 0; i < DATASETS.size(); i++) {
            views[i] = dense(DailySeries.fromClasspath("real-traffic/" + DATASETS.get(i) + ".views.csv"));
            clones[i] = dense(DailySeries.fromClasspath("real-traffic/" + DATASETS.get(i) + ".clones.csv"));
        }
    }

    /** One series per day from the first to the last day of the CSV, with 0 on absent days. */
    private static long[][] dense(DailySeries series) {
        LocalDate first = series.days().firstKey();
        int length = (int) (series.days().lastKey().toEpochDay() - first.toEpochDay()) + 1;
        long[][] dense = new long[length][2];
        series.days().forEach((day, counts) -> {
            int at = (int) (day.toEpochDay() - first.toEpochDay());
            dense[at][0] = counts.count();
            dense[at][1] = counts.uniques();
        });
        return dense;
    }

    /** The traffic of one repository: count and uniques per day index (0 = its first day). */
    public Shape shape(int repositoryIndex) {
        Random random = new Random(seed * 1_000_003L + repositoryIndex);
        int dataset = repositoryIndex % DATASETS.size();
        double scale = Math.min(20, Math.max(0.05, Math.exp(random.nextGaussian())));
        int offset = random.nextInt(1_000);
        return new Shape(views[dataset], clones[dataset], scale, offset);
    }

    /** A scaled, shifted real series. */
    public static final class Shape {
        private final long[][] views;
        private final long[][] clones;
        private final double scale;
        private final int offset;

        Shape(long[][] views, long[][] clones, double scale, int offset) {
            this.views = views;
            this.clones = clones;
            this.scale = scale;
            this.offset = offset;
        }

        /** Count and uniques of day {@code day}: 1 <= uniques <= count, or both 0. */
        public Counts day(TrafficKind kind, int day) {
            long[][] series = kind == TrafficKind.VIEWS ? views : clones;
            long[] raw = series[Math.floorMod(offset + day, series.length)];
            long count = Math.round(raw[0] * scale);
            if (count == 0) {
                return new Counts(0, 0);
            }
            long uniques = Math.max(1, Math.min(count, Math.round(raw[1] * scale)));
            return new Counts(count, uniques);
        }
    }
}
