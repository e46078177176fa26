package io.tidemark.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A source's answer about a repository's releases: all of them (every page), at the source's time
 * of the answer, each tag at most once. An empty list is an answer too: the repository has no
 * release.
 */
public record ReleaseList(Instant fetchedAt, List<Release> releases) {

    public ReleaseList {
        Checks.notNull("fetchedAt", fetchedAt);
        releases = Checks.noNullElements("releases", releases);
        Set<String> tags = new HashSet<>();
        for (Release release : releases) {
            if (!tags.add(release.tagName())) {
                throw new InvalidInputException("releases", "the tag " + release.tagName() + " is listed twice");
            }
        }
    }

    /** The UTC day the answer is kept under. */
    public LocalDate day() {
        return LocalDate.ofInstant(fetchedAt, ZoneOffset.UTC);
    }
}
