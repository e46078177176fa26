package io.tidemark.core.model;

/** One of GitHub's most viewed paths of a repository over a 14-day window. */
public record PopularPath(String path, String title, int count, int uniques) {

    public PopularPath {
        Checks.notBlank("path", path);
        Checks.notNull("title", title);
        Checks.notNegative("count", count);
        Checks.notNegative("uniques", uniques);
    }
}
