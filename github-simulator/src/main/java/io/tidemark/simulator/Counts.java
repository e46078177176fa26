package io.tidemark.simulator;

/**
 * A count of events and the number of distinct visitors among them.
 *
 * @param count number of events
 * @param uniques number of distinct visitors
 */
public record Counts(long count, long uniques) {

    /** No traffic. */
    public static final Counts ZERO = new Counts(0, 0);
}
