package io.tidemark.app.graphql;

import io.tidemark.app.security.Role;
import jakarta.annotation.security.RolesAllowed;
import io.tidemark.app.sync.SyncCoordinator;
import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncOutcome;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.port.in.OwnerTrafficUseCase;
import io.tidemark.core.port.in.QueryTrafficUseCase;
import io.tidemark.core.port.in.SourceUnavailableException;
import io.tidemark.core.model.RepositoryPage;
import io.tidemark.core.port.in.TrackRepositoryUseCase;
import io.tidemark.app.config.TidemarkConfig;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * The public GraphQL API, as the contract in {@code schema.graphql} defines it. Every field needs
 * the viewer role and every mutation the admin role, declared with {@code @RolesAllowed} (Quarkus
 * security checks it before the method runs; a test sends every mutation of the served schema with
 * a viewer token), so a new mutation cannot forget it.
 */
@GraphQLApi
@TranslatedErrors
@RolesAllowed(Role.VIEWER_NAME)
public class TrafficApi {

    private final QueryTrafficUseCase query;
    private final OwnerTrafficUseCase owners;
    private final TrackRepositoryUseCase tracking;
    private final SyncCoordinator sync;
    private final ResultBudget budget;
    private final Duration syncAnswerTimeout;

    public TrafficApi(QueryTrafficUseCase query, OwnerTrafficUseCase owners, TrackRepositoryUseCase tracking,
            SyncCoordinator sync, ResultBudget budget, TidemarkConfig config) {
        this.query = query;
        this.owners = owners;
        this.tracking = tracking;
        this.sync = sync;
        this.budget = budget;
        this.syncAnswerTimeout = config.syncAnswerTimeout();
    }

    @Query("repository")
    @Description("A tracked repository, or null when it is not tracked. owner and name are matched case-insensitively.")
    public Repository repository(@NonNull @Name("owner") String owner, @NonNull @Name("name") String name) {
        RepositoryId id = RepositoryId.of(owner, name);
        return query.repository(id).map(this::single).orElse(null);
    }

    @Query("repositories")
    @NonNull
    @Description("Tracked repositories, optionally only those of one owner, ordered by nameWithOwner unless orderBy says"
            + " otherwise. Cursor pagination.")
    public RepositoryConnection repositories(
            @Name("owner") String owner,
            @Name("first") @DefaultValue("100") Integer first,
            @Name("after") String after,
            @Name("orderBy") RepositoryOrder orderBy) {
        return OwnerApi.connection(owners, query, owner, first, after, orderBy);
    }

    @NonNull
    @Description("""
            Page views kept for this repository, one bucket per day or week, oldest first.
            since/until are inclusive dates (default: all kept history). Every bucket of the range that
            lies inside a window GitHub was actually asked about is present, with count 0 where GitHub
            reported no traffic; buckets never observed are absent (a gap is not a zero).
            A bucket's count and uniques are GitHub's own figures for that day or week: weekly uniques
            come from GitHub's per=week data, never from adding daily uniques.""")
    public TrafficSeries views(
            @Source Repository repository,
            @Name("per") @DefaultValue("DAY") Granularity per,
            @Name("since") LocalDate since,
            @Name("until") LocalDate until) {
        return series(repository, TrafficKind.VIEWS, per, since, until);
    }

    @NonNull
    @Description("Git clones, with the same rules as views.")
    public TrafficSeries clones(
            @Source Repository repository,
            @Name("per") @DefaultValue("DAY") Granularity per,
            @Name("since") LocalDate since,
            @Name("until") LocalDate until) {
        return series(repository, TrafficKind.CLONES, per, since, until);
    }

    @NonNull
    @Description("""
            GitHub's own totals of each fetched 14-day window of page views kept for this repository,
            oldest fetch first: one entry per fetch, for the granularity asked (GitHub answers per=day
            and per=week with their own totals). since/until are inclusive UTC dates of the fetch
            (default: all). Each entry is one window's figure; windows overlap, so entries must never
            be added up, and uniques is never a sum. Entries count against the same per-request limit
            as buckets (TIDEMARK_GRAPHQL_MAX_BUCKETS).""")
    public List<@NonNull WindowTotals> viewsWindowTotals(
            @Source Repository repository,
            @Name("per") @DefaultValue("DAY") Granularity per,
            @Name("since") LocalDate since,
            @Name("until") LocalDate until) {
        return windowTotals(repository, TrafficKind.VIEWS, per, since, until);
    }

    @NonNull
    @Description("GitHub's own totals of each fetched 14-day window of git clones, with the same rules as"
            + " viewsWindowTotals.")
    public List<@NonNull WindowTotals> clonesWindowTotals(
            @Source Repository repository,
            @Name("per") @DefaultValue("DAY") Granularity per,
            @Name("since") LocalDate since,
            @Name("until") LocalDate until) {
        return windowTotals(repository, TrafficKind.CLONES, per, since, until);
    }

    @NonNull
    @Description("The buckets, oldest first. One request may return at most TIDEMARK_GRAPHQL_MAX_BUCKETS"
            + " (25,000 by default) in all; beyond that, buckets fail with RESULT_TOO_LARGE.")
    public List<@NonNull TrafficBucket> buckets(@Source TrafficSeries series) {
        return series.buckets();
    }

    @NonNull
    @Description("GitHub's top 10 referrers over the 14 days before the latest snapshot taken on or before `at`"
            + " (default: the latest snapshot).")
    public List<@NonNull Referrer> topReferrers(@Source Repository repository, @Name("at") LocalDate at) {
        return query.topReferrers(repository.id(), at)
                .map(TopReferrers::referrers).orElse(List.of())
                .stream().map(Referrer::new).toList();
    }

    @NonNull
    @Description("GitHub's top 10 popular content paths, with the same rules as topReferrers.")
    public List<@NonNull PopularPath> topPaths(@Source Repository repository, @Name("at") LocalDate at) {
        return query.topPaths(repository.id(), at)
                .map(TopPaths::paths).orElse(List.of())
                .stream().map(PopularPath::new).toList();
    }

    @Mutation("trackRepository")
    @RolesAllowed(Role.ADMIN_NAME)
    @NonNull
    @Description("Start keeping this repository's traffic. Idempotent. Requires the admin role.")
    public Repository trackRepository(@NonNull @Name("owner") String owner, @NonNull @Name("name") String name) {
        RepositoryId id = RepositoryId.of(owner, name);
        TrackedRepository tracked = tracking.track(id);
        if (tracked.sync().lastAttemptAt() == null) {
            sync.syncSoon(id);
        }
        return single(tracked);
    }

    @Mutation("trackOwner")
    @RolesAllowed(Role.ADMIN_NAME)
    @NonNull
    @Description("""
            Track every repository of this user or organisation whose traffic the GitHub token can read
            (push access), now and on every later scheduled sync, so new repositories are picked up.
            Returns the repositories tracked now. Requires the admin role.""")
    public List<@NonNull Repository> trackOwner(@NonNull @Name("owner") String owner) {
        List<TrackedRepository> tracked;
        try {
            tracked = tracking.trackOwner(owner);
        } catch (SourceUnavailableException unavailable) {
            throw SourceErrors.of(unavailable, "owner " + owner.strip());
        }
        tracked.stream()
                .filter(r -> r.sync().lastAttemptAt() == null)
                .forEach(r -> sync.syncSoon(r.id()));
        SeriesBatch batch = new SeriesBatch(query, tracked.stream().map(TrackedRepository::id).toList());
        return tracked.stream().map(r -> new Repository(r, batch)).toList();
    }

    @Mutation("untrackRepository")
    @RolesAllowed(Role.ADMIN_NAME)
    @Description("Stop fetching this repository. Its kept history stays queryable. Requires the admin role.")
    public boolean untrackRepository(@NonNull @Name("owner") String owner, @NonNull @Name("name") String name) {
        return tracking.untrack(RepositoryId.of(owner, name));
    }

    @Mutation("syncRepository")
    @RolesAllowed(Role.ADMIN_NAME)
    @NonNull
    @Description("Fetch this repository's traffic from GitHub now and merge it into the kept history."
            + " Requires the admin role. Answers within TIDEMARK_SYNC_ANSWER_TIMEOUT (20 s by default): a sync"
            + " still running then goes on in the background and the answer is the error SYNC_IN_PROGRESS.")
    public SyncResult syncRepository(@NonNull @Name("owner") String owner, @NonNull @Name("name") String name) {
        RepositoryId id = RepositoryId.of(owner, name);
        if (query.repository(id).isEmpty()) {
            throw new ApiError.NotFound(id + " is not tracked");
        }
        SyncOutcome outcome = awaitSync(id);
        if (outcome instanceof SyncOutcome.Synced synced) {
            return new SyncResult(single(query.repository(id).orElseThrow()), synced.syncedAt());
        }
        throw SourceErrors.of(outcome);
    }

    /** The outcome of a sync of {@code id}, waiting at most {@link #syncAnswerTimeout} for it. */
    private SyncOutcome awaitSync(RepositoryId id) {
        try {
            return sync.syncRequested(id).get(syncAnswerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ApiError.SyncInProgress("the sync of " + id + " takes longer than " + syncAnswerTimeout.toSeconds()
                    + " s; it goes on in the background: lastSyncedAt and lastSyncError will show its outcome");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError.SyncInProgress("the wait for the sync of " + id + " was interrupted; it goes on in the background");
        }
    }

    @Mutation("deleteRepositoryHistory")
    @RolesAllowed(Role.ADMIN_NAME)
    @Description("Delete this repository and all its kept history, for good. Requires the admin role.")
    public boolean deleteRepositoryHistory(@NonNull @Name("owner") String owner, @NonNull @Name("name") String name) {
        return tracking.deleteHistory(RepositoryId.of(owner, name));
    }

    private TrafficSeries series(
            Repository repository, TrafficKind kind, Granularity per, LocalDate since, LocalDate until) {
        DateRange range = new DateRange(since, until);
        Granularity granularity = per == null ? Granularity.DAY : per;
        return new TrafficSeries(repository.batch().series(repository.id(), kind, granularity.toCore(), range), budget);
    }

    private List<WindowTotals> windowTotals(
            Repository repository, TrafficKind kind, Granularity per, LocalDate since, LocalDate until) {
        DateRange range = new DateRange(since, until);
        Granularity granularity = per == null ? Granularity.DAY : per;
        List<io.tidemark.core.model.WindowTotals> totals =
                query.windowTotals(repository.id(), kind, granularity.toCore(), range);
        budget.spend(totals.size());
        return totals.stream().map(WindowTotals::new).toList();
    }

    private Repository single(TrackedRepository tracked) {
        return new Repository(tracked, new SeriesBatch(query, List.of(tracked.id())));
    }
}
