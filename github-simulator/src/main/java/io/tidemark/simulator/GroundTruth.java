package io.tidemark.simulator;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Answers what really happened in a repository, independent of GitHub's 14-day window: count and
 * distinct visitors per UTC day, per Monday-start UTC week, or between two instants.
 */
public final class GroundTruth {

    private final TrafficModel model;

    GroundTruth(TrafficModel model) {
        this.model = model;
    }

    /** Count and uniques on a UTC day. */
    public Counts day(TrafficKind kind, LocalDate day) {
        return between(kind, start(day), start(day.plusDays(1)));
    }

    /** Count and uniques in the Monday-start UTC week containing {@code anyDayOfWeek}. */
    public Counts week(TrafficKind kind, LocalDate anyDayOfWeek) {
        LocalDate monday = mondayOf(anyDayOfWeek);
        return between(kind, start(monday), start(monday.plusWeeks(1)));
    }

    /** Count and uniques of the events with a time in [from, to). */
    public Counts between(TrafficKind kind, Instant from, Instant to) {
        return counts(model.between(kind, from, to));
    }

    /** Every day with traffic, oldest first. */
    public SortedMap<LocalDate, Counts> days(TrafficKind kind) {
        return group(model.events(kind), TrafficEvent::day);
    }

    /** Every Monday-start week with traffic, keyed by its Monday, oldest first. */
    public SortedMap<LocalDate, Counts> weeks(TrafficKind kind) {
        return group(model.events(kind), event -> mondayOf(event.day()));
    }

    /** The underlying model. */
    public TrafficModel model() {
        return model;
    }

    /** The Monday starting the week of {@code day}. */
    public static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static Counts counts(Collection<TrafficEvent> events) {
        var visitors = new HashSet<Long>();
        events.forEach(event -> visitors.add(event.visitor()));
        return new Counts(events.size(), visitors.size());
    }

    static SortedMap<LocalDate, Counts> group(
            Collection<TrafficEvent> events, Function<TrafficEvent, LocalDate> key) {
        var grouped = new TreeMap<LocalDate, List<TrafficEvent>>();
        events.forEach(e -> grouped.computeIfAbsent(key.apply(e), k -> new ArrayList<>()).add(e));
        var result = new TreeMap<LocalDate, Counts>();
        for (Map.Entry<LocalDate, List<TrafficEvent>> e : grouped.entrySet()) {
            result.put(e.getKey(), counts(e.getValue()));
        }
        return result;
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
