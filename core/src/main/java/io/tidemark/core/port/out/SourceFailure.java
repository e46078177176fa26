package io.tidemark.core.port.out;

import java.time.Instant;

/**
 * Why a {@link TrafficSource} could not answer. A closed set of outcomes, each with a message that
 * is safe to show a user (implementations must never put a token or a raw response in it).
 */
public abstract sealed class SourceFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private SourceFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** The credentials are missing, wrong or expired. Not worth retrying until they change. */
    public static final class BadCredentials extends SourceFailure {
        private static final long serialVersionUID = 1L;

        public BadCredentials(String message) {
            super(message, null);
        }
    }

    /** The credentials lack the permission traffic needs (push access). Permanent. */
    public static final class NotPermitted extends SourceFailure {
        private static final long serialVersionUID = 1L;

        public NotPermitted(String message) {
            super(message, null);
        }
    }

    /** The repository or owner does not exist, or is hidden from the credentials. */
    public static final class NotFound extends SourceFailure {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message, null);
        }
    }

    /** The request budget is spent; nothing can be fetched before {@link #resumeAt()}. */
    public static final class RateLimited extends SourceFailure {
        private static final long serialVersionUID = 1L;

        private final Instant resumeAt;

        public RateLimited(String message, Instant resumeAt) {
            super(message, null);
            this.resumeAt = resumeAt;
        }

        public Instant resumeAt() {
            return resumeAt;
        }
    }

    /** The source failed (5xx, timeout, unusable body) even after retries. Worth trying later. */
    public static final class Upstream extends SourceFailure {
        private static final long serialVersionUID = 1L;

        public Upstream(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
