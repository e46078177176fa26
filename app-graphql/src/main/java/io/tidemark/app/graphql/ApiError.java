package io.tidemark.app.graphql;

import io.smallrye.graphql.api.ErrorCode;

/**
 * Errors the API returns on purpose. Each carries its {@code extensions.code}, and its message is
 * written for the client (the configuration lists these classes as safe to show); anything else
 * reaches clients only as a generic server error.
 */
public abstract class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ApiError(String message) {
        super(message, null, false, false);
    }

    @ErrorCode("NOT_FOUND")
    public static final class NotFound extends ApiError {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message);
        }
    }

    @ErrorCode("INVALID_ARGUMENT")
    public static final class InvalidArgument extends ApiError {
        private static final long serialVersionUID = 1L;

        public InvalidArgument(String message) {
            super(message);
        }
    }

    @ErrorCode("FORBIDDEN")
    public static final class Forbidden extends ApiError {
        private static final long serialVersionUID = 1L;

        public Forbidden(String message) {
            super(message);
        }
    }

    @ErrorCode("RATE_LIMITED")
    public static final class RateLimited extends ApiError {
        private static final long serialVersionUID = 1L;

        public RateLimited(String message) {
            super(message);
        }
    }

    @ErrorCode("UPSTREAM_ERROR")
    public static final class Upstream extends ApiError {
        private static final long serialVersionUID = 1L;

        public Upstream(String message) {
            super(message);
        }
    }

    @ErrorCode("NOT_PERMITTED")
    public static final class NotPermitted extends ApiError {
        private static final long serialVersionUID = 1L;

        public NotPermitted(String message) {
            super(message);
        }
    }

    @ErrorCode("UNAUTHENTICATED")
    public static final class Unauthenticated extends ApiError {
        private static final long serialVersionUID = 1L;

        public Unauthenticated(String message) {
            super(message);
        }
    }

    @ErrorCode("RESULT_TOO_LARGE")
    public static final class ResultTooLarge extends ApiError {
        private static final long serialVersionUID = 1L;

        public ResultTooLarge(String message) {
            super(message);
        }
    }

    @ErrorCode("INTERNAL")
    public static final class Internal extends ApiError {
        private static final long serialVersionUID = 1L;

        public Internal(String message) {
            super(message);
        }
    }
}
