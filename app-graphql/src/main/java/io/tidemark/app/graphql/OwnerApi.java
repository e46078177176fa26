package io.tidemark.app.graphql;

import io.tidemark.app.security.Role;
import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.RankedPage;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.port.in.OwnerTrafficUseCase;
import io.tidemark.core.port.in.QueryTrafficUseCase;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * The owner view of contract version 2: {@code Query.owner} and the {@code Owner} type. Totals are
 * computed where the data is (the store's aggregates, one query each); only counts are added up.
 */
@GraphQLApi
@TranslatedErrors
@RolesAllowed(Role.VIEWER_NAME)
public class OwnerApi {

    private final OwnerTrafficUseCase owners;
    private final QueryTrafficUseCase query;
    private final ResultBudget budget;

    public OwnerApi(OwnerTrafficUseCase owners, QueryTrafficUseCase query, ResultBudget budget) {
        this.owners = owners;
        this.query = query;
        this.budget = budget;
    }

    @Query("owner")
    @Description("Since 2. A user or organisation with at least one tracked repository, or null. Matched case-insensitively.")
    public Owner owner(@NonNull @Name("login") String login) {
        return owners.owner(login).map(Owner::new).orElse(null);
    }

    @NonNull
    @Description("Its tracked repositories, with the same paging and ordering as Query.repositories.")
    public RepositoryConnection repositories(
            @Source Owner owner,
            @Name("first") @DefaultValue("100") Integer first,
            @Name("after") String after,
            @Name("orderBy") RepositoryOrder orderBy) {
        return connection(owners, query, owner.getLogin(), first, after, orderBy);
    }

    @NonNull
    @Description("""
            Page views of its tracked repositories added up per bucket, oldest first. A bucket is present when
            at least one repository has it kept; repositoriesObserved says how many, so a gap in one repository
            is never mistaken for a fall in traffic. since/until as in Repository.views.""")
    public OwnerSeries views(
            @Source Owner owner,
            @Name("per") @DefaultValue("DAY") Granularity per,
            @Name("since") LocalDate since,
            @Name("until") LocalDate until) {
        return series(owner, TrafficKind.VIEWS, per, since, until);
    }

    @NonNull
    @Description("Git clones, with the same rules as views.")
    public OwnerSeries clones(
            @Source Owner owner,
            @Name("per") @DefaultValue("DAY") Granularity per,
            @Name("since") LocalDate since,
            @Name("until") LocalDate until) {
        return series(owner, TrafficKind.CLONES, per, since, until);
    }

    @NonNull
    @Description("""
            Referrers across its repositories: for each repository the snapshot topReferrers(at:) would give,
            counts added up per referrer, largest first. No uniques (see the type's description).""")
    public List<@NonNull OwnerReferrer> topReferrers(
            @Source Owner owner,
            @Name("at") LocalDate at,
            @Name("first") @DefaultValue("10") Integer first) {
        List<io.tidemark.core.model.OwnerReferrer> referrers =
                owners.ownerReferrers(owner.getLogin(), at, first == null ? 10 : first);
        budget.spend(referrers.size());
        return referrers.stream().map(OwnerReferrer::new).toList();
    }

    @NonNull
    @Description("The buckets, oldest first. They count against TIDEMARK_GRAPHQL_MAX_BUCKETS like a repository's.")
    public List<@NonNull OwnerBucket> buckets(@Source OwnerSeries series) {
        return series.buckets();
    }

    private OwnerSeries series(Owner owner, TrafficKind kind, Granularity per, LocalDate since, LocalDate until) {
        DateRange range = new DateRange(since, until);
        Granularity granularity = per == null ? Granularity.DAY : per;
        return new OwnerSeries(owners.ownerSeries(owner.getLogin(), kind, granularity.toCore(), range), budget);
    }

    /** A page of repositories, by name (key cursors) or in a ranking (position cursors). */
    static RepositoryConnection connection(OwnerTrafficUseCase owners, QueryTrafficUseCase query,
            String owner, Integer first, String after, RepositoryOrder orderBy) {
        int size = first == null ? QueryTrafficUseCase.MAX_PAGE_SIZE : first;
        if (orderBy == null || (orderBy.field == RepositoryOrderField.NAME
                && (orderBy.direction == null || orderBy.direction == OrderDirection.ASC) && !isRankCursor(after))) {
            var page = query.repositories(owner, size, after);
            return connection(query, page.repositories(), page.endCursor(), page.hasNextPage(), page.totalCount());
        }
        RankedPage page = owners.repositories(owner, size, after, orderBy.field.toCore(),
                orderBy.direction == null ? null : orderBy.direction.toCore(), orderBy.since, orderBy.until);
        return connection(query, page.repositories(), page.endCursor(), page.hasNextPage(), page.totalCount());
    }

    /** One page as a connection, the page's series loaded together (one batch per page). */
    private static RepositoryConnection connection(QueryTrafficUseCase query, List<TrackedRepository> repositories,
            String endCursor, boolean hasNextPage, int totalCount) {
        SeriesBatch batch = new SeriesBatch(query, repositories.stream().map(TrackedRepository::id).toList());
        List<Repository> nodes = repositories.stream().map(r -> new Repository(r, batch)).toList();
        return new RepositoryConnection(nodes, new PageInfo(endCursor, hasNextPage), totalCount);
    }

    private static boolean isRankCursor(String after) {
        if (after == null) {
            return false;
        }
        try {
            RankedPage.offsetOf(after);
            return true;
        } catch (IllegalArgumentException notARankCursor) {
            return false;
        }
    }
}
