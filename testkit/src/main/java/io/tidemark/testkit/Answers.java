package io.tidemark.testkit;

import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.TrafficBucket;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.model.WindowTotals;
import io.tidemark.core.testing.VisitorEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Source answers for the store contracts: written by hand, or computed the way GitHub computes
 * them from random visits ({@link VisitorEvents}). Expectations about them come from the raw
 * answers (their record components), never from a store or core's merge code.
 */
public final class Answers {

    private Answers() {}

    /** A bucket GitHub returned for the day {@code day} (ISO date). */
    public static TrafficBucket bucket(String day, int count, int uniques) {
        return new TrafficBucket(LocalDate.parse(day), count, uniques);
    }

    /** A daily views answer fetched at {@code fetchedAt} (ISO instant), totals 0. */
    public static TrafficWindow views(String fetchedAt, TrafficBucket... buckets) {
        return new TrafficWindow(TrafficKind.VIEWS, Granularity.DAY, Instant.parse(fetchedAt), 0, 0, List.of(buckets));
    }

    /**
     * An answer with the given totals and one bucket carrying them, three days before the fetch
     * (the start of its week for weekly answers).
     */
    public static TrafficWindow window(
            TrafficKind kind, Granularity granularity, String fetchedAt, int count, int uniques) {
        Instant at = Instant.parse(fetchedAt);
        LocalDate day = LocalDate.parse(fetchedAt.substring(0, 10)).minusDays(3);
        return new TrafficWindow(kind, granularity, at, count, uniques,
                List.of(new TrafficBucket(granularity.bucketStart(day), count, uniques)));
    }

    /**
     * {@code howMany} answers GitHub would give over 80 days of random visits, at random moments
     * (some on the hour, some at midnight) of random kinds and granularities, in fetch order.
     */
    public static List<TrafficWindow> random(Random random, int howMany) {
        VisitorEvents truth = VisitorEvents.random(random, LocalDate.of(2024, 1, 1), 80, 30);
        List<TrafficWindow> answers = new ArrayList<>();
        Instant at = Instant.parse("2024-01-15T00:00:00Z");
        for (int i = 0; i < howMany; i++) {
            at = at.plus(Duration.ofMinutes(random.nextInt(10 * 24 * 60)));
            Instant fetchedAt = switch (random.nextInt(4)) {
                case 0 -> at.truncatedTo(ChronoUnit.DAYS);
                case 1 -> at.truncatedTo(ChronoUnit.HOURS);
                default -> at.truncatedTo(ChronoUnit.SECONDS);
            };
            answers.add(truth.answerAt(
                    TrafficKind.values()[random.nextInt(2)], Granularity.values()[random.nextInt(2)], fetchedAt));
        }
        return answers;
    }

    /**
     * The window totals a history must keep of {@code answers}: one per fetch instant of the
     * kind and granularity, each figure the maximum over the answers of that instant, oldest
     * first. Built from the answers' components.
     */
    public static List<WindowTotals> expectedTotals(
            Collection<TrafficWindow> answers, TrafficKind kind, Granularity granularity) {
        Map<Instant, int[]> byFetch = new TreeMap<>();
        for (TrafficWindow answer : answers) {
            if (answer.kind() == kind && answer.granularity() == granularity) {
                int[] figures = byFetch.computeIfAbsent(answer.fetchedAt(), at -> new int[2]);
                figures[0] = Math.max(figures[0], answer.count());
                figures[1] = Math.max(figures[1], answer.uniques());
            }
        }
        List<WindowTotals> totals = new ArrayList<>();
        byFetch.forEach((at, figures) -> totals.add(new WindowTotals(kind, granularity, at, figures[0], figures[1])));
        return totals;
    }
}
