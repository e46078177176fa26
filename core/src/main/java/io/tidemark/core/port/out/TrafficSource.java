package io.tidemark.core.port.out;

import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import java.util.List;

/**
 * Where traffic comes from: GitHub's REST traffic API (the GitHub adapter), or anything that
 * answers like it: a GitHub Enterprise Server, an archive of earlier exports.
 *
 * <p>This is a public extension point. What every implementation guarantees:
 *
 * <ul>
 *   <li><b>Whole answers or a failure.</b> Every method returns a complete answer, validated by
 *       the model's own constructors ({@link TrafficWindow}, {@link TopReferrers}, {@link
 *       TopPaths}), or throws one of the {@link SourceFailure} outcomes; never a partly parsed
 *       answer, never another exception for a failure of the source.
 *   <li><b>The source's clock.</b> A window's {@code fetchedAt} and a snapshot's {@code takenAt}
 *       are the source's time of the answer (for GitHub, its {@code Date} header), because the
 *       window and the day a snapshot belongs to are the source's.
 *   <li><b>Messages.</b> A failure's message says what happened in words a user can act on; it
 *       never holds a credential, a raw answer or a Java class name.
 *   <li><b>Threads.</b> Every method may be called from several threads at once.
 *   <li><b>Nulls.</b> Arguments are never null; results are never null.
 * </ul>
 */
public interface TrafficSource {

    /**
     * The source's current window of views or clones, per day or per week: for GitHub, a rolling
     * 14 x 24 hours (15 daily or 3 weekly buckets, the oldest cut at the hour of the answer).
     *
     * @return a window of exactly the requested kind and granularity
     * @throws SourceFailure when the source cannot or will not answer
     */
    TrafficWindow fetchWindow(RepositoryId repository, TrafficKind kind, Granularity granularity);

    /**
     * The source's top-10 referrers over the 14 days before the answer.
     *
     * @throws SourceFailure when the source cannot or will not answer
     */
    TopReferrers fetchTopReferrers(RepositoryId repository);

    /**
     * The source's top-10 popular paths over the 14 days before the answer.
     *
     * @throws SourceFailure when the source cannot or will not answer
     */
    TopPaths fetchTopPaths(RepositoryId repository);

    /**
     * Every repository of a user or organisation whose traffic the source can read (on GitHub:
     * push access), across all pages, each once.
     *
     * @throws SourceFailure when the source cannot or will not answer ({@link
     *     SourceFailure.NotFound} when it does not know the owner)
     */
    List<RepositoryId> listReadableRepositories(String owner);
}
