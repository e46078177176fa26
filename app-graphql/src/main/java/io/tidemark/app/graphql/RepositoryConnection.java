package io.tidemark.app.graphql;

import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;

public class RepositoryConnection {

    private final List<Repository> nodes;
    private final PageInfo pageInfo;
    private final int totalCount;

    RepositoryConnection(List<Repository> nodes, PageInfo pageInfo, int totalCount) {
        this.nodes = nodes;
        this.pageInfo = pageInfo;
        this.totalCount = totalCount;
    }

    @NonNull
    public List<@NonNull Repository> getNodes() {
        return nodes;
    }

    @NonNull
    public PageInfo getPageInfo() {
        return pageInfo;
    }

    public int getTotalCount() {
        return totalCount;
    }
}
