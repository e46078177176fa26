package io.tidemark.imports;

import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.model.ArchiveFormatException;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.HistoryFact;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.PopularPath;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.port.out.HistoryArchive;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data folder of jgehrcke/github-repo-stats ({@code <owner>/<repo>/ghrs-data/}), one file at a
 * time: {@code views_clones_aggregate.csv} (daily views and clones, never complete: the tool does
 * not record whether a day was seen whole), the referrer and path snapshots of {@code snapshots/}
 * (one per file, taken at the UTC time in the file name), {@code stargazers.csv} and {@code
 * forks.csv} (counters).
 *
 * <p>A blank cell is a day the tool had no row of that series: no fact (never a zero); a kind with
 * one of its two cells blank is an error. The repository is the caller's, else the two folders
 * before {@code ghrs-data}.
 */
@ApplicationScoped
public class GitHubRepoStatsArchive implements HistoryArchive {

    /** The format's name. */
    public static final String FORMAT = "github-repo-stats";

    static final String MARKER = "ghrs-data";
    static final String AGGREGATE = "views_clones_aggregate.csv";
    static final String STARGAZERS = "stargazers.csv";
    static final String FORKS = "forks.csv";

    static final List<String> AGGREGATE_COLUMNS =
            List.of("time_iso8601", "clones_total", "clones_unique", "views_total", "views_unique");
    static final List<String> REFERRER_COLUMNS = List.of("referrer", "views_total", "views_unique");
    static final List<String> PATH_COLUMNS = List.of("url_path", "views_total", "views_unique");
    static final List<String> STARGAZER_COLUMNS = List.of("time_iso8601", "stars_cumulative");
    static final List<String> FORK_COLUMNS = List.of("time_iso8601", "forks_cumulative");

    private static final Pattern SNAPSHOT =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2}_\\d{6})_top_(referrers|paths)_snapshot\\.csv");
    private static final DateTimeFormatter SNAPSHOT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd_HHmmss");

    /** Most entries of one top-10 snapshot file. */
    static final int TOP = 10;

    private enum Kind { AGGREGATE, REFERRERS, PATHS, STARS, FORKS }

    @Override
    public Set<String> formats() {
        return Set.of(FORMAT);
    }

    @Override
    public Optional<String> recognise(ArchiveFile file) {
        Objects.requireNonNull(file, "file");
        Kind kind = kindOf(file);
        if (kind == null) {
            return Optional.empty();
        }
        return CsvTable.formatIfHeaderHas(file, columnsOf(kind), FORMAT);
    }

    @Override
    public void read(ArchiveFile file, String format, RepositoryId repository, Consumer<HistoryFact> facts) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(facts, "facts");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("this archive reads " + FORMAT + ", not " + format);
        }
        Kind kind = kindOf(file);
        if (kind == null) {
            throw new ArchiveFormatException(file.name(), 0, 0, "not a file of github-repo-stats: expected "
                    + AGGREGATE + ", " + STARGAZERS + ", " + FORKS
                    + " or snapshots/YYYY-MM-DD_HHMMSS_top_referrers_snapshot.csv (or _top_paths_)");
        }
        RepositoryId of = Layout.repository(file, MARKER, repository);
        switch (kind) {
            case AGGREGATE -> readAggregate(file, of, facts);
            case REFERRERS -> readReferrers(file, of, snapshotTime(file), facts);
            case PATHS -> readPaths(file, of, snapshotTime(file), facts);
            case STARS -> readCounter(file, of, STARGAZER_COLUMNS, HistoryFact.Counter.STARS, facts);
            case FORKS -> readCounter(file, of, FORK_COLUMNS, HistoryFact.Counter.FORKS, facts);
        }
    }

    private static void readAggregate(ArchiveFile file, RepositoryId repository, Consumer<HistoryFact> facts) {
        try (CsvTable table = CsvTable.open(file)) {
            int time = table.column("time_iso8601", AGGREGATE_COLUMNS);
            int clones = table.column("clones_total", AGGREGATE_COLUMNS);
            int clonesUnique = table.column("clones_unique", AGGREGATE_COLUMNS);
            int views = table.column("views_total", AGGREGATE_COLUMNS);
            int viewsUnique = table.column("views_unique", AGGREGATE_COLUMNS);
            while (table.next()) {
                LocalDate day = Figures.day(table.cell(time), table.name(time), table.at(time));
                HistoryFact.Bucket clonesFact = bucket(table, repository, TrafficKind.CLONES, day, clones, clonesUnique);
                HistoryFact.Bucket viewsFact = bucket(table, repository, TrafficKind.VIEWS, day, views, viewsUnique);
                if (clonesFact != null) {
                    facts.accept(clonesFact);
                }
                if (viewsFact != null) {
                    facts.accept(viewsFact);
                }
            }
        }
    }

    /** The day's bucket of one kind, or null when both its cells are blank (the tool had no row). */
    private static HistoryFact.Bucket bucket(
            CsvTable table, RepositoryId repository, TrafficKind kind, LocalDate day, int countColumn, int uniquesColumn) {
        boolean noCount = table.blank(countColumn);
        boolean noUniques = table.blank(uniquesColumn);
        if (noCount && noUniques) {
            return null;
        }
        if (noCount || noUniques) {
            int blank = noCount ? countColumn : uniquesColumn;
            int other = noCount ? uniquesColumn : countColumn;
            throw table.at(blank).problem(table.name(blank) + " is blank while " + table.name(other)
                    + " is not: expected both figures of the day, or neither");
        }
        int count = table.count(countColumn);
        int uniques = table.count(uniquesColumn);
        Figures.uniquesWithinCount(count, uniques, table.name(uniquesColumn), table.name(countColumn), table.at(uniquesColumn));
        return table.build(countColumn, () ->
                new HistoryFact.Bucket(repository, kind, Granularity.DAY, new KeptBucket(day, count, uniques, false)));
    }

    private static void readReferrers(ArchiveFile file, RepositoryId repository, Instant takenAt, Consumer<HistoryFact> facts) {
        List<Referrer> referrers = new ArrayList<>();
        try (CsvTable table = CsvTable.open(file)) {
            int referrer = table.column("referrer", REFERRER_COLUMNS);
            int count = table.column("views_total", REFERRER_COLUMNS);
            int uniques = table.column("views_unique", REFERRER_COLUMNS);
            while (table.next()) {
                atMostTen(table, referrers.size());
                int views = table.count(count);
                int visitors = table.count(uniques);
                Figures.uniquesWithinCount(views, visitors, table.name(uniques), table.name(count), table.at(uniques));
                String name = table.cell(referrer);
                referrers.add(table.build(referrer, () -> new Referrer(name, views, visitors)));
            }
        }
        facts.accept(new HistoryFact.Referrers(repository, new TopReferrers(takenAt, referrers)));
    }

    private static void readPaths(ArchiveFile file, RepositoryId repository, Instant takenAt, Consumer<HistoryFact> facts) {
        List<PopularPath> paths = new ArrayList<>();
        try (CsvTable table = CsvTable.open(file)) {
            int path = table.column("url_path", PATH_COLUMNS);
            int count = table.column("views_total", PATH_COLUMNS);
            int uniques = table.column("views_unique", PATH_COLUMNS);
            while (table.next()) {
                atMostTen(table, paths.size());
                int views = table.count(count);
                int visitors = table.count(uniques);
                Figures.uniquesWithinCount(views, visitors, table.name(uniques), table.name(count), table.at(uniques));
                String name = table.cell(path);
                // the tool keeps no titles
                paths.add(table.build(path, () -> new PopularPath(name, "", views, visitors)));
            }
        }
        facts.accept(new HistoryFact.Paths(repository, new TopPaths(takenAt, paths)));
    }

    private static void atMostTen(CsvTable table, int entries) {
        if (entries >= TOP) {
            throw table.atRow().problem("an 11th entry in a top-" + TOP + " snapshot; expected at most " + TOP);
        }
    }

    private static void readCounter(ArchiveFile file, RepositoryId repository, List<String> columns,
            HistoryFact.Counter counter, Consumer<HistoryFact> facts) {
        try (CsvTable table = CsvTable.open(file)) {
            int time = table.column(columns.get(0), columns);
            int value = table.column(columns.get(1), columns);
            while (table.next()) {
                LocalDate day = Figures.day(table.cell(time), table.name(time), table.at(time));
                if (table.blank(value)) {
                    continue;
                }
                long figure = table.whole(value);
                facts.accept(table.build(value, () -> new HistoryFact.Stat(repository, day, counter, figure)));
            }
        }
    }

    private static Kind kindOf(ArchiveFile file) {
        String name = file.fileName();
        if (name.equals(AGGREGATE)) {
            return Kind.AGGREGATE;
        }
        if (name.equals(STARGAZERS)) {
            return Kind.STARS;
        }
        if (name.equals(FORKS)) {
            return Kind.FORKS;
        }
        Matcher snapshot = SNAPSHOT.matcher(name);
        if (snapshot.matches()) {
            return snapshot.group(2).equals("referrers") ? Kind.REFERRERS : Kind.PATHS;
        }
        return null;
    }

    private static List<String> columnsOf(Kind kind) {
        return switch (kind) {
            case AGGREGATE -> AGGREGATE_COLUMNS;
            case REFERRERS -> REFERRER_COLUMNS;
            case PATHS -> PATH_COLUMNS;
            case STARS -> STARGAZER_COLUMNS;
            case FORKS -> FORK_COLUMNS;
        };
    }

    /** The UTC time in a snapshot's file name. */
    private static Instant snapshotTime(ArchiveFile file) {
        Matcher snapshot = SNAPSHOT.matcher(file.fileName());
        if (!snapshot.matches()) {
            throw new ArchiveFormatException(file.name(), 0, 0, "expected a snapshot file named YYYY-MM-DD_HHMMSS_top_referrers_snapshot.csv");
        }
        try {
            return LocalDateTime.parse(snapshot.group(1), SNAPSHOT_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException notATime) {
            throw new ArchiveFormatException(file.name(), 0, 0, "the time in the file name, " + snapshot.group(1)
                    + ", is not a date and time (expected YYYY-MM-DD_HHMMSS, UTC)");
        }
    }
}
