package io.tidemark.core.model;

import java.time.LocalDate;

/**
 * One fact of a repository's history as it travels between Tidemark and files: read from another
 * tool's files or from Tidemark's own export by an {@link io.tidemark.core.port.out.HistoryArchive
 * archive} (import), or read from the stores (export). A fact is a value: building one validates
 * it, so a fact that exists is well formed.
 */
public sealed interface HistoryFact {

    /** An owner whose repositories Tidemark tracks as they appear (Tidemark's export only). */
    record TrackedOwner(String owner) implements HistoryFact {
        public TrackedOwner {
            owner = RepositoryId.validOwner(owner);
        }
    }

    /**
     * A repository the history belongs to. Importing one Tidemark does not know tracks it, and
     * leaves it untracked (history kept, not fetched) when {@code active} is false.
     */
    record Tracked(RepositoryId repository, boolean active) implements HistoryFact {
        public Tracked {
            Checks.notNull("repository", repository);
        }
    }

    /**
     * One bucket of views or clones. {@code bucket.complete()} is true only where the file proves
     * that the whole bucket was seen (Tidemark's own export); another tool's daily figure is
     * never complete, since none of them records it.
     *
     * @throws InvalidInputException if the bucket does not start a bucket of the granularity, or
     *     has more uniques than its count
     */
    record Bucket(RepositoryId repository, TrafficKind kind, Granularity granularity, KeptBucket bucket)
            implements HistoryFact {
        public Bucket {
            Checks.notNull("repository", repository);
            Checks.notNull("kind", kind);
            Checks.notNull("granularity", granularity);
            Checks.notNull("bucket", bucket);
            if (!granularity.isBucketStart(bucket.start())) {
                throw new InvalidInputException("start", bucket.start() + " does not start a " + granularity);
            }
            if (bucket.uniques() > bucket.count()) {
                throw new InvalidInputException("uniques", "the uniques (" + bucket.uniques()
                        + ") are larger than the count (" + bucket.count() + ")");
            }
        }
    }

    /** The source's own totals over one fetched window (Tidemark's export only). */
    record Totals(RepositoryId repository, WindowTotals totals) implements HistoryFact {
        public Totals {
            Checks.notNull("repository", repository);
            Checks.notNull("totals", totals);
        }
    }

    /** A top-10 referrer snapshot, dated when it was taken. */
    record Referrers(RepositoryId repository, TopReferrers snapshot) implements HistoryFact {
        public Referrers {
            Checks.notNull("repository", repository);
            Checks.notNull("snapshot", snapshot);
        }
    }

    /** A top-10 popular path snapshot, dated when it was taken. */
    record Paths(RepositoryId repository, TopPaths snapshot) implements HistoryFact {
        public Paths {
            Checks.notNull("repository", repository);
            Checks.notNull("snapshot", snapshot);
        }
    }

    /** A repository counter as seen on a day: stars, forks, watchers or open issues. */
    record Stat(RepositoryId repository, LocalDate day, Counter counter, long value) implements HistoryFact {
        public Stat {
            Checks.notNull("repository", repository);
            Checks.notNull("day", day);
            Checks.notNull("counter", counter);
            if (value < 0) {
                throw new InvalidInputException(counter.label(), counter.label() + " may not be negative (" + value + ")");
            }
        }
    }

    /** The repository counters other tools keep beside traffic. */
    enum Counter {
        STARS("stars"),
        FORKS("forks"),
        WATCHERS("watchers"),
        OPEN_ISSUES("open issues");

        private final String label;

        Counter(String label) {
            this.label = label;
        }

        /** The counter in words, for reports. */
        public String label() {
            return label;
        }
    }
}
