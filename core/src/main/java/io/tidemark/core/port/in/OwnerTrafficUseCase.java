package io.tidemark.core.port.in;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.OwnerBucket;
import io.tidemark.core.model.OwnerReferrer;
import io.tidemark.core.model.RankedPage;
import io.tidemark.core.model.RepositoryOrder;
import io.tidemark.core.model.TrafficKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The owner view: a user or organisation seen through its known repositories, and repositories in
 * rankings. Counts add up across repositories; uniques never do, so none is given.
 */
public interface OwnerTrafficUseCase {

    /** The largest {@code first} of {@link #ownerReferrers}. */
    int MAX_REFERRERS = 100;

    /**
     * The owner's login in the casing of its first tracked repository, or empty when Tidemark
     * knows no repository of it (owners are matched ignoring case).
     *
     * @throws io.tidemark.core.model.InvalidInputException if the login breaks GitHub's rules
     */
    Optional<String> owner(String login);

    /** The owner's buckets, counts added up, with how many repositories have each kept. */
    List<OwnerBucket> ownerSeries(String login, TrafficKind kind, Granularity granularity, DateRange range);

    /**
     * Referrers across the owner's repositories' snapshots on or before {@code at} (null: the
     * latest of each), counts added up, largest first.
     *
     * @throws io.tidemark.core.model.InvalidInputException if {@code first} is outside 1..{@value
     *     #MAX_REFERRERS}
     */
    List<OwnerReferrer> ownerReferrers(String login, LocalDate at, int first);

    /**
     * One page of repositories (of one owner, or all) in the order asked. {@code after} is the
     * cursor of the previous page of the same order.
     *
     * @param field the order's field
     * @param direction null for descending
     * @param since first day whose counts VIEWS and CLONES add up; with {@code until}, null for the
     *     last 14 full UTC days
     * @throws io.tidemark.core.model.InvalidInputException for {@code first} outside 1..100, {@code
     *     since} after {@code until}, or a cursor of another kind
     */
    RankedPage repositories(String owner, int first, String after, RepositoryOrder.Field field,
            RepositoryOrder.Direction direction, LocalDate since, LocalDate until);
}
