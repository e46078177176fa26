package io.tidemark.core.model;

import java.time.Instant;

/** How a sync of one repository ended. Failures are outcomes, not exceptions. */
public sealed interface SyncOutcome {

    RepositoryId repository();

    /** Everything was fetched and kept. */
    record Synced(RepositoryId repository, Instant syncedAt) implements SyncOutcome {}

    /** GitHub's rate limit is spent; nothing more can be fetched before {@code resumeAt}. */
    record RateLimited(RepositoryId repository, Instant resumeAt) implements SyncOutcome {}

    /** This repository could not be synced; other repositories are unaffected. */
    record Failed(RepositoryId repository, Reason reason, String message) implements SyncOutcome {}

    enum Reason {
        /** The GitHub token is missing, wrong or expired. */
        BAD_CREDENTIALS,
        /** The token lacks push access to the repository, which GitHub requires for traffic. */
        NOT_PERMITTED,
        /** GitHub does not know the repository (or hides it from the token). */
        NOT_FOUND,
        /** GitHub failed or answered something unusable; worth retrying later. */
        UPSTREAM_ERROR
    }
}
