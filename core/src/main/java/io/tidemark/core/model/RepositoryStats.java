package io.tidemark.core.model;

import java.time.LocalDate;

/**
 * A repository's counters as kept for one UTC day: stars, forks, watchers (GitHub's {@code
 * subscribers_count}) and open issues (GitHub's {@code open_issues_count}, which counts open pull
 * requests too). A counter that was not seen that day is null (not seen is never 0). Counters are
 * kept as seen, never as a maximum: stars can go down.
 */
public record RepositoryStats(LocalDate day, Integer stars, Integer forks, Integer watchers, Integer openIssues) {

    public RepositoryStats {
        Checks.notNull("day", day);
        notNegative("stars", stars);
        notNegative("forks", forks);
        notNegative("watchers", watchers);
        notNegative("openIssues", openIssues);
    }

    /** A day on which one counter alone was seen (an imported figure). */
    public static RepositoryStats of(LocalDate day, HistoryFact.Counter counter, int value) {
        return new RepositoryStats(day, null, null, null, null).with(counter, value);
    }

    /** The counter, or null when it was not seen that day. */
    public Integer get(HistoryFact.Counter counter) {
        return switch (counter) {
            case STARS -> stars;
            case FORKS -> forks;
            case WATCHERS -> watchers;
            case OPEN_ISSUES -> openIssues;
        };
    }

    /** This day with {@code counter} seen as {@code value}. */
    public RepositoryStats with(HistoryFact.Counter counter, Integer value) {
        return switch (counter) {
            case STARS -> new RepositoryStats(day, value, forks, watchers, openIssues);
            case FORKS -> new RepositoryStats(day, stars, value, watchers, openIssues);
            case WATCHERS -> new RepositoryStats(day, stars, forks, value, openIssues);
            case OPEN_ISSUES -> new RepositoryStats(day, stars, forks, watchers, value);
        };
    }

    /** Whether every counter was seen that day. */
    public boolean hasEveryCounter() {
        return stars != null && forks != null && watchers != null && openIssues != null;
    }

    /** Whether no counter was seen (such a day is never kept). */
    public boolean isEmpty() {
        return stars == null && forks == null && watchers == null && openIssues == null;
    }

    private static void notNegative(String field, Integer value) {
        if (value != null) {
            Checks.notNegative(field, value);
        }
    }
}
