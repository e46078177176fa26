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
 * distinct visitors per UTC day, per Monday-start UTC week, or between two instants; and, through
 * {@link #activity()}, its stars, forks, watchers, open issues, releases and downloads at any instant.
 */
public final class GroundTruth {

    private final TrafficModel model;
    private final RepositoryActivity activity;

    GroundTruth(TrafficModel model) {
        this(model, RepositoryActivity.none(Instant.EPOCH));
    }

    GroundTruth(TrafficModel model, RepositoryActivity activity) {
        this.model = model;
        this.activity = activity;
    }

    /** Stars, forks, watchers, releases and downloads: everything but the traffic. */
    public RepositoryActivity activity() {
        return activity;
    }

    /** The counters of {@code GET /repos/{owner}/{repo}} at {@code at}. */
    public RepositoryCounters counters(Instant at) {
        return activity.countersAt(at);
    }

    /** The counters at the end of the UTC day {@code day}. */
    public RepositoryCounters counters(LocalDate day) {
        return activity.countersOn(day);
    }

    /** The stargazers at {@code at}, oldest star first (what {@code /stargazers} lists). */
    public List<RepositoryActivity.Star> stargazers(Instant at) {
        return activity.stargazersAt(at);
    }

    /** The releases published by {@code at}, newest first (what {@code /releases} lists). */
    public List<RepositoryActivity.Release> releases(Instant at) {
        return activity.releasesAt(at);
    }

    /** The cumulative download count of every asset listed at {@code at}, by asset id. */
    public SortedMap<Long, Long> downloads(Instant at) {
        var downloads = new TreeMap<Long, Long>();
        for (RepositoryActivity.Release release : activity.releasesAt(at)) {
            for (RepositoryActivity.Asset asset : release.assetsAt(at)) {
                downloads.put(asset.id(), asset.downloadCount(at));
            }
        }
        return downloads;
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
