package io.tidemark.app.graphql;

import org.eclipse.microprofile.graphql.NonNull;

public class PopularPath {

    private final String path;
    private final String title;
    private final int count;
    private final int uniques;

    PopularPath(io.tidemark.core.model.PopularPath path) {
        this.path = path.path();
        this.title = path.title();
        this.count = path.count();
        this.uniques = path.uniques();
    }

    @NonNull
    public String getPath() {
        return path;
    }

    @NonNull
    public String getTitle() {
        return title;
    }

    public int getCount() {
        return count;
    }

    public int getUniques() {
        return uniques;
    }
}
