package io.tidemark.core.port.out;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.RepositoryPage;
import io.tidemark.core.model.SyncStatus;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the kept history lives. This is a public extension point. {@code InMemoryTrafficStore} in
 * core's test jar is the reference implementation: the property tests there show what any store
 * must keep, and a new store should give the same reads for the same merges.
 *
 * <p>The rules every implementation keeps:
 *
 * <ul>
 *   <li>{@link #merge} keeps, per bucket, the maximum count and the maximum uniques ever
 *       observed and whether any observation was complete, from {@link
 *       TrafficWindow#observations()}. Merging is atomic per window and safe when several
 *       threads merge the same repository at once: no observation is ever lost.
 *   <li>A bucket that no window covered is absent from reads; a covered bucket without traffic
 *       is present with count 0.
 *   <li>History is never deleted as a side effect: only {@link #deleteHistory} deletes it.
 *   <li>Repositories are matched case-insensitively ({@link RepositoryId#key()}).
 * </ul>
 *
 * Methods taking a repository that the store does not know throw {@link
 * java.util.NoSuchElementException}, before writing anything.
 */
public interface TrafficStore {

    /**
     * Starts (or resumes) keeping a repository. Idempotent: tracking a known repository again
     * makes it active and keeps its history and the casing it was first tracked with.
     */
    TrackedRepository track(RepositoryId repository, Instant at);

    /** Stops fetching a repository and keeps its history. Returns false if it was not known. */
    boolean untrack(RepositoryId repository);

    Optional<TrackedRepository> find(RepositoryId repository);

    /**
     * Known repositories (active or not), ordered by {@link RepositoryId#key()}.
     *
     * @param owner only this owner's (case-insensitive), or null for all
     * @param afterKey only those whose key sorts after this one, or null from the start
     * @param limit the most to return, at least 1
     */
    RepositoryPage list(String owner, String afterKey, int limit);

    /** Active repositories, those whose sync is most overdue first (never synced first of all). */
    List<TrackedRepository> active();

    /** Remembers an owner whose repositories are tracked as they appear. Idempotent. */
    void trackOwner(String owner, Instant at);

    /** Owners remembered by {@link #trackOwner}, in the casing first given. */
    List<String> trackedOwners();

    /** Merges one window of a known repository into its kept history. */
    void merge(RepositoryId repository, TrafficWindow window);

    /**
     * The kept buckets of several repositories whose start lies in {@code range}, oldest first.
     * Every requested repository that the store knows is a key of the result, with an empty list
     * where nothing is kept; unknown ones are left out.
     */
    Map<RepositoryId, List<KeptBucket>> series(
            Collection<RepositoryId> repositories, TrafficKind kind, Granularity granularity, DateRange range);

    /**
     * Keeps a snapshot: one per UTC day, replacing one taken earlier the same day (a snapshot that
     * arrives late, older than the one kept for its day, is ignored).
     */
    void save(RepositoryId repository, TopReferrers snapshot);

    /** Keeps a snapshot, with the same rule as for referrers. */
    void save(RepositoryId repository, TopPaths snapshot);

    /** The latest referrer snapshot taken on or before {@code day} (any day when null). */
    Optional<TopReferrers> topReferrers(RepositoryId repository, LocalDate day);

    /** The latest path snapshot taken on or before {@code day} (any day when null). */
    Optional<TopPaths> topPaths(RepositoryId repository, LocalDate day);

    /** Records the outcome of a sync. */
    void recordSync(RepositoryId repository, SyncStatus status);

    /** Deletes a repository and all its kept history. Returns false if it was not known. */
    boolean deleteHistory(RepositoryId repository);
}
