package io.tidemark.core.model;

import java.util.Base64;
import java.util.List;
import java.nio.charset.StandardCharsets;

/**
 * One page of known repositories, ordered by {@code nameWithOwner} ignoring case, as the store
 * lists it and the query use case returns it.
 *
 * @param repositories at most the requested number
 * @param hasNextPage whether more follow the last one
 * @param totalCount how many match the filter in all
 */
public record RepositoryPage(List<TrackedRepository> repositories, boolean hasNextPage, int totalCount) {

    private static final String CURSOR_PREFIX = "repo:";

    public RepositoryPage {
        repositories = List.copyOf(repositories);
    }

    /** The cursor of the last repository of this page (pass it as {@code after}), or null when empty. */
    public String endCursor() {
        return repositories.isEmpty() ? null : cursorOf(repositories.get(repositories.size() - 1).id());
    }

    /** The opaque cursor of a repository: the page after it starts with the next one. */
    public static String cursorOf(RepositoryId repository) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + repository.key()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The repository key a cursor stands for.
     *
     * @throws InvalidInputException if it is not a cursor {@link #cursorOf} made
     */
    public static String keyOf(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(CURSOR_PREFIX)) {
                return RepositoryId.parse(decoded.substring(CURSOR_PREFIX.length())).key();
            }
        } catch (IllegalArgumentException malformed) {
            // reported below, without echoing internals
        }
        throw new InvalidInputException("after", "after is not a cursor this API returned");
    }
}
