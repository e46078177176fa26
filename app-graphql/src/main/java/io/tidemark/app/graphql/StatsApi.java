package io.tidemark.app.graphql;

import io.tidemark.app.security.Role;
import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.port.in.QueryStatsUseCase;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/**
 * The repository's counters and releases (contract version 2): {@code Repository.stats},
 * {@code Repository.releases} and {@code Release.downloads}. The counters of the repositories of
 * one result are read at once ({@link StatsBatches}); every counter day and every day of
 * downloads returned spends one entry of the request's {@link ResultBudget}, like a bucket.
 */
@GraphQLApi
@TranslatedErrors
@RolesAllowed(Role.VIEWER_NAME)
public class StatsApi {

    private final QueryStatsUseCase stats;
    private final StatsBatches batches;
    private final ResultBudget budget;

    public StatsApi(QueryStatsUseCase stats, StatsBatches batches, ResultBudget budget) {
        this.stats = stats;
        this.batches = batches;
        this.budget = budget;
    }

    @NonNull
    @Description("""
            Since 2. The repository's counters, one entry per UTC day on which they were seen (fetched or
            imported), oldest first. A counter that was not seen that day is null.""")
    public List<@NonNull RepositoryStats> stats(
            @Source Repository repository, @Name("since") LocalDate since, @Name("until") LocalDate until) {
        DateRange range = new DateRange(since, until);
        Map<RepositoryId, List<io.tidemark.core.model.RepositoryStats>> all =
                batches.of(repository.batch()).computeIfAbsent(range,
                        r -> stats.stats(repository.batch().repositories(), r));
        List<io.tidemark.core.model.RepositoryStats> days = all.getOrDefault(repository.id(), List.of());
        budget.spend(days.size());
        return days.stream().map(RepositoryStats::new).toList();
    }

    @NonNull
    @Description("Since 2. Releases, newest first, with their asset download counts.")
    public List<@NonNull Release> releases(@Source Repository repository, @Name("first") @DefaultValue("20") Integer first) {
        int size = first == null ? 20 : first;
        return stats.releases(repository.id(), size).stream().map(Release::new).toList();
    }

    @NonNull
    @Description("""
            Downloads per day: the growth of GitHub's cumulative counter between consecutive days on which it
            was seen, attributed to the later day. A day not seen is absent.""")
    public List<@NonNull DailyCount> downloads(
            @Source Release release, @Name("since") LocalDate since, @Name("until") LocalDate until) {
        DateRange range = new DateRange(since, until);
        List<io.tidemark.core.model.DailyCount> days = release.kept().downloadsPerDay().stream()
                .filter(day -> range.contains(day.day()))
                .toList();
        budget.spend(days.size());
        return days.stream().map(DailyCount::new).toList();
    }

    /** A count for a GraphQL {@code Int}: at most 2^31 - 1. */
    static int saturated(long count) {
        return (int) Math.min(Integer.MAX_VALUE, count);
    }
}
