package io.tidemark.app.graphql;

import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncOutcome;
import io.tidemark.core.port.in.SourceUnavailableException;
import io.tidemark.core.port.in.SourceUnavailableException.Problem;
import java.time.Instant;
import java.util.List;

/**
 * The one place where a failure of the source (GitHub) becomes an API error: the same problem
 * gets the same code and the same words, whether a sync, an owner listing or anything else met it.
 */
final class SourceErrors {

    private SourceErrors() {}

    /** The API error of a sync that did not keep everything: failed, partial or rate-limited. */
    static ApiError of(SyncOutcome outcome) {
        RepositoryId repository = outcome.repository();
        if (outcome instanceof SyncOutcome.RateLimited limited) {
            return of(Problem.RATE_LIMITED, repository.nameWithOwner(), null, limited.resumeAt());
        }
        if (outcome instanceof SyncOutcome.PartlySynced partly) {
            return new ApiError.Upstream("the sync of " + repository + " was partial: kept " + labels(partly.kept())
                    + "; not kept: " + partly.message()
                    + ". The failed parts are fetched again on the next sync; lastSyncedAt stays at the last full sync");
        }
        if (outcome instanceof SyncOutcome.Failed failed) {
            return of(problemOf(failed.reason()), repository.nameWithOwner(), failed.message(), null);
        }
        throw new IllegalArgumentException("not a failure: " + outcome.getClass().getSimpleName());
    }

    /** The API error of a source failure met while working on {@code subject} (may be null). */
    static ApiError of(SourceUnavailableException unavailable, String subject) {
        return of(unavailable.problem(), subject, unavailable.getMessage(), unavailable.resumeAt());
    }

    static ApiError of(Problem problem, String subject, String detail, Instant resumeAt) {
        String what = subject == null ? "it" : subject;
        return switch (problem) {
            case BAD_CREDENTIALS -> new ApiError.Upstream(
                    "GitHub rejected the configured token: set TIDEMARK_GITHUB_TOKEN to a valid token");
            case NOT_PERMITTED -> new ApiError.NotPermitted(
                    "the GitHub token lacks push access to " + what + ", which GitHub requires for traffic");
            case NOT_FOUND -> new ApiError.NotFound("GitHub does not know " + what + " (or hides it from the token)");
            case RATE_LIMITED -> new ApiError.RateLimited("GitHub's rate limit is spent until " + resumeAt
                    + (subject == null ? "" : "; " + subject + " will be synced then"));
            case UPSTREAM_ERROR -> new ApiError.Upstream("GitHub failed to answer"
                    + (subject == null ? "" : " for " + subject) + "; try again later"
                    + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"));
        };
    }

    /** {@code "views per day, views per week and top referrers"}. */
    private static String labels(List<SyncOutcome.Part> parts) {
        List<String> labels = parts.stream().map(SyncOutcome.Part::label).toList();
        if (labels.size() <= 1) {
            return String.join("", labels);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
    }

    private static Problem problemOf(SyncOutcome.Reason reason) {
        return switch (reason) {
            case BAD_CREDENTIALS -> Problem.BAD_CREDENTIALS;
            case NOT_PERMITTED -> Problem.NOT_PERMITTED;
            case NOT_FOUND -> Problem.NOT_FOUND;
            case UPSTREAM_ERROR -> Problem.UPSTREAM_ERROR;
        };
    }
}
