package io.tidemark.core.port.out;

import io.tidemark.core.model.TrackedRepository;
import java.util.List;

/**
 * One page of known repositories, ordered by {@code nameWithOwner} ignoring case.
 *
 * @param repositories at most the requested number
 * @param hasNextPage whether more follow the last one
 * @param totalCount how many match the filter in all
 */
public record RepositoryPage(List<TrackedRepository> repositories, boolean hasNextPage, int totalCount) {

    public RepositoryPage {
        repositories = List.copyOf(repositories);
    }
}
