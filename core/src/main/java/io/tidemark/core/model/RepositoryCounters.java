package io.tidemark.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A source's answer about a repository's counters, at the source's time of the answer (for
 * GitHub, {@code GET /repos/{owner}/{repo}}: {@code stargazers_count}, {@code forks_count},
 * {@code subscribers_count}, {@code open_issues_count}).
 */
public record RepositoryCounters(Instant fetchedAt, int stars, int forks, int watchers, int openIssues) {

    public RepositoryCounters {
        Checks.notNull("fetchedAt", fetchedAt);
        Checks.notNegative("stars", stars);
        Checks.notNegative("forks", forks);
        Checks.notNegative("watchers", watchers);
        Checks.notNegative("openIssues", openIssues);
    }

    /** The UTC day the answer is kept under. */
    public LocalDate day() {
        return LocalDate.ofInstant(fetchedAt, ZoneOffset.UTC);
    }

    /** The counters as seen on {@link #day()}. */
    public RepositoryStats stats() {
        return new RepositoryStats(day(), stars, forks, watchers, openIssues);
    }
}
