package io.tidemark.simulator;

/**
 * A repository's counters at one instant, as {@code GET /repos/{owner}/{repo}} reports them.
 *
 * @param stars {@code stargazers_count} (also {@code watchers_count} and {@code watchers}, as on GitHub)
 * @param forks {@code forks_count} (also {@code forks} and {@code network_count})
 * @param watchers {@code subscribers_count}: the people watching the repository
 * @param openIssues {@code open_issues_count} (also {@code open_issues}): open issues and pull requests
 */
public record RepositoryCounters(long stars, long forks, long watchers, long openIssues) {}
