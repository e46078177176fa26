package io.tidemark.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One page of a repository's stargazers with the time each starred it, as a source answers it (for
 * GitHub, {@code GET /repos/{owner}/{repo}/stargazers?per_page=100&page=N} with {@code Accept:
 * application/vnd.github.star+json}): the users who star the repository now, oldest star first.
 * Stars taken back are not listed.
 *
 * @param fetchedAt the source's time of the answer
 * @param page the page's number, from 1
 * @param starredAt when each stargazer of the page starred the repository, in the source's order
 * @param last whether no page follows (GitHub: no {@code Link: rel="next"})
 */
public record StargazerPage(Instant fetchedAt, int page, List<Instant> starredAt, boolean last) {

    public StargazerPage {
        Checks.notNull("fetchedAt", fetchedAt);
        Checks.notNull("starredAt", starredAt);
        if (page < 1) {
            throw new InvalidInputException("page", "page must be at least 1, was " + page);
        }
        for (Instant at : starredAt) {
            Checks.notNull("starredAt", at);
        }
        starredAt = List.copyOf(starredAt);
    }

    /** The UTC day of the answer. */
    public LocalDate day() {
        return LocalDate.ofInstant(fetchedAt, ZoneOffset.UTC);
    }
}
