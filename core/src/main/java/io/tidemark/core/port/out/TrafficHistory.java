package io.tidemark.core.port.out;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.Observations;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.WindowTotals;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The kept traffic history of known repositories: one role of a store (see {@link
 * TrafficStore}). It receives {@link Observations}, what core made of a source's answers, and
 * runs no domain logic of its own beyond the rule below.
 *
 * <p>The kept history (the rules of {@code docs/merge-rules.md}):
 *
 * <ul>
 *   <li><b>Per-field maximum.</b> Per repository, kind, granularity and bucket start, the kept
 *       count is the largest count ever observed, the kept uniques the largest uniques (each
 *       field on its own), and the bucket is complete once any observation was. Merging is
 *       therefore commutative, associative and idempotent: the history does not depend on the
 *       order of merges, nor on repeats, and a later smaller figure never lowers a kept one.
 *   <li><b>Gaps are not zeros.</b> A bucket that no observation covered is absent from reads; an
 *       observed bucket without traffic is present with count 0.
 *   <li><b>Totals.</b> The {@link Observations#totals()} of one answer are kept once per
 *       repository, kind, granularity and {@code fetchedAt}; the same answer merged again
 *       changes nothing (should two differ, each figure keeps its maximum).
 *   <li><b>Never deleted</b> except by {@link RepositoryRegistry#deleteHistory}.
 * </ul>
 *
 * <p>Rules of every method: repositories are matched by {@link RepositoryId#key()} (case
 * ignored); a null argument, or a null element of a collection or map argument, throws {@link
 * NullPointerException} naming it, before anything is written; every method is safe to call from
 * several threads at once, and parallel merges of the same bucket lose nothing (the result equals
 * that of some serial order, which by the rule above is the result of every order). Instants are
 * kept to the microsecond at least.
 */
public interface TrafficHistory {

    /**
     * Merges one answer's observations into a known repository's history, atomically: after a
     * failure nothing of the call is kept. Idempotent.
     *
     * @throws java.util.NoSuchElementException if the repository is not known, before writing
     */
    void merge(RepositoryId repository, Observations observations);

    /**
     * Merges many answers of many repositories at once, for imports and seeding: the same result
     * as one {@link #merge} per observation in any order, usually much faster.
     *
     * <p>Atomic per repository: all the observations of one repository are kept or none are. A
     * store may make the whole call atomic (both of Tidemark's stores do); a caller must not rely
     * on it, and may simply repeat a failed call, which is idempotent. Every repository is checked
     * before anything is written. Observations are held in memory: import in slices of a few
     * thousand.
     *
     * @param observations per repository, its observations in any order (repeats allowed)
     * @throws java.util.NoSuchElementException if any repository is not known, before writing
     */
    void mergeAll(Map<RepositoryId, List<Observations>> observations);

    /**
     * The kept buckets of several repositories whose start lies in {@code range}, oldest first.
     *
     * @return every requested repository the store knows, once, ordered by {@link
     *     RepositoryId#key()}, in the casing it was first tracked with, each with its buckets (an
     *     empty list where nothing is kept); unknown repositories are left out
     */
    Map<RepositoryId, List<KeptBucket>> series(
            Collection<RepositoryId> repositories, TrafficKind kind, Granularity granularity, DateRange range);

    /**
     * The kept {@link WindowTotals} of several repositories, those whose UTC fetch day lies in
     * {@code range}, oldest fetch first. Each is the source's own figure for one fetched window;
     * they overlap one another and must never be added up.
     *
     * @return keyed like {@link #series}: every requested known repository, unknown ones left out
     */
    Map<RepositoryId, List<WindowTotals>> windowTotals(
            Collection<RepositoryId> repositories, TrafficKind kind, Granularity granularity, DateRange range);
}
