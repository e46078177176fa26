package io.tidemark.core.port.out;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.OwnerBucket;
import io.tidemark.core.model.OwnerReferrer;
import io.tidemark.core.model.RankedPage;
import io.tidemark.core.model.RepositoryOrder;
import io.tidemark.core.model.TrafficKind;
import java.time.LocalDate;
import java.util.List;

/**
 * Figures across many repositories, computed where the data is: an optional capability of a
 * store. A store that implements it answers each method with one aggregate query; for a store that
 * does not, core computes the same answers from {@link TrafficHistory} and {@link SnapshotStore}
 * reads (correct, slower). Both must give exactly the same answers; the test kit's {@code
 * TrafficAggregatesContract} checks a store's against an oracle.
 *
 * <p>Rules of every method: owners are matched ignoring case; an owner's repositories are the
 * repositories the registry knows under it, active or not ({@link RepositoryRegistry#list}); a
 * null argument throws {@link NullPointerException} unless the parameter says null is allowed;
 * safe from several threads.
 */
public interface TrafficAggregates {

    /**
     * The owner's buckets of one kind and granularity whose start lies in {@code range}, counts
     * added up across the repositories that have each bucket kept, oldest first. A bucket no
     * repository has kept is absent.
     */
    List<OwnerBucket> ownerSeries(String owner, TrafficKind kind, Granularity granularity, DateRange range);

    /**
     * For each of the owner's repositories the referrer snapshot of the latest day on or before
     * {@code at} (null: its latest), counts added up per referrer; ordered by count descending,
     * then referrer ascending (as {@link String#compareTo}); at most {@code first}.
     */
    List<OwnerReferrer> ownerReferrers(String owner, LocalDate at, int first);

    /**
     * One page of repositories (of one owner, or all when {@code owner} is null) in the order
     * asked, ties broken by key ascending; repositories without a value (no daily bucket kept in
     * the range; no stars seen) come last in either direction, by key.
     *
     * @param offset how many ranked repositories to skip
     * @param limit the most to return, at least 1
     */
    RankedPage rank(String owner, RepositoryOrder order, int offset, int limit);
}
