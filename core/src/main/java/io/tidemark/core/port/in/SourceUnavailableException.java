package io.tidemark.core.port.in;

import java.time.Instant;
import java.util.Objects;

/**
 * The source of traffic (GitHub, or another source adapter) could not answer what a use case
 * needed; nothing was changed.
 * The message is safe to show a user: it never holds a credential or a raw answer.
 */
public final class SourceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the source could not answer. */
    public enum Problem {
        /** The credentials are missing, wrong or expired. */
        BAD_CREDENTIALS,
        /** The credentials lack the permission traffic needs (push access). */
        NOT_PERMITTED,
        /** The repository or owner does not exist, or is hidden from the credentials. */
        NOT_FOUND,
        /** The request budget is spent until {@link #resumeAt()}. */
        RATE_LIMITED,
        /** The source failed or answered something unusable, even after retries. */
        UPSTREAM_ERROR
    }

    private final Problem problem;
    private final Instant resumeAt;

    /**
     * @param resumeAt when the budget is back, required for {@link Problem#RATE_LIMITED} and null
     *     otherwise
     */
    public SourceUnavailableException(Problem problem, String message, Instant resumeAt) {
        super(message, null, false, false);
        this.problem = Objects.requireNonNull(problem);
        if ((problem == Problem.RATE_LIMITED) != (resumeAt != null)) {
            throw new IllegalArgumentException("resumeAt is given exactly when the problem is RATE_LIMITED");
        }
        this.resumeAt = resumeAt;
    }

    public Problem problem() {
        return problem;
    }

    /** When the rate limit is over, or null if the problem is not {@link Problem#RATE_LIMITED}. */
    public Instant resumeAt() {
        return resumeAt;
    }
}
