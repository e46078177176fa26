package io.tidemark.github;

/**
 * A failure worth another attempt: 5xx, timeout, connection error or an unusable body. The retry
 * guard retries exactly these; when it gives up, the last one becomes {@code Upstream}.
 */
final class TransientFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
