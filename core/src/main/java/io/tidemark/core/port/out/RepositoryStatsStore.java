package io.tidemark.core.port.out;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.ReleaseHistory;
import io.tidemark.core.model.ReleaseList;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.RepositoryStats;
import io.tidemark.core.model.StarsBackfill;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kept counters (stars, forks, watchers, open issues) and release downloads of known
 * repositories: a store role beside those of {@link TrafficStore}, implemented by the same class
 * as the store's {@link TrafficStore} (both of Tidemark's stores do). It is not part of {@link
 * TrafficStore}, so that a store written before it keeps compiling; the application keeps and
 * serves counters and releases only when the chosen store implements it.
 *
 * <p>The kept facts (the rules of {@code docs/merge-rules.md}):
 *
 * <ul>
 *   <li><b>Counters: one entry per repository and UTC day, each counter as last seen that day.</b>
 *       Per counter on its own, the kept value of a day is that of the sighting with the latest
 *       {@code seenAt} that had the counter (a null counter is "not seen" and leaves the kept one
 *       alone); a sighting with the same {@code seenAt} as the kept one replaces it (so saving the
 *       same sighting twice is idempotent), an older one arriving late is ignored. Never a
 *       maximum: stars can go down. A day no sighting had is absent; a counter no sighting of the
 *       day had is null.
 *   <li><b>Releases: one list per repository and UTC day.</b> A release list is kept as that of
 *       its UTC day ({@link ReleaseList#day()}), replacing a list kept for that day unless it was
 *       fetched later (an older late list is ignored; one fetched at the same instant replaces
 *       it). Every release and asset of a list is kept as seen that day; a release keeps, as its
 *       latest form, the form of the latest list that had it. A release no longer listed stays
 *       kept (nothing is deleted) with the sightings it had.
 *   <li><b>Stars backfill progress: one per repository</b> ({@link StarsBackfill}), as last
 *       saved; none until the first is saved.
 *   <li><b>Never deleted</b> except by {@link RepositoryRegistry#deleteHistory}, which deletes
 *       what this role keeps too.
 * </ul>
 *
 * <p>Rules of every method: repositories are the registry's ({@link RepositoryId#key()}, case
 * ignored); a null argument, or a null element of a collection, throws {@link
 * NullPointerException} naming it, unless the parameter says null is allowed; a write for a
 * repository the store does not know throws {@link java.util.NoSuchElementException}, before
 * anything is written; every method is atomic and safe to call from several threads at once.
 * Instants are kept to the microsecond at least.
 */
public interface RepositoryStatsStore {

    /**
     * Keeps the counters seen at {@code seenAt} as seen on {@code stats.day()}, by the rule above.
     * A sighting without any counter changes nothing.
     *
     * @param seenAt when they were seen: for a source's answer its {@code fetchedAt}, for an
     *     imported day that has no time the start of the day (so a fetched figure of the same day
     *     is never replaced by an imported one)
     * @throws io.tidemark.core.model.InvalidInputException (field {@code seenAt}) if {@code
     *     seenAt} does not lie on {@code stats.day()} (UTC)
     * @throws java.util.NoSuchElementException if the repository is not known
     */
    void saveStats(RepositoryId repository, RepositoryStats stats, Instant seenAt);

    /**
     * The kept counters of several repositories, one entry per kept day in {@code range}, oldest
     * first.
     *
     * @return every requested repository the store knows, once, each with its days (an empty
     *     list where none is kept); unknown repositories are left out
     */
    Map<RepositoryId, List<RepositoryStats>> stats(Collection<RepositoryId> repositories, DateRange range);

    /**
     * The latest kept stars of several repositories: for each, the stars of the latest day on
     * which stars were seen. For ordering repositories by stars.
     *
     * @return the requested repositories that have stars kept, each once; the others (unknown, or
     *     no stars ever seen) are left out
     */
    Map<RepositoryId, Integer> latestStars(Collection<RepositoryId> repositories);

    /**
     * Keeps a release list as the one of its UTC day, by the rule above.
     *
     * @throws java.util.NoSuchElementException if the repository is not known
     */
    void saveReleases(RepositoryId repository, ReleaseList releases);

    /** Whether a release list of {@code day} is kept for the repository (an empty list counts). */
    boolean hasReleasesOf(RepositoryId repository, LocalDate day);

    /**
     * The kept releases of a repository, newest first: by {@code publishedAt} descending, drafts
     * (never published) first, ties by tag name; each as last seen, with its sightings oldest
     * first.
     *
     * @param first the most to return, at least 1
     * @return empty when the repository is not known or has no release kept
     */
    List<ReleaseHistory> releases(RepositoryId repository, int first);

    /**
     * How far the stars backfill of the repository has come.
     *
     * @return empty when none was saved, or the repository is not known
     */
    Optional<StarsBackfill> starsBackfill(RepositoryId repository);

    /**
     * Keeps the stars backfill progress of the repository, replacing the one kept.
     *
     * @throws java.util.NoSuchElementException if the repository is not known
     */
    void saveStarsBackfill(RepositoryId repository, StarsBackfill progress);
}
