package io.tidemark.core.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of repositories in the order of a {@link RepositoryOrder}, with the value each was
 * ordered by.
 *
 * <p>Pages of an order other than by name are positions in the ranking as it stands at each
 * request (traffic changes between two requests may move a repository across a page boundary);
 * the cursor says where the next page starts.
 *
 * @param repositories the page, in order
 * @param values per repository of the page, the value it was ordered by (null where nothing is
 *     known: no bucket kept in the range, no stars seen; such repositories come last in either
 *     direction)
 * @param hasNextPage whether more follow
 * @param totalCount how many repositories are ranked in all
 * @param endCursor the cursor of the page after this one (null when the page is empty)
 */
public record RankedPage(
        List<TrackedRepository> repositories, List<Long> values, boolean hasNextPage, int totalCount, String endCursor) {

    private static final String PREFIX = "rank:";

    public RankedPage {
        repositories = List.copyOf(repositories);
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        if (values.size() != repositories.size()) {
            throw new IllegalArgumentException("one value per repository");
        }
    }

    /** The cursor of the position after {@code offset} repositories of a ranking. */
    public static String cursorAt(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The offset a ranking cursor stands for.
     *
     * @throws InvalidInputException if it is not a cursor {@link #cursorAt} made
     */
    public static int offsetOf(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        throw new InvalidInputException("after", "after is not a cursor of this ordering");
    }
}
