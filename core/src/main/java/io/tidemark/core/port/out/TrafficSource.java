package io.tidemark.core.port.out;

import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import java.util.List;

/**
 * Where traffic comes from: GitHub's REST traffic API, or anything that answers like it.
 *
 * <p>This is a public extension point: implement it to read traffic from another place (a GitHub
 * Enterprise Server, an archive of earlier exports). Every method either returns a complete,
 * validated answer or throws one of the {@link SourceFailure} outcomes; it never returns a
 * partly parsed answer. Implementations must be safe for use from several threads.
 */
public interface TrafficSource {

    /**
     * GitHub's rolling 14-day window of views or clones per day or per week, as it is now.
     *
     * @throws SourceFailure when GitHub cannot or will not answer
     */
    TrafficWindow fetchWindow(RepositoryId repository, TrafficKind kind, Granularity granularity);

    /**
     * GitHub's top-10 referrers over the last 14 days.
     *
     * @throws SourceFailure when GitHub cannot or will not answer
     */
    TopReferrers fetchTopReferrers(RepositoryId repository);

    /**
     * GitHub's top-10 popular paths over the last 14 days.
     *
     * @throws SourceFailure when GitHub cannot or will not answer
     */
    TopPaths fetchTopPaths(RepositoryId repository);

    /**
     * Every repository of a user or organisation whose traffic the source can read (on GitHub:
     * push access), across all pages.
     *
     * @throws SourceFailure when GitHub cannot or will not answer
     */
    List<RepositoryId> listReadableRepositories(String owner);
}
