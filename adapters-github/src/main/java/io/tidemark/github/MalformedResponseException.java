package io.tidemark.github;

/** GitHub's answer could not be used: unparseable, incomplete or against the domain's rules. */
final class MalformedResponseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedResponseException(String message) {
        super(message);
    }

    MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
