package io.tidemark.simulator;

/** What a token may do on a repository, weakest first. Traffic needs {@link #PUSH} or more. */
public enum Permission {
    /** Read only ({@code pull}). */
    PULL,
    /** Write ({@code push}): enough for the traffic API. */
    PUSH,
    /** Administrator ({@code admin}, implies push and pull). */
    ADMIN;

    /** Whether this permission includes {@code other}. */
    public boolean includes(Permission other) {
        return compareTo(other) >= 0;
    }
}
