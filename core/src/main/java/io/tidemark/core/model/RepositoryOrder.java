package io.tidemark.core.model;

/**
 * How to order repositories.
 *
 * @param field what to order by
 * @param direction ascending or descending; ties are always broken by {@link RepositoryId#key()}
 *     ascending
 * @param range the days whose counts {@link Field#VIEWS} and {@link Field#CLONES} add up
 *     (inclusive); ignored for the other fields
 */
public record RepositoryOrder(Field field, Direction direction, DateRange range) {

    public enum Field {
        /** By {@code nameWithOwner}, ignoring case. */
        NAME,
        /** By the views of {@code range} added up (daily counts). */
        VIEWS,
        /** By the clones of {@code range} added up (daily counts). */
        CLONES,
        /** By the stars last seen. */
        STARS
    }

    public enum Direction {
        ASC,
        DESC
    }

    public RepositoryOrder {
        Checks.notNull("field", field);
        Checks.notNull("direction", direction);
        Checks.notNull("range", range);
    }
}
