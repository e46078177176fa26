package io.tidemark.storage.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One popular path of a snapshot, in GitHub's order. A row of {@code path_entry}. */
@Embeddable
public class PathEntryEmbeddable {

    @Column(name = "path", nullable = false)
    private String path;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "total", nullable = false)
    private int count;

    @Column(name = "uniques", nullable = false)
    private int uniques;

    protected PathEntryEmbeddable() {}

    public PathEntryEmbeddable(String path, String title, int count, int uniques) {
        this.path = path;
        this.title = title;
        this.count = count;
        this.uniques = uniques;
    }

    public String getPath() {
        return path;
    }

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
