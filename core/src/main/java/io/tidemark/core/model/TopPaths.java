package io.tidemark.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** GitHub's top-10 popular paths over the 14 days before {@code takenAt}; kept like {@link TopReferrers}. */
public record TopPaths(Instant takenAt, List<PopularPath> paths) {

    public TopPaths {
        Checks.notNull("takenAt", takenAt);
        paths = Checks.noNullElements("paths", paths);
    }

    /** The UTC day this snapshot is kept under. */
    public LocalDate day() {
        return LocalDate.ofInstant(takenAt, ZoneOffset.UTC);
    }
}
