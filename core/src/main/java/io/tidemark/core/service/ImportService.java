package io.tidemark.core.service;

import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.model.ArchiveFormatException;
import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.HistoryFact;
import io.tidemark.core.model.ImportReport;
import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.Observations;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.port.in.ImportHistoryUseCase;
import io.tidemark.core.port.out.HistoryArchive;
import io.tidemark.core.model.RepositoryStats;
import io.tidemark.core.port.out.RepositoryRegistry;
import io.tidemark.core.port.out.RepositoryStatsStore;
import io.tidemark.core.port.out.SnapshotStore;
import io.tidemark.core.port.out.TrafficHistory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Implements {@link ImportHistoryUseCase} over the archives and the stores.
 *
 * <p>Each file is read twice: once to check all of it (nothing is written if any of it is
 * malformed), and once to keep it, in slices of {@value #SLICE} buckets merged with {@link
 * TrafficHistory#mergeAll}, so memory stays bounded whatever the file's size. Figures merge by
 * the per-field maximum like every answer of GitHub, so an import never lowers a kept figure and
 * importing the same file again changes nothing. Days absent from the file are gaps, unless the
 * caller states the file is dense: then the days of its range that no row has are merged as
 * observed zeros (which, by the maximum, only ever add a day that was not kept).
 *
 * <p>Repository counters ({@link HistoryFact.Stat}) are kept as seen on their day (with a {@link
 * RepositoryStatsStore}), at the start of that day: a counter Tidemark fetched itself that day is
 * never replaced by an imported one, and importing the same file again changes nothing. Without a
 * counters store they are reported as skipped.
 */
public final class ImportService implements ImportHistoryUseCase {

    /** GitHub opened in 2008; its traffic API keeps 14 days. No figure can be older. */
    static final LocalDate FIRST_DAY = LocalDate.of(2008, 1, 1);

    /** Buckets merged per call of {@link TrafficHistory#mergeAll}. */
    static final int SLICE = 20_000;

    private final List<HistoryArchive> archives;
    private final RepositoryRegistry registry;
    private final TrafficHistory history;
    private final SnapshotStore snapshots;
    private final RepositoryStatsStore stats;
    private final Clock clock;

    public ImportService(
            List<HistoryArchive> archives,
            RepositoryRegistry registry,
            TrafficHistory history,
            SnapshotStore snapshots,
            Clock clock) {
        this(archives, registry, history, snapshots, null, clock);
    }

    /**
     * @param stats where repository counters are kept, or null to report them as skipped
     */
    public ImportService(
            List<HistoryArchive> archives,
            RepositoryRegistry registry,
            TrafficHistory history,
            SnapshotStore snapshots,
            RepositoryStatsStore stats,
            Clock clock) {
        this.stats = stats;
        this.archives = List.copyOf(archives);
        this.registry = Objects.requireNonNull(registry);
        this.history = Objects.requireNonNull(history);
        this.snapshots = Objects.requireNonNull(snapshots);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Set<String> formats() {
        Set<String> formats = new TreeSet<>();
        archives.forEach(archive -> formats.addAll(archive.formats()));
        return Set.copyOf(formats);
    }

    @Override
    public Optional<String> formatOf(ArchiveFile file) {
        Objects.requireNonNull(file, "file");
        for (HistoryArchive archive : archives) {
            Optional<String> recognised = archive.recognise(file);
            if (recognised.isPresent()) {
                return recognised;
            }
        }
        return Optional.empty();
    }

    @Override
    public ImportReport importFile(ArchiveFile file, Options options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Reader reader = readerOf(file, options.format());
        // Pass 1: the whole file is checked before anything is written.
        Check check = new Check(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1));
        reader.read(file, options.repository(), check);
        // Pass 2: keep it.
        Instant now = clock.instant();
        Keeper keeper = new Keeper(now, check);
        for (RepositoryId repository : check.repositories.keySet()) {
            keeper.report(repository).newlyTracked = registry.find(repository).isEmpty();
        }
        for (Map.Entry<RepositoryId, Boolean> repository : check.repositories.entrySet()) {
            if (keeper.report(repository.getKey()).newlyTracked) {
                registry.track(repository.getKey(), now);
                if (!repository.getValue()) {
                    registry.untrack(repository.getKey());
                }
            }
        }
        reader.read(file, options.repository(), keeper);
        keeper.flush();
        if (options.dense()) {
            keeper.fillZeros();
        }
        return keeper.report(file.name(), reader.format);
    }

    /** The archive and format of a file: the caller's format, else the first archive that recognises it. */
    private Reader readerOf(ArchiveFile file, String format) {
        if (format != null) {
            for (HistoryArchive archive : archives) {
                if (archive.formats().contains(format)) {
                    return new Reader(archive, format);
                }
            }
            throw new ArchiveFormatException(file.name(), 0, 0,
                    "unknown format '" + format + "'; the formats are " + String.join(", ", formats()));
        }
        for (HistoryArchive archive : archives) {
            Optional<String> recognised = archive.recognise(file);
            if (recognised.isPresent()) {
                return new Reader(archive, recognised.get());
            }
        }
        throw new ArchiveFormatException(file.name(), 0, 0,
                "not a file of a format Tidemark imports (" + String.join(", ", formats())
                        + "): neither its name nor its header is one of theirs");
    }

    private record Reader(HistoryArchive archive, String format) {
        void read(ArchiveFile file, RepositoryId repository, Consumer<HistoryFact> facts) {
            try {
                archive.read(file, format, repository, facts);
            } catch (ArchiveFormatException malformed) {
                throw malformed;
            } catch (InvalidInputException invalid) {
                // An archive should say where; if it did not, the file as a whole is named.
                throw new ArchiveFormatException(file.name(), 0, 0, invalid.getMessage());
            }
        }
    }

    /** Per repository and kind: the days the file has figures of, for dense files. */
    private static final class Days {
        final BitSet days = new BitSet();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;

        void add(LocalDate day) {
            long epochDay = day.toEpochDay();
            days.set(Math.toIntExact(epochDay - EPOCH_OFFSET));
            first = Math.min(first, epochDay);
            last = Math.max(last, epochDay);
        }

        boolean has(long epochDay) {
            return days.get(Math.toIntExact(epochDay - EPOCH_OFFSET));
        }

        /** Days from {@link #FIRST_DAY} on, so that a BitSet index is never negative. */
        static final long EPOCH_OFFSET = FIRST_DAY.toEpochDay();
    }

    /** Pass 1: every repository of the file, and the days of its daily figures. */
    private static final class Check implements Consumer<HistoryFact> {
        final LocalDate lastDay;
        final Map<RepositoryId, Boolean> repositories = new LinkedHashMap<>();
        final Map<RepositoryId, Map<TrafficKind, Days>> days = new LinkedHashMap<>();

        Check(LocalDate lastDay) {
            this.lastDay = lastDay;
        }

        @Override
        public void accept(HistoryFact fact) {
            if (fact instanceof HistoryFact.Tracked tracked) {
                repositories.merge(tracked.repository(), tracked.active(), Boolean::logicalOr);
            } else if (fact instanceof HistoryFact.Bucket bucket) {
                repositories.putIfAbsent(bucket.repository(), true);
                LocalDate start = bucket.bucket().start();
                if (start.isBefore(FIRST_DAY) || start.isAfter(lastDay)) {
                    throw new InvalidInputException("start", "a figure of " + start
                            + " cannot be GitHub traffic: it must lie between " + FIRST_DAY + " and today");
                }
                if (bucket.granularity() == Granularity.DAY) {
                    days.computeIfAbsent(bucket.repository(), r -> new EnumMap<>(TrafficKind.class))
                            .computeIfAbsent(bucket.kind(), k -> new Days())
                            .add(bucket.bucket().start());
                }
            } else if (fact instanceof HistoryFact.Totals totals) {
                repositories.putIfAbsent(totals.repository(), true);
            } else if (fact instanceof HistoryFact.Referrers referrers) {
                repositories.putIfAbsent(referrers.repository(), true);
            } else if (fact instanceof HistoryFact.Paths paths) {
                repositories.putIfAbsent(paths.repository(), true);
            } else if (fact instanceof HistoryFact.Stat stat) {
                repositories.putIfAbsent(stat.repository(), true);
                if (stat.day().isBefore(FIRST_DAY) || stat.day().isAfter(lastDay)) {
                    throw new InvalidInputException("day", "a counter of " + stat.day()
                            + " cannot be GitHub's: it must lie between " + FIRST_DAY + " and today");
                }
                if (stat.value() > Integer.MAX_VALUE) {
                    throw new InvalidInputException(stat.counter().label(),
                            stat.counter().label() + " " + stat.value() + " is larger than any GitHub counter");
                }
            }
        }
    }

    /** Counters of one repository's report. */
    private static final class Counts {
        boolean newlyTracked;
        long daysRead, daysRaised, daysNotLarger, zeroDaysAdded, weeksRead, weeksRaised, totalsRead;
        long snapshotsKept, snapshotsIgnored, statsKept;
        final Map<HistoryFact.Counter, Long> statsSkipped = new EnumMap<>(HistoryFact.Counter.class);
    }

    private record SeriesKey(TrafficKind kind, Granularity granularity) {}

    /** Pass 2: keeps the facts, a slice at a time. */
    private final class Keeper implements Consumer<HistoryFact> {
        private final Instant now;
        private final Check check;
        private final Map<RepositoryId, Counts> counts = new LinkedHashMap<>();
        private final Map<RepositoryId, Map<SeriesKey, TreeMap<LocalDate, KeptBucket>>> slice = new HashMap<>();
        private final Map<RepositoryId, List<Observations>> totals = new HashMap<>();
        /** Counters read, per repository and day (the last of a counter read in the file wins). */
        private final Map<RepositoryId, Map<LocalDate, RepositoryStats>> counters = new HashMap<>();
        private int sliced;

        Keeper(Instant now, Check check) {
            this.now = now;
            this.check = check;
        }

        Counts report(RepositoryId repository) {
            return counts.computeIfAbsent(repository, r -> new Counts());
        }

        @Override
        public void accept(HistoryFact fact) {
            if (fact instanceof HistoryFact.TrackedOwner owner) {
                registry.trackOwner(owner.owner(), now);
            } else if (fact instanceof HistoryFact.Tracked tracked) {
                report(tracked.repository());
            } else if (fact instanceof HistoryFact.Bucket bucket) {
                Counts of = report(bucket.repository());
                if (bucket.granularity() == Granularity.DAY) {
                    of.daysRead++;
                } else {
                    of.weeksRead++;
                }
                // Two figures of one bucket in one file: the larger of each field is the one read.
                slice.computeIfAbsent(bucket.repository(), r -> new HashMap<>())
                        .computeIfAbsent(new SeriesKey(bucket.kind(), bucket.granularity()), k -> new TreeMap<>())
                        .merge(bucket.bucket().start(), bucket.bucket(), KeptBucket::mergedWith);
                if (++sliced >= SLICE) {
                    flush();
                }
            } else if (fact instanceof HistoryFact.Totals kept) {
                report(kept.repository()).totalsRead++;
                totals.computeIfAbsent(kept.repository(), r -> new ArrayList<>()).add(new Observations(
                        kept.totals().kind(), kept.totals().granularity(), kept.totals().fetchedAt(), List.of(), kept.totals()));
                if (++sliced >= SLICE) {
                    flush();
                }
            } else if (fact instanceof HistoryFact.Referrers referrers) {
                keep(referrers.repository(), referrers.snapshot());
            } else if (fact instanceof HistoryFact.Paths paths) {
                keep(paths.repository(), paths.snapshot());
            } else if (fact instanceof HistoryFact.Stat stat) {
                if (stats == null) {
                    report(stat.repository()).statsSkipped.merge(stat.counter(), 1L, Long::sum);
                    return;
                }
                report(stat.repository()).statsKept++;
                counters.computeIfAbsent(stat.repository(), r -> new HashMap<>())
                        .merge(stat.day(), RepositoryStats.of(stat.day(), stat.counter(), (int) stat.value()),
                                (kept, read) -> kept.with(stat.counter(), (int) stat.value()));
                if (++sliced >= SLICE) {
                    flush();
                }
            }
        }

        private void keep(RepositoryId repository, TopReferrers snapshot) {
            keepSnapshot(repository, snapshot.takenAt(), snapshots.topReferrers(repository, snapshot.day())
                    .filter(kept -> kept.day().equals(snapshot.day())).map(TopReferrers::takenAt),
                    () -> snapshots.save(repository, snapshot));
        }

        private void keep(RepositoryId repository, TopPaths snapshot) {
            keepSnapshot(repository, snapshot.takenAt(), snapshots.topPaths(repository, snapshot.day())
                    .filter(kept -> kept.day().equals(snapshot.day())).map(TopPaths::takenAt),
                    () -> snapshots.save(repository, snapshot));
        }

        /**
         * Saves a snapshot unless the one kept for its day was taken later (the store would ignore
         * it then), counting which it was.
         */
        private void keepSnapshot(RepositoryId repository, Instant takenAt, Optional<Instant> keptTakenAt, Runnable save) {
            if (keptTakenAt.isPresent() && keptTakenAt.get().isAfter(takenAt)) {
                report(repository).snapshotsIgnored++;
            } else {
                save.run();
                report(repository).snapshotsKept++;
            }
        }

        /** Merges the slice, counting per bucket whether it raised the kept figures. */
        void flush() {
            Map<RepositoryId, List<Observations>> merge = new HashMap<>(totals);
            for (Map.Entry<RepositoryId, Map<SeriesKey, TreeMap<LocalDate, KeptBucket>>> repository : slice.entrySet()) {
                for (Map.Entry<SeriesKey, TreeMap<LocalDate, KeptBucket>> series : repository.getValue().entrySet()) {
                    TreeMap<LocalDate, KeptBucket> read = series.getValue();
                    Map<LocalDate, KeptBucket> kept = kept(repository.getKey(), series.getKey(), read.firstKey(), read.lastKey());
                    Counts of = report(repository.getKey());
                    for (KeptBucket bucket : read.values()) {
                        boolean raises = raises(bucket, kept.get(bucket.start()));
                        if (series.getKey().granularity() == Granularity.DAY) {
                            if (raises) {
                                of.daysRaised++;
                            } else {
                                of.daysNotLarger++;
                            }
                        } else if (raises) {
                            of.weeksRaised++;
                        }
                    }
                    merge.computeIfAbsent(repository.getKey(), r -> new ArrayList<>()).add(new Observations(
                            series.getKey().kind(), series.getKey().granularity(), now, List.copyOf(read.values()), null));
                }
            }
            if (!merge.isEmpty()) {
                history.mergeAll(merge);
            }
            counters.forEach((repository, days) -> days.values().forEach(day ->
                    stats.saveStats(repository, day, day.day().atStartOfDay(ZoneOffset.UTC).toInstant())));
            counters.clear();
            slice.clear();
            totals.clear();
            sliced = 0;
        }

        /** Dense files: every day of a repository's range that the file has no figure of is an observed zero. */
        void fillZeros() {
            for (Map.Entry<RepositoryId, Map<TrafficKind, Days>> repository : check.days.entrySet()) {
                long first = Long.MAX_VALUE;
                long last = Long.MIN_VALUE;
                for (Days days : repository.getValue().values()) {
                    first = Math.min(first, days.first);
                    last = Math.max(last, days.last);
                }
                for (Map.Entry<TrafficKind, Days> kind : repository.getValue().entrySet()) {
                    SeriesKey key = new SeriesKey(kind.getKey(), Granularity.DAY);
                    Map<LocalDate, KeptBucket> kept =
                            kept(repository.getKey(), key, LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last));
                    List<KeptBucket> zeros = new ArrayList<>();
                    for (long day = first; day <= last; day++) {
                        if (!kind.getValue().has(day) && !kept.containsKey(LocalDate.ofEpochDay(day))) {
                            zeros.add(new KeptBucket(LocalDate.ofEpochDay(day), 0, 0, false));
                        }
                    }
                    for (int from = 0; from < zeros.size(); from += SLICE) {
                        List<KeptBucket> part = zeros.subList(from, Math.min(zeros.size(), from + SLICE));
                        history.merge(repository.getKey(), new Observations(kind.getKey(), Granularity.DAY, now, part, null));
                    }
                    report(repository.getKey()).zeroDaysAdded += zeros.size();
                }
            }
        }

        private Map<LocalDate, KeptBucket> kept(RepositoryId repository, SeriesKey series, LocalDate from, LocalDate to) {
            List<KeptBucket> kept = history.series(List.of(repository), series.kind(), series.granularity(), new DateRange(from, to))
                    .getOrDefault(repository, List.of());
            Map<LocalDate, KeptBucket> byStart = new HashMap<>();
            kept.forEach(bucket -> byStart.put(bucket.start(), bucket));
            return byStart;
        }

        ImportReport report(String file, String format) {
            List<ImportReport.RepositoryReport> repositories = new ArrayList<>();
            List<ImportReport.Skipped> skipped = new ArrayList<>();
            for (Map.Entry<RepositoryId, Counts> entry : counts.entrySet()) {
                Counts of = entry.getValue();
                repositories.add(new ImportReport.RepositoryReport(entry.getKey().nameWithOwner(), of.newlyTracked,
                        of.daysRead, of.daysRaised, of.daysNotLarger, of.zeroDaysAdded, of.weeksRead, of.weeksRaised,
                        of.totalsRead, of.snapshotsKept, of.snapshotsIgnored, of.statsKept));
                of.statsSkipped.forEach((counter, count) -> skipped.add(new ImportReport.Skipped(
                        counter.label() + " of " + entry.getKey().nameWithOwner(), count,
                        "Tidemark keeps no history of repository counters yet (stars, forks, watchers, open issues)")));
            }
            return new ImportReport(file, format, repositories, skipped);
        }
    }

    /** Whether merging {@code read} into {@code kept} (null: nothing kept) changes the kept bucket. */
    static boolean raises(KeptBucket read, KeptBucket kept) {
        return kept == null
                || read.count() > kept.count()
                || read.uniques() > kept.uniques()
                || (read.complete() && !kept.complete());
    }
}
