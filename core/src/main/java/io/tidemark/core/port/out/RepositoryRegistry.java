package io.tidemark.core.port.out;

import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.RepositoryPage;
import io.tidemark.core.model.SyncStatus;
import io.tidemark.core.model.TrackedRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which repositories and owners Tidemark keeps, and how their syncs went: one role of a store
 * (see {@link TrafficStore}).
 *
 * <p>Rules of every method:
 *
 * <ul>
 *   <li><b>Case.</b> Repositories are matched by {@link RepositoryId#key()} (lower case) and
 *       owners ignoring case; a repository keeps the casing it was first tracked with, an owner
 *       the casing first given.
 *   <li><b>Nulls.</b> A null argument throws {@link NullPointerException} naming it, unless the
 *       parameter says null is allowed; nothing is written then.
 *   <li><b>Unknown repositories.</b> {@link #recordSync} throws {@link
 *       java.util.NoSuchElementException} for a repository the registry does not know, before
 *       writing; the other methods say what they do.
 *   <li><b>Atomicity and concurrency.</b> Every method is atomic and safe to call from several
 *       threads at once.
 *   <li><b>Instants</b> are kept to the microsecond at least.
 * </ul>
 */
public interface RepositoryRegistry {

    /**
     * Starts (or resumes) keeping a repository. Idempotent: tracking a known repository again,
     * in any casing, makes it active and changes nothing else (its {@code trackedAt}, casing,
     * sync status and history stay), also when two threads track it at once.
     *
     * @param at when it is tracked, kept only when the repository is new
     * @return the repository as now kept
     */
    TrackedRepository track(RepositoryId repository, Instant at);

    /**
     * Stops fetching a repository (it is no longer {@link #active()}) and keeps its history.
     * Idempotent.
     *
     * @return whether the repository is known (also when it was already inactive)
     */
    boolean untrack(RepositoryId repository);

    /** The repository as kept, or empty when it is not known. */
    Optional<TrackedRepository> find(RepositoryId repository);

    /**
     * One page of known repositories, active or not, ordered by {@link RepositoryId#key()}
     * (byte-wise, as {@link String#compareTo} orders the lower-case keys).
     *
     * @param owner only this owner's repositories, matched ignoring case; null for all
     * @param afterKey only repositories whose key sorts after this one, compared ignoring case
     *     (it need not be a known key); null to start at the first
     * @param limit the most to return
     * @return the page, with whether more follow and how many match {@code owner} in all
     * @throws io.tidemark.core.model.InvalidInputException (field {@code limit}) if {@code limit}
     *     is below 1
     */
    RepositoryPage list(String owner, String afterKey, int limit);

    /**
     * The active repositories, most overdue first: those never due ({@link SyncStatus#nextDueAt()}
     * null, never synced) first, then by {@code nextDueAt} ascending, ties broken by {@link
     * RepositoryId#key()} ascending. A total order: the same state always lists the same way.
     */
    List<TrackedRepository> active();

    /**
     * Remembers an owner whose repositories are tracked as they appear. Idempotent: an owner
     * already remembered, in any casing, keeps its first casing and time.
     *
     * @throws io.tidemark.core.model.InvalidRepositoryIdException if {@code owner} breaks
     *     GitHub's naming rules ({@link RepositoryId#validOwner})
     */
    void trackOwner(String owner, Instant at);

    /** The owners remembered by {@link #trackOwner}, in their first casing, ordered by lower-case owner. */
    List<String> trackedOwners();

    /**
     * Replaces the sync status of a known repository (last write wins: the caller owns it).
     *
     * @throws java.util.NoSuchElementException if the repository is not known
     */
    void recordSync(RepositoryId repository, SyncStatus status);

    /**
     * Forgets a repository: its registration and everything every role of the store keeps of it
     * (buckets, window totals, snapshots), atomically. This is the only way history is ever
     * deleted. Tracking it again starts from nothing.
     *
     * @return whether the repository was known
     */
    boolean deleteHistory(RepositoryId repository);
}
