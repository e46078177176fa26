package io.tidemark.core.port.in;

import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrackedRepository;
import java.util.List;

/** Deciding which repositories Tidemark keeps. */
public interface TrackRepositoryUseCase {

    /** Starts keeping a repository's traffic. Idempotent. */
    TrackedRepository track(RepositoryId repository);

    /** Stops fetching a repository; its history stays. Returns false if it was not known. */
    boolean untrack(RepositoryId repository);

    /**
     * Tracks every repository of an owner whose traffic the source can read, and remembers the
     * owner so that later repositories are tracked too. Returns the repositories tracked now.
     *
     * @throws SourceUnavailableException if the source cannot list them; nothing is tracked then
     */
    List<TrackedRepository> trackOwner(String owner);

    /**
     * Tracks the repositories that appeared under every remembered owner since the last look;
     * those that disappeared keep their history. Returns the repositories newly tracked. An
     * owner the source cannot list now is skipped.
     *
     * @throws SourceUnavailableException ({@code RATE_LIMITED}) when the source's budget ran out,
     *     which ends the refresh
     */
    List<TrackedRepository> refreshOwners();

    /** Deletes a repository and its whole history. Returns false if it was not known. */
    boolean deleteHistory(RepositoryId repository);
}
