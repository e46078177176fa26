package io.tidemark.app.graphql;

import io.smallrye.graphql.api.ErrorCode;

/**
 * Errors the API returns on purpose. Each carries its {@code extensions.code}, and its message is
 * written for the client (the configuration lists these classes as safe to show); anything else
 * reaches clients only as a generic server error.
 */
public abstract class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    ApiError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The {@code extensions.code} of this error. */
    public String code() {
        return code;
    }

    @ErrorCode(NotFound.CODE)
    public static final class NotFound extends ApiError {
        private static final long serialVersionUID = 1L;
        static final String CODE = "NOT_FOUND";

        public NotFound(String message) {
            super(CODE, message);
        }
    }

    @ErrorCode(InvalidArgument.CODE)
    public static final class InvalidArgument extends ApiError {
        private static final long serialVersionUID = 1L;
        static final String CODE = "INVALID_ARGUMENT";

        public InvalidArgument(String message) {
            super(CODE, message);
        }
    }

    @ErrorCode(Forbidden.CODE)
    public static final class Forbidden extends ApiError {
        private static final long serialVersionUID = 1L;
        static final String CODE = "FORBIDDEN";

        public Forbidden(String message) {
            super(CODE, message);
        }
    }

    @ErrorCode(RateLimited.CODE)
    public static final class RateLimited extends ApiError {
        private static final long serialVersionUID = 1L;
        static final String CODE = "RATE_LIMITED";

        public RateLimited(String message) {
            super(CODE, message);
        }
    }

    @ErrorCode(Upstream.CODE)
    public static final class Upstream extends ApiError {
        private static final long serialVersionUID = 1L;
        static final String CODE = "UPSTREAM_ERROR";

        public Upstream(String message) {
            super(CODE, message);
        }
    }

    @ErrorCode(NotPermitted.CODE)
    public static final class NotPermitted extends ApiError {
        private static final long serialVersionUID = 1L;
        static final String CODE = "NOT_PERMITTED";

        public NotPermitted(String message) {
            super(CODE, message);
        }
    }

    @ErrorCode(Unauthenticated.CODE)
    public static final class Unauthenticated extends ApiError {
        private static final long serialVersionUID = 1L;
        static final String CODE = "UNAUTHENTICATED";

        public Unauthenticated(String message) {
            super(CODE, message);
        }
    }

    @ErrorCode(ResultTooLarge.CODE)
    public static final class ResultTooLarge extends ApiError {
        private static final long serialVersionUID = 1L;
        static final String CODE = "RESULT_TOO_LARGE";

        public ResultTooLarge(String message) {
            super(CODE, message);
        }
    }

    @ErrorCode(SyncInProgress.CODE)
    public static final class SyncInProgress extends ApiError {
        private static final long serialVersionUID = 1L;
        static final String CODE = "SYNC_IN_PROGRESS";

        public SyncInProgress(String message) {
            super(CODE, message);
        }
    }

    @ErrorCode(Internal.CODE)
    public static final class Internal extends ApiError {
        private static final long serialVersionUID = 1L;
        static final String CODE = "INTERNAL";

        public Internal(String message) {
            super(CODE, message);
        }
    }
}
