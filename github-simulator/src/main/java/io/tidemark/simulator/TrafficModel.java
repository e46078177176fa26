package io.tidemark.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The ground truth of one repository's traffic: every view and clone event, immutable. Build one
 * from explicit events ({@link #of}), from daily series such as real recorded traffic ({@link
 * #fromDailySeries}, {@link #realTraffic}), or generated from a seed ({@link #generated}).
 */
public final class TrafficModel {

    private static final Comparator<TrafficEvent> BY_TIME =
            Comparator.comparing(TrafficEvent::day).thenComparingInt(TrafficEvent::hour);

    private final List<TrafficEvent> views;
    private final List<TrafficEvent> clones;

    private TrafficModel(Collection<TrafficEvent> views, Collection<TrafficEvent> clones) {
        this.views = sorted(views);
        this.clones = sorted(clones);
    }

    /** A repository without any traffic. */
    public static TrafficModel empty() {
        return new TrafficModel(List.of(), List.of());
    }

    /** A model made of exactly these events. */
    public static TrafficModel of(Collection<TrafficEvent> views, Collection<TrafficEvent> clones) {
        return new TrafficModel(views, clones);
    }

    /**
     * Events reproducing daily series exactly: each day gets its count of events and its number of
     * distinct visitors, spread over the hours, with visitors returning across days.
     *
     * @param fullName {@code owner/repo}, used for the views' paths
     * @param seed makes the events deterministic
     */
    public static TrafficModel fromDailySeries(
            String fullName, long seed, DailySeries views, DailySeries clones) {
        var generator = new EventGenerator(seed);
        return new TrafficModel(generator.views(fullName, views), generator.clones(clones));
    }

    /**
     * A real recorded series shipped with this module (see {@code real-traffic/README.md}): {@code
     * awesome-jupyter} (2022-12-07 to 2023-02-23) or {@code azure-network-security} (2022-12-02 to
     * 2023-04-04).
     */
    public static TrafficModel realTraffic(String dataset, String fullName, long seed) {
        return fromDailySeries(
                fullName,
                seed,
                DailySeries.fromClasspath("real-traffic/" + dataset + ".views.csv"),
                DailySeries.fromClasspath("real-traffic/" + dataset + ".clones.csv"));
    }

    /**
     * Generated traffic from {@code from} to {@code to} (inclusive) with about {@code meanDailyViews}
     * views and a sixth as many clones a day, weekday peaks, spikes and empty days.
     */
    public static TrafficModel generated(
            String fullName, long seed, LocalDate from, LocalDate to, double meanDailyViews) {
        var generator = new EventGenerator(seed);
        DailySeries views = generator.series(from, to, meanDailyViews);
        DailySeries clones = generator.series(from, to, meanDailyViews / 6);
        return new TrafficModel(generator.views(fullName, views), generator.clones(clones));
    }

    /** All events of a kind, oldest first. */
    public List<TrafficEvent> events(TrafficKind kind) {
        return kind == TrafficKind.VIEWS ? views : clones;
    }

    /** The events of a kind with a time in [from, to), oldest first. */
    public List<TrafficEvent> between(TrafficKind kind, Instant from, Instant to) {
        List<TrafficEvent> all = events(kind);
        return all.subList(firstAtOrAfter(all, from), firstAtOrAfter(all, to));
    }

    private static int firstAtOrAfter(List<TrafficEvent> events, Instant time) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (events.get(mid).time().isBefore(time)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static List<TrafficEvent> sorted(Collection<TrafficEvent> events) {
        var list = new ArrayList<>(Objects.requireNonNull(events));
        list.sort(BY_TIME);
        return List.copyOf(list);
    }
}
