package io.tidemark.core.model;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** How a sync of one repository ended. Failures are outcomes, not exceptions. */
public sealed interface SyncOutcome {

    RepositoryId repository();

    /** Everything was fetched and kept. */
    record Synced(RepositoryId repository, Instant syncedAt) implements SyncOutcome {}

    /**
     * Some parts were fetched and kept, and at least one part failed: the source failed to answer
     * for it even after retries, or answered something unusable. The kept parts stay kept; the
     * sync is not a success (the repository's last success is not advanced) and the failed parts
     * are fetched again on the next sync.
     *
     * @param kept the parts this sync fetched and kept, in the order they were fetched (may be
     *     empty: every part it fetched failed)
     * @param failed the parts that failed, in the order they were fetched, never empty
     */
    record PartlySynced(RepositoryId repository, Instant attemptedAt, List<Part> kept, List<FailedPart> failed)
            implements SyncOutcome {

        public PartlySynced {
            Checks.notNull("repository", repository);
            Checks.notNull("attemptedAt", attemptedAt);
            kept = List.copyOf(Checks.noNullElements("kept", kept));
            failed = List.copyOf(Checks.noNullElements("failed", failed));
            if (failed.isEmpty()) {
                throw new InvalidInputException("failed", "a partly synced repository has at least one failed part");
            }
        }

        /**
         * Which parts failed and why, safe to show a user, for example {@code "clones per day
         * failed: GitHub answered 502 (gave up after 4 attempts); clones per week failed: ..."}.
         */
        public String message() {
            return FailedPart.describe(failed);
        }
    }

    /** The source's rate limit is spent; nothing more can be fetched before {@code resumeAt}. */
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

    /** One answer a sync fetches and keeps on its own: a window, a snapshot, the counters or the releases. */
    enum Part {
        VIEWS_PER_DAY(TrafficKind.VIEWS, Granularity.DAY, "views per day"),
        VIEWS_PER_WEEK(TrafficKind.VIEWS, Granularity.WEEK, "views per week"),
        CLONES_PER_DAY(TrafficKind.CLONES, Granularity.DAY, "clones per day"),
        CLONES_PER_WEEK(TrafficKind.CLONES, Granularity.WEEK, "clones per week"),
        TOP_REFERRERS(null, null, "top referrers"),
        POPULAR_PATHS(null, null, "popular paths"),
        /** The repository's counters (stars, forks, watchers, open issues); since version 2. */
        REPOSITORY_STATS(null, null, "repository counters"),
        /** The releases and their download counts; since version 2. */
        RELEASES(null, null, "releases"),
        /** Pages of the stargazer list, for the optional stars backfill. */
        STARS_BACKFILL(null, null, "stars backfill");

        private final TrafficKind kind;
        private final Granularity granularity;
        private final String label;

        Part(TrafficKind kind, Granularity granularity, String label) {
            this.kind = kind;
            this.granularity = granularity;
            this.label = label;
        }

        /** The part holding the window of {@code kind} per {@code granularity}. */
        public static Part window(TrafficKind kind, Granularity granularity) {
            for (Part part : values()) {
                if (part.kind == kind && part.granularity == granularity) {
                    return part;
                }
            }
            throw new IllegalArgumentException("no window part for " + kind + " per " + granularity);
        }

        /** How a user calls it, for example {@code "clones per week"}. */
        public String label() {
            return label;
        }
    }

    /**
     * A part that could not be fetched or kept.
     *
     * @param message why, safe to show a user (the source's failure message)
     */
    record FailedPart(Part part, String message) {
        public FailedPart {
            Checks.notNull("part", part);
            Checks.notNull("message", message);
        }

        /** {@code "<part> failed: <message>"} for each failed part, joined by {@code "; "}. */
        public static String describe(List<FailedPart> failed) {
            return failed.stream()
                    .map(f -> f.part().label() + " failed: " + f.message())
                    .collect(Collectors.joining("; "));
        }
    }
}
