package io.tidemark.core.model;

import java.util.List;

/**
 * What an import did with one file: per repository, what was read and what it changed, and
 * everything it did not keep, with the reason. An import never lowers a kept figure: a figure
 * that is not larger than the kept one is counted, not kept.
 *
 * @param file the file's name as given
 * @param format the format it was read as
 * @param repositories per repository of the file, in the order first met
 * @param skipped what the file holds that Tidemark does not keep, with the reason
 */
public record ImportReport(String file, String format, List<RepositoryReport> repositories, List<Skipped> skipped) {

    public ImportReport {
        Checks.notNull("file", file);
        Checks.notNull("format", format);
        repositories = List.copyOf(repositories);
        skipped = List.copyOf(skipped);
    }

    /**
     * One repository's part of an import. Buckets are counted per kind (views and clones apart).
     *
     * @param repository the repository
     * @param newlyTracked whether the import started tracking it
     * @param daysRead daily figures read from the file
     * @param daysRaised of those, the ones that raised a kept figure (a new day, a larger count or
     *     uniques, or a day now known complete)
     * @param daysNotLarger of those, the ones ignored as not larger than the kept figures
     * @param zeroDaysAdded days absent from a dense file inside its range, kept as observed zeros
     *     where nothing was kept (0 unless the caller stated the file is dense)
     * @param weeksRead weekly figures read (only Tidemark's export has any)
     * @param weeksRaised of those, the ones that raised a kept figure
     * @param windowTotalsRead window totals read (only Tidemark's export has any)
     * @param snapshotsKept referrer and path snapshots kept as their day's snapshot
     * @param snapshotsIgnored snapshots not kept, because a snapshot taken later that day is kept
     * @param statsKept repository counters (stars, forks...) kept
     */
    public record RepositoryReport(
            String repository,
            boolean newlyTracked,
            long daysRead,
            long daysRaised,
            long daysNotLarger,
            long zeroDaysAdded,
            long weeksRead,
            long weeksRaised,
            long windowTotalsRead,
            long snapshotsKept,
            long snapshotsIgnored,
            long statsKept) {}

    /**
     * Something of the file that was not kept.
     *
     * @param what what it is (for example {@code stars of octo/hello} or a file's name)
     * @param count how many facts or rows
     * @param reason why it was not kept
     */
    public record Skipped(String what, long count, String reason) {}
}
