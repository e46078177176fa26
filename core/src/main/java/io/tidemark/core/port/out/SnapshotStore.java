package io.tidemark.core.port.out;

import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The daily top-10 snapshots (referrers, popular paths) of known repositories: one role of a
 * store (see {@link TrafficStore}). Snapshots are kept as the source gave them, never
 * differenced or merged.
 *
 * <p>Rules of every method: repositories are matched by {@link RepositoryId#key()} (case
 * ignored); a null argument throws {@link NullPointerException} naming it, unless the parameter
 * says null is allowed; a repository the store does not know throws {@link
 * java.util.NoSuchElementException}, before anything is written; every method is atomic and safe
 * to call from several threads at once. Referrer and path snapshots are kept apart, by the same
 * rules.
 */
public interface SnapshotStore {

    /**
     * Keeps a snapshot as the one of its UTC day ({@link TopReferrers#day()}): one per repository
     * and day. A snapshot already kept for that day is replaced, list and all, unless it was taken
     * later than this one (a late-arriving older snapshot is ignored; one taken at the same
     * instant replaces it). So saving the same snapshot twice is idempotent, and concurrent saves
     * of one day keep the latest taken.
     */
    void save(RepositoryId repository, TopReferrers snapshot);

    /** Keeps a path snapshot, by the rule of {@link #save(RepositoryId, TopReferrers)}. */
    void save(RepositoryId repository, TopPaths snapshot);

    /**
     * The snapshot of the latest day on or before {@code day}, as saved.
     *
     * @param day the last day to consider; null for the latest day kept
     * @return empty when no snapshot of such a day is kept
     */
    Optional<TopReferrers> topReferrers(RepositoryId repository, LocalDate day);

    /** The path snapshot of the latest day on or before {@code day}, like {@link #topReferrers}. */
    Optional<TopPaths> topPaths(RepositoryId repository, LocalDate day);
}
