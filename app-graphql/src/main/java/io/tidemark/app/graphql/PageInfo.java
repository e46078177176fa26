package io.tidemark.app.graphql;

public class PageInfo {

    private final String endCursor;
    private final boolean hasNextPage;

    PageInfo(String endCursor, boolean hasNextPage) {
        this.endCursor = endCursor;
        this.hasNextPage = hasNextPage;
    }

    public String getEndCursor() {
        return endCursor;
    }

    public boolean isHasNextPage() {
        return hasNextPage;
    }
}
