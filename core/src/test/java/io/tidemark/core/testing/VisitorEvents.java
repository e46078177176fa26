package io.tidemark.core.testing;

import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.TrafficBucket;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Ground truth for tests: individual visits (an hour and a visitor), from which GitHub's answers
 * at any moment are computed the way GitHub computes them. Written independently of {@link
 * TrafficWindow#observations()}, so that tests compare two derivations of the same facts.
 */
public final class VisitorEvents {

    /** One visit during the hour starting at {@code hour}. */
    public record Visit(Instant hour, int visitor) {}

    /** Count and distinct visitors of some set of visits. */
    public record Figures(int count, int uniques) {
        public static final Figures NONE = new Figures(0, 0);

        public Figures max(Figures other) {
            return new Figures(Math.max(count, other.count), Math.max(uniques, other.uniques));
        }
    }

    private final List<Visit> visits;

    public VisitorEvents(List<Visit> visits) {
        this.visits = List.copyOf(visits);
    }

    /**
     * Random traffic over {@code days} days from {@code firstDay}: some days empty, busy days with
     * up to a few dozen visits from a pool of returning visitors.
     */
    public static VisitorEvents random(Random random, LocalDate firstDay, int days, int visitorPool) {
        List<Visit> visits = new ArrayList<>();
        Instant start = Granularity.startOf(firstDay);
        for (int day = 0; day < days; day++) {
            if (random.nextInt(5) == 0) {
                continue; // a day without traffic, absent from GitHub's answers
            }
            int count = 1 + random.nextInt(40);
            for (int i = 0; i < count; i++) {
                Instant hour = start.plus(Duration.ofDays(day)).plus(Duration.ofHours(random.nextInt(24)));
                visits.add(new Visit(hour, random.nextInt(visitorPool)));
            }
        }
        return new VisitorEvents(visits);
    }

    /** The instant GitHub's window starts for a fetch at {@code fetchedAt}. */
    public static Instant windowStart(Instant fetchedAt) {
        return fetchedAt.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(14));
    }

    /** Whether a visit counts in a fetch at {@code fetchedAt}. */
    public static boolean inWindow(Instant hour, Instant fetchedAt) {
        return !hour.isBefore(windowStart(fetchedAt)) && hour.isBefore(fetchedAt);
    }

    /** What GitHub answers at {@code fetchedAt}: buckets with traffic inside the window. */
    public TrafficWindow answerAt(TrafficKind kind, Granularity granularity, Instant fetchedAt) {
        Map<LocalDate, List<Visit>> byBucket = new TreeMap<>();
        List<Visit> inside = new ArrayList<>();
        for (Visit visit : visits) {
            if (inWindow(visit.hour(), fetchedAt)) {
                inside.add(visit);
                byBucket.computeIfAbsent(bucketOf(granularity, visit.hour()), day -> new ArrayList<>()).add(visit);
            }
        }
        List<TrafficBucket> buckets = new ArrayList<>();
        byBucket.forEach((start, bucketVisits) -> {
            Figures figures = figuresOf(bucketVisits);
            buckets.add(TrafficBucket.at(Granularity.startOf(start), figures.count(), figures.uniques()));
        });
        Figures total = figuresOf(inside);
        return new TrafficWindow(kind, granularity, fetchedAt, total.count(), total.uniques(), buckets);
    }

    /** The whole truth of one bucket. */
    public Figures truth(Granularity granularity, LocalDate start) {
        return figures(visit -> bucketOf(granularity, visit.hour()).equals(start));
    }

    /** What a fetch at {@code fetchedAt} shows of one bucket. */
    public Figures seen(Granularity granularity, LocalDate start, Instant fetchedAt) {
        return figures(visit -> bucketOf(granularity, visit.hour()).equals(start) && inWindow(visit.hour(), fetchedAt));
    }

    private Figures figures(Predicate<Visit> filter) {
        List<Visit> matching = visits.stream().filter(filter).toList();
        return figuresOf(matching);
    }

    private static Figures figuresOf(List<Visit> visits) {
        Set<Integer> visitors = new HashSet<>();
        for (Visit visit : visits) {
            visitors.add(visit.visitor());
        }
        return new Figures(visits.size(), visitors.size());
    }

    private static LocalDate bucketOf(Granularity granularity, Instant hour) {
        return granularity.bucketStart(LocalDate.ofInstant(hour, ZoneOffset.UTC));
    }
}
