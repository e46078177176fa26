package io.tidemark.storage;

import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.Observations;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficBucket;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.testing.KeptHistoryOracle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;

/** Builders of test data. */
final class Fixtures {

    private Fixtures() {}

    static RepositoryId repo(String nameWithOwner) {
        return RepositoryId.parse(nameWithOwner);
    }

    static Instant instant(String iso) {
        return Instant.parse(iso);
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    static TrafficBucket bucket(String day, int count, int uniques) {
        return new TrafficBucket(day(day), count, uniques);
    }

    static TrafficWindow views(String fetchedAt, TrafficBucket... buckets) {
        return window(TrafficKind.VIEWS, Granularity.DAY, fetchedAt, buckets);
    }

    static TrafficWindow window(TrafficKind kind, Granularity granularity, String fetchedAt, TrafficBucket... buckets) {
        int count = 0;
        int uniques = 0;
        for (TrafficBucket bucket : buckets) {
            count += bucket.count();
            uniques = Math.max(uniques, bucket.uniques());
        }
        return new TrafficWindow(kind, granularity, instant(fetchedAt), count, uniques, List.of(buckets));
    }

    /** What core makes of each answer, in the same order. */
    static List<Observations> observationsOf(Collection<TrafficWindow> windows) {
        return windows.stream().map(TrafficWindow::observations).toList();
    }

    static KeptBucket kept(String day, int count, int uniques, boolean complete) {
        return new KeptBucket(day(day), count, uniques, complete);
    }

    /**
     * Windows as GitHub could answer them: every kind and granularity, fetched at irregular
     * times over about a month so that they overlap (some exactly on the hour, some at
     * midnight, where the oldest day is whole), with random traffic on most buckets the window
     * touches ({@link KeptHistoryOracle#touchedBuckets}).
     */
    static List<TrafficWindow> randomWindows(long seed, int howMany) {
        Random random = new Random(seed);
        Instant base = instant("2026-01-05T00:00:00Z");
        List<TrafficWindow> windows = new ArrayList<>(howMany);
        for (int i = 0; i < howMany; i++) {
            TrafficKind kind = TrafficKind.values()[random.nextInt(2)];
            Granularity granularity = Granularity.values()[random.nextInt(2)];
            Instant at = base.plusSeconds(i * 7_919L * 60 + random.nextInt(3_600) * 60L);
            Instant fetchedAt = switch (random.nextInt(6)) {
                case 0 -> at.truncatedTo(ChronoUnit.DAYS);
                case 1 -> at.truncatedTo(ChronoUnit.HOURS);
                default -> at;
            };
            List<TrafficBucket> buckets = new ArrayList<>();
            int total = 0;
            for (LocalDate start : KeptHistoryOracle.touchedBuckets(granularity, fetchedAt)) {
                if (random.nextInt(10) < 7) {
                    int count = random.nextInt(60);
                    int uniques = count == 0 ? 0 : random.nextInt(count + 1);
                    buckets.add(new TrafficBucket(start, count, uniques));
                    total += count;
                }
            }
            windows.add(new TrafficWindow(kind, granularity, fetchedAt, total, random.nextInt(total + 1), buckets));
        }
        return windows;
    }

    /**
     * What merging {@code windows} must keep for one kind and granularity, from the independent
     * oracle of core's test jar (never from the merge code under test).
     */
    static List<KeptBucket> expectedMerge(Collection<TrafficWindow> windows, TrafficKind kind, Granularity granularity) {
        return KeptHistoryOracle.keptHistory(windows, kind, granularity);
    }
}
