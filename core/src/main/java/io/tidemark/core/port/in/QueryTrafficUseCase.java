package io.tidemark.core.port.in;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficSeries;
import io.tidemark.core.model.WindowTotals;
import io.tidemark.core.model.RepositoryPage;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading the kept history. */
public interface QueryTrafficUseCase {

    /** The most repositories one page may hold. */
    int MAX_PAGE_SIZE = 100;

    Optional<TrackedRepository> repository(RepositoryId repository);

    /**
     * A page of known repositories ordered by {@code nameWithOwner}, ignoring case.
     *
     * @param first 1 to {@link #MAX_PAGE_SIZE}
     * @param after the cursor of the last repository of the previous page, or null
     */
    RepositoryPage repositories(String owner, int first, String after);

    /** Series of several repositories at once, in one read. */
    Map<RepositoryId, TrafficSeries> series(
            Collection<RepositoryId> repositories, TrafficKind kind, Granularity granularity, DateRange range);

    /**
     * The source's own totals of each fetched window of one repository whose UTC fetch day lies
     * in {@code range}, oldest fetch first; empty when the repository is not known. Each is the
     * figure of one fetched window (for GitHub, 14 days): they overlap and never add up.
     */
    List<WindowTotals> windowTotals(RepositoryId repository, TrafficKind kind, Granularity granularity, DateRange range);

    Optional<TopReferrers> topReferrers(RepositoryId repository, LocalDate at);

    Optional<TopPaths> topPaths(RepositoryId repository, LocalDate at);
}
