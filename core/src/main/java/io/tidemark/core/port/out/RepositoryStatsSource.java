package io.tidemark.core.port.out;

import io.tidemark.core.model.ReleaseList;
import io.tidemark.core.model.RepositoryCounters;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.StargazerPage;

/**
 * Where a repository's counters and releases come from: GitHub's REST API ({@code GET
 * /repos/{owner}/{repo}} and {@code GET /repos/{owner}/{repo}/releases}; the GitHub adapter's
 * source implements this beside {@link TrafficSource}), or anything that answers like it.
 *
 * <p>A separate port from {@link TrafficSource}, so that a traffic source written before it keeps
 * compiling: a source that does not implement it simply gives no counters and releases (the
 * application then fetches none and says so at start-up).
 *
 * <p>This is a public extension point. What every implementation guarantees, as for {@link
 * TrafficSource}:
 *
 * <ul>
 *   <li><b>Whole answers or a failure.</b> Every method returns a complete answer, validated by the
 *       model's own constructors ({@link RepositoryCounters}, {@link ReleaseList}), or throws one
 *       of the {@link SourceFailure} outcomes; never a partly parsed answer, never another
 *       exception for a failure of the source. A release list is every release the source has
 *       (all pages), or a failure: never the first page alone when there are more.
 *   <li><b>The source's clock.</b> {@code fetchedAt} is the source's time of the answer (for
 *       GitHub, its {@code Date} header): it decides the UTC day the answer is kept under.
 *   <li><b>No call that cannot return new data.</b> An answer unchanged since the last one is
 *       fetched conditionally where the source allows it (GitHub: {@code If-None-Match}, a
 *       {@code 304} costs no budget) and given again stamped with the new answer's time.
 *   <li><b>Messages.</b> A failure's message says what happened in words a user can act on; it
 *       never holds a credential, a raw answer or a Java class name.
 *   <li><b>Threads.</b> Every method may be called from several threads at once.
 *   <li><b>Nulls.</b> Arguments are never null; results are never null.
 * </ul>
 */
public interface RepositoryStatsSource {

    /**
     * The repository's counters now: stars, forks, watchers, open issues.
     *
     * @throws SourceFailure when the source cannot or will not answer
     */
    RepositoryCounters fetchCounters(RepositoryId repository);

    /**
     * Every release of the repository with its assets' cumulative download counts. GitHub: the
     * first page of 100, and further pages only when the first is full.
     *
     * @throws SourceFailure when the source cannot or will not answer
     */
    ReleaseList fetchReleases(RepositoryId repository);

    /**
     * One page of the repository's stargazers with the time each starred it, oldest star first,
     * {@value io.tidemark.core.model.StarsBackfill#PER_PAGE} a page (GitHub: {@code GET
     * /repos/{owner}/{repo}/stargazers?per_page=100&page=N} with {@code Accept:
     * application/vnd.github.star+json}; the page is the last when no {@code Link: rel="next"}
     * follows). For the optional stars backfill ({@code TIDEMARK_STARS_BACKFILL}); a page is one
     * call, fetched conditionally like every other.
     *
     * @param page the page's number, from 1
     * @throws SourceFailure when the source cannot or will not answer
     */
    StargazerPage fetchStargazers(RepositoryId repository, int page);
}
