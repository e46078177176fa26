package io.tidemark.core.model;

/**
 * Input that breaks a domain rule: a malformed repository name, a negative count, a bucket that
 * is not aligned to its granularity. Thrown before anything is written, so kept data is never
 * touched by bad input. The message is safe to show to a user.
 */
public class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The name of the offending input, for example {@code owner} or {@code buckets[3].count}. */
    public String field() {
        return field;
    }
}
