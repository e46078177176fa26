package io.tidemark.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Downloads per day from GitHub's cumulative asset counters ({@link Downloads#perDay}), against a
 * simulated truth: assets downloaded a random number of times each day, sometimes replaced
 * (deleted and uploaded again under a new id) or reset (the counter goes down), and seen on a
 * random subset of days.
 */
class DownloadsProperties {

    private static final LocalDate DAY0 = LocalDate.parse("2024-03-01");

    /**
     * What happened: per day and asset slot, the downloads of that day, and for each slot the days
     * on which it was replaced (new id, counter from 0) or reset (same id, counter from 0).
     */
    record Truth(int[][] downloads, boolean[][] replaced, boolean[][] reset, TreeSet<Integer> seen) {

        int days() {
            return downloads.length;
        }

        int slots() {
            return downloads[0].length;
        }

        /** The sightings of the seen days: each slot's asset id and cumulative counter that day. */
        List<ReleaseHistory.Sighting> sightings() {
            long[] ids = new long[slots()];
            int[] counters = new int[slots()];
            for (int s = 0; s < slots(); s++) {
                ids[s] = s + 1;
            }
            long nextId = 100;
            List<ReleaseHistory.Sighting> sightings = new ArrayList<>();
            for (int d = 0; d < days(); d++) {
                List<ReleaseAsset> assets = new ArrayList<>();
                for (int s = 0; s < slots(); s++) {
                    if (replaced[d][s]) {
                        ids[s] = nextId++;
                        counters[s] = 0;
                    } else if (reset[d][s]) {
                        counters[s] = 0;
                    }
                    counters[s] += downloads[d][s];
                    assets.add(new ReleaseAsset(ids[s], "asset-" + s, counters[s]));
                }
                if (seen.contains(d)) {
                    sightings.add(new ReleaseHistory.Sighting(DAY0.plusDays(d), assets));
                }
            }
            return sightings;
        }

        /** The true downloads of the days after {@code from} up to {@code to}. */
        long downloadsBetween(int from, int to) {
            long sum = 0;
            for (int d = from + 1; d <= to; d++) {
                for (int s = 0; s < slots(); s++) {
                    sum += downloads[d][s];
                }
            }
            return sum;
        }

        /** Whether some counter was replaced or reset on a day after {@code from} up to {@code to}. */
        boolean newBaselineBetween(int from, int to) {
            for (int d = from + 1; d <= to; d++) {
                for (int s = 0; s < slots(); s++) {
                    if (replaced[d][s] || reset[d][s]) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    @Provide
    Arbitrary<Truth> histories() {
        return Arbitraries.longs().map(seed -> {
            Random random = new Random(seed);
            int days = 1 + random.nextInt(30);
            int slots = 1 + random.nextInt(3);
            int[][] downloads = new int[days][slots];
            boolean[][] replaced = new boolean[days][slots];
            boolean[][] reset = new boolean[days][slots];
            for (int d = 0; d < days; d++) {
                for (int s = 0; s < slots; s++) {
                    downloads[d][s] = random.nextInt(4) == 0 ? 0 : random.nextInt(500);
                    if (d > 0 && random.nextInt(12) == 0) {
                        replaced[d][s] = true;
                    } else if (d > 0 && random.nextInt(15) == 0) {
                        reset[d][s] = true;
                    }
                }
            }
            TreeSet<Integer> seen = new TreeSet<>();
            for (int d = 0; d < days; d++) {
                if (random.nextInt(3) > 0) {
                    seen.add(d);
                }
            }
            return new Truth(downloads, replaced, reset, seen);
        });
    }

    @Property(tries = 500)
    void everySeenDayButTheFirstHasOneEntryAndNoDayIsNegative(@ForAll("histories") Truth truth) {
        List<DailyCount> perDay = Downloads.perDay(truth.sightings());

        List<LocalDate> expectedDays = truth.seen().stream().skip(1).map(DAY0::plusDays).toList();
        assertThat(perDay).extracting(DailyCount::day).containsExactlyElementsOf(expectedDays);
        assertThat(perDay).allSatisfy(entry -> assertThat(entry.count()).isNotNegative());
    }

    /**
     * The growth between two consecutive seen days, whatever the days not seen between them, is
     * attributed to the later one: exactly the downloads of those days when no counter started a
     * new baseline, never more than them when one did.
     */
    @Property(tries = 500)
    void eachDayShowsTheDownloadsSinceThePreviousSeenDay(@ForAll("histories") Truth truth) {
        List<DailyCount> perDay = Downloads.perDay(truth.sightings());

        List<Integer> seen = new ArrayList<>(truth.seen());
        for (int i = 1; i < seen.size(); i++) {
            long computed = perDay.get(i - 1).count();
            long real = truth.downloadsBetween(seen.get(i - 1), seen.get(i));
            if (truth.newBaselineBetween(seen.get(i - 1), seen.get(i))) {
                assertThat(computed).as("day %s (new baseline)", seen.get(i)).isLessThanOrEqualTo(real);
            } else {
                assertThat(computed).as("day %s", seen.get(i)).isEqualTo(real);
            }
        }
    }

    /** Without a new baseline the days add up to the growth of the total between the first and last seen day. */
    @Property(tries = 300)
    void withoutANewBaselineTheDaysAddUpToTheGrowthOfTheTotal(@ForAll("histories") Truth truth) {
        List<ReleaseHistory.Sighting> sightings = truth.sightings();
        if (sightings.size() < 2 || truth.newBaselineBetween(truth.seen().first(), truth.seen().last())) {
            return;
        }
        long first = total(sightings.get(0));
        long last = total(sightings.get(sightings.size() - 1));

        assertThat(Downloads.perDay(sightings).stream().mapToLong(DailyCount::count).sum()).isEqualTo(last - first);
    }

    /** Not seeing a day moves its downloads to the next seen day; no other day changes. */
    @Property(tries = 300)
    void aDayNotSeenMovesItsDownloadsToTheNextSeenDay(@ForAll("histories") Truth truth) {
        List<ReleaseHistory.Sighting> all = truth.sightings();
        if (all.size() < 3) {
            return;
        }
        int dropped = 1 + (int) (Math.abs((long) all.hashCode()) % (all.size() - 2));
        List<ReleaseHistory.Sighting> fewer = new ArrayList<>(all);
        fewer.remove(dropped);
        int before = truth.seen().stream().toList().get(dropped - 1);
        int after = truth.seen().stream().toList().get(dropped + 1);
        if (truth.newBaselineBetween(before, after)) {
            return;
        }
        List<DailyCount> full = Downloads.perDay(all);
        List<DailyCount> gap = Downloads.perDay(fewer);

        assertThat(gap).extracting(DailyCount::day).doesNotContain(all.get(dropped).day());
        assertThat(gap.get(dropped - 1).count()).isEqualTo(full.get(dropped - 1).count() + full.get(dropped).count());
        for (int i = 0; i < gap.size(); i++) {
            if (i != dropped - 1) {
                assertThat(gap.get(i)).isEqualTo(full.get(i < dropped - 1 ? i : i + 1));
            }
        }
    }

    /**
     * The case: a cumulative series with a missing day and a replaced asset. Two assets;
     * 4 March not seen; on 6 March {@code tool.zip} is replaced (new id 30, already downloaded 7
     * times that day); on 7 March the counter of {@code notes.pdf} goes down.
     */
    @Example
    void aCumulativeSeriesWithAMissingDayAndAReplacedAsset() {
        List<ReleaseHistory.Sighting> sightings = List.of(
                seen("2024-03-02", asset(10, "tool.zip", 100), asset(20, "notes.pdf", 5)),
                seen("2024-03-03", asset(10, "tool.zip", 130), asset(20, "notes.pdf", 6)),
                // 2024-03-04 not seen
                seen("2024-03-05", asset(10, "tool.zip", 190), asset(20, "notes.pdf", 9)),
                seen("2024-03-06", asset(30, "tool.zip", 7), asset(20, "notes.pdf", 10)),
                seen("2024-03-07", asset(30, "tool.zip", 27), asset(20, "notes.pdf", 2)),
                seen("2024-03-08", asset(30, "tool.zip", 30), asset(20, "notes.pdf", 4)));

        assertThat(Downloads.perDay(sightings)).containsExactly(
                // the first day seen is the baseline: absent
                new DailyCount(LocalDate.parse("2024-03-03"), 31),
                // 4 March is absent; its downloads are counted on 5 March
                new DailyCount(LocalDate.parse("2024-03-05"), 63),
                // the day of the replacement: only the other asset's growth; 7 is the new baseline
                new DailyCount(LocalDate.parse("2024-03-06"), 1),
                // the new asset grows from its baseline; notes.pdf went down: new baseline, adds 0
                new DailyCount(LocalDate.parse("2024-03-07"), 20),
                new DailyCount(LocalDate.parse("2024-03-08"), 5));
    }

    @Example
    void aReleaseSeenOnceHasNoDownloadsPerDayAndOneWithoutAssetsZeros() {
        assertThat(Downloads.perDay(List.of(seen("2024-03-02", asset(1, "a", 50))))).isEmpty();
        assertThat(Downloads.perDay(List.of(seen("2024-03-02"), seen("2024-03-04"))))
                .containsExactly(new DailyCount(LocalDate.parse("2024-03-04"), 0));
    }

    private static long total(ReleaseHistory.Sighting sighting) {
        return sighting.assets().stream().mapToLong(ReleaseAsset::downloadCount).sum();
    }

    private static ReleaseHistory.Sighting seen(String day, ReleaseAsset... assets) {
        return new ReleaseHistory.Sighting(LocalDate.parse(day), List.of(assets));
    }

    private static ReleaseAsset asset(long id, String name, int downloads) {
        return new ReleaseAsset(id, name, downloads);
    }
}
