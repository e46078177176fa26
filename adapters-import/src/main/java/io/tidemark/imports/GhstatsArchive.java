package io.tidemark.imports;

import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.model.ArchiveFormatException;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.HistoryFact;
import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.PopularPath;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.port.out.HistoryArchive;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite database of vladkens/ghstats ({@code PRAGMA user_version} 3), opened read-only.
 *
 * <p>Facts, table by table, each read as a stream ordered by repository and date: a {@code
 * Tracked} fact per repository of {@code repos}; per row of {@code repo_stats}, the day's views and
 * clones (never complete) where both cells of the kind are present, and stars, forks, watchers and
 * open issues as counters where present ({@code prs} is not a fact); the rows of {@code
 * repo_referrers} and {@code repo_popular_paths} of one repository and date as one snapshot taken
 * at that date, entries in the order the tool stored them. The {@code *_delta} columns are the
 * tool's own day-over-day differences, never GitHub's figures, and are not read.
 *
 * <p>The repositories are {@code repos.name}; a repository given by the caller selects that one
 * (a database without it is an error). A failure names the table, the row's number in it (by
 * {@code rowid}, from 1) as the line and the column's position in the table (from 1).
 */
@ApplicationScoped
public class GhstatsArchive implements HistoryArchive {

    /** The format's name. */
    public static final String FORMAT = "ghstats";

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** The tables and columns read, by table, in the order they are read. */
    static final Map<String, List<String>> SCHEMA = schema();

    private static Map<String, List<String>> schema() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("repos", List.of("id", "name"));
        tables.put("repo_stats", List.of("repo_id", "date", "stars", "forks", "watchers", "issues",
                "clones_count", "clones_uniques", "views_count", "views_uniques"));
        tables.put("repo_referrers", List.of("repo_id", "date", "referrer", "count", "uniques"));
        tables.put("repo_popular_paths", List.of("repo_id", "date", "path", "title", "count", "uniques"));
        return Collections.unmodifiableMap(tables);
    }

    /** Most entries of one top-10 snapshot. */
    static final int TOP = 10;

    @Override
    public Set<String> formats() {
        return Set.of(FORMAT);
    }

    @Override
    public Optional<String> recognise(ArchiveFile file) {
        Objects.requireNonNull(file, "file");
        if (!isSqlite(file)) {
            return Optional.empty();
        }
        try (Connection connection = open(file)) {
            return missing(connection).isEmpty() ? Optional.of(FORMAT) : Optional.empty();
        } catch (SQLException | RuntimeException notReadable) {
            return Optional.empty();
        }
    }

    @Override
    public void read(ArchiveFile file, String format, RepositoryId repository, Consumer<HistoryFact> facts) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(facts, "facts");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("this archive reads " + FORMAT + ", not " + format);
        }
        if (!isSqlite(file)) {
            throw new ArchiveFormatException(file.name(), 0, 0,
                    "not a ghstats database: expected a SQLite database (a file beginning with 'SQLite format 3')");
        }
        try (Connection connection = open(file)) {
            Optional<String> missing = missing(connection);
            if (missing.isPresent()) {
                throw new ArchiveFormatException(file.name(), 0, 0, "not a ghstats database: " + missing.get()
                        + " (expected the tables repos, repo_stats, repo_referrers and repo_popular_paths of ghstats)");
            }
            new Reading(file, connection, facts).read(repository);
        } catch (SQLException unreadable) {
            throw new ArchiveFormatException(file.name(), 0, 0, "the database cannot be read ("
                    + Objects.requireNonNullElse(unreadable.getMessage(), "an error of SQLite") + ")");
        }
    }

    private static boolean isSqlite(ArchiveFile file) {
        if (!file.readable()) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file.content())) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static Connection open(ArchiveFile file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.createConnection("jdbc:sqlite:" + file.content().toAbsolutePath());
    }

    /** What the database lacks of ghstats' schema: the first missing table or column, or empty. */
    private static Optional<String> missing(Connection connection) throws SQLException {
        for (Map.Entry<String, List<String>> table : SCHEMA.entrySet()) {
            Map<String, Integer> columns = columns(connection, table.getKey());
            if (columns.isEmpty()) {
                return Optional.of("it has no table " + table.getKey());
            }
            for (String column : table.getValue()) {
                if (!columns.containsKey(column)) {
                    return Optional.of("its table " + table.getKey() + " has no column " + column);
                }
            }
        }
        return Optional.empty();
    }

    /** A table's columns (lower case) and their positions from 1; empty if there is no such table. */
    private static Map<String, Integer> columns(Connection connection, String table) throws SQLException {
        Map<String, Integer> columns = new HashMap<>();
        // the table name is one of SCHEMA's constants, never the file's or the caller's
        try (PreparedStatement info = connection.prepareStatement("PRAGMA table_info(" + table + ")");
                ResultSet rows = info.executeQuery()) {
            while (rows.next()) {
                columns.put(rows.getString("name").toLowerCase(Locale.ROOT), rows.getInt("cid") + 1);
            }
        }
        return columns;
    }

    /** One read of one database: where each column is, and the repositories of {@code repos}. */
    private static final class Reading {
        private final ArchiveFile file;
        private final Connection connection;
        private final Consumer<HistoryFact> facts;
        private final Map<String, Map<String, Integer>> positions = new HashMap<>();
        private final Map<Long, RepositoryId> repositories = new LinkedHashMap<>();

        Reading(ArchiveFile file, Connection connection, Consumer<HistoryFact> facts) {
            this.file = file;
            this.connection = connection;
            this.facts = facts;
        }

        void read(RepositoryId only) throws SQLException {
            for (String table : SCHEMA.keySet()) {
                positions.put(table, columns(connection, table));
            }
            readRepositories();
            Long selected = null;
            if (only != null) {
                selected = repositories.entrySet().stream()
                        .filter(entry -> entry.getValue().equals(only))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElseThrow(() -> new ArchiveFormatException(file.name(), 0, 0, "the database has no repository "
                                + only + "; it has " + names()));
                repositories.keySet().retainAll(Set.of(selected));
            }
            for (RepositoryId repository : repositories.values()) {
                facts.accept(new HistoryFact.Tracked(repository, true));
            }
            readStats(selected);
            readSnapshots("repo_referrers", "referrer", selected);
            readSnapshots("repo_popular_paths", "path", selected);
        }

        private String names() {
            if (repositories.isEmpty()) {
                return "none";
            }
            List<String> names = repositories.values().stream().map(RepositoryId::nameWithOwner).limit(10).toList();
            return String.join(", ", names) + (repositories.size() > 10 ? " and " + (repositories.size() - 10) + " more" : "");
        }

        private void readRepositories() throws SQLException {
            try (PreparedStatement query = connection.prepareStatement("SELECT rowid AS tidemark_rowid, id, name FROM repos ORDER BY id");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Row row = new Row("repos", rows);
                    long id = row.whole("id");
                    String name = row.text("name");
                    RepositoryId repository;
                    try {
                        repository = RepositoryId.parse(name);
                    } catch (InvalidInputException notARepository) {
                        throw row.at("name").problem("found '" + name + "' in repos.name where a repository written owner/name"
                                + " was expected (" + notARepository.getMessage() + ")");
                    }
                    repositories.put(id, repository);
                }
            }
        }

        private void readStats(Long only) throws SQLException {
            String sql = "SELECT rowid AS tidemark_rowid, repo_id, date, stars, forks, watchers, issues, clones_count, clones_uniques,"
                    + " views_count, views_uniques FROM repo_stats" + (only == null ? "" : " WHERE repo_id = ?")
                    + " ORDER BY repo_id, date";
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                if (only != null) {
                    query.setLong(1, only);
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Row row = new Row("repo_stats", rows);
                        RepositoryId repository = row.repository();
                        LocalDate day = LocalDate.ofInstant(row.instant("date"), ZoneOffset.UTC);
                        HistoryFact.Bucket views = row.bucket(repository, TrafficKind.VIEWS, day, "views_count", "views_uniques");
                        HistoryFact.Bucket clones = row.bucket(repository, TrafficKind.CLONES, day, "clones_count", "clones_uniques");
                        List<HistoryFact> stats = new ArrayList<>(4);
                        row.stat(stats, repository, day, "stars", HistoryFact.Counter.STARS);
                        row.stat(stats, repository, day, "forks", HistoryFact.Counter.FORKS);
                        row.stat(stats, repository, day, "watchers", HistoryFact.Counter.WATCHERS);
                        row.stat(stats, repository, day, "issues", HistoryFact.Counter.OPEN_ISSUES);
                        if (views != null) {
                            facts.accept(views);
                        }
                        if (clones != null) {
                            facts.accept(clones);
                        }
                        stats.forEach(facts);
                    }
                }
            }
        }

        /** The rows of one repository and date, in the order stored, as one snapshot. */
        private void readSnapshots(String table, String entry, Long only) throws SQLException {
            boolean paths = entry.equals("path");
            String sql = "SELECT rowid AS tidemark_rowid, repo_id, date, " + entry + (paths ? ", title" : "") + ", count, uniques FROM "
                    + table + (only == null ? "" : " WHERE repo_id = ?") + " ORDER BY repo_id, date, rowid";
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                if (only != null) {
                    query.setLong(1, only);
                }
                try (ResultSet rows = query.executeQuery()) {
                    RepositoryId repository = null;
                    String date = null;
                    Instant takenAt = null;
                    List<Referrer> referrers = new ArrayList<>();
                    List<PopularPath> popular = new ArrayList<>();
                    while (rows.next()) {
                        Row row = new Row(table, rows);
                        RepositoryId rowRepository = row.repository();
                        String rowDate = row.text("date");
                        if (repository == null || !repository.equals(rowRepository) || !date.equals(rowDate)) {
                            emit(repository, takenAt, paths, referrers, popular);
                            repository = rowRepository;
                            date = rowDate;
                            takenAt = row.instant("date");
                        }
                        if (referrers.size() + popular.size() >= TOP) {
                            throw row.at(entry).problem("an 11th " + entry + " of " + rowRepository + " on " + rowDate
                                    + "; a top-" + TOP + " snapshot has at most " + TOP);
                        }
                        int count = row.count("count");
                        int uniques = row.count("uniques");
                        Figures.uniquesWithinCount(count, uniques, table + ".uniques", table + ".count", row.at("uniques"));
                        String name = row.text(entry);
                        if (paths) {
                            String title = Objects.requireNonNullElse(row.nullable("title"), "");
                            popular.add(row.build(entry, () -> new PopularPath(name, title, count, uniques)));
                        } else {
                            referrers.add(row.build(entry, () -> new Referrer(name, count, uniques)));
                        }
                    }
                    emit(repository, takenAt, paths, referrers, popular);
                }
            }
        }

        private void emit(RepositoryId repository, Instant takenAt, boolean paths, List<Referrer> referrers, List<PopularPath> popular) {
            if (repository == null) {
                return;
            }
            if (paths) {
                facts.accept(new HistoryFact.Paths(repository, new TopPaths(takenAt, popular)));
            } else {
                facts.accept(new HistoryFact.Referrers(repository, new TopReferrers(takenAt, referrers)));
            }
            referrers.clear();
            popular.clear();
        }

        /** The current row of a table: its cells by column name, and where each is for a failure. */
        private final class Row {
            private final String table;
            private final ResultSet rows;
            private final long rowid;

            Row(String table, ResultSet rows) throws SQLException {
                this.table = table;
                this.rows = rows;
                this.rowid = rows.getLong("tidemark_rowid");
            }

            Figures.Where at(String column) {
                return problem -> new ArchiveFormatException(file.name(), rowNumber(),
                        positions.get(table).getOrDefault(column, 0), problem);
            }

            /** The row's number in its table ordered by rowid, from 1; counted only for a failure. */
            private long rowNumber() {
                try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE rowid <= ?")) {
                    count.setLong(1, rowid);
                    try (ResultSet counted = count.executeQuery()) {
                        return counted.next() ? counted.getLong(1) : 0;
                    }
                } catch (SQLException uncounted) {
                    return 0;
                }
            }

            String nullable(String column) throws SQLException {
                return rows.getString(column);
            }

            /** The column as named in messages: {@code repo_stats.views_count}. */
            String qualified(String column) {
                return table + "." + column;
            }

            String text(String column) throws SQLException {
                String text = rows.getString(column);
                if (text == null) {
                    throw at(column).problem(qualified(column) + " is missing (NULL) where a value was expected");
                }
                return text;
            }

            long whole(String column) throws SQLException {
                return Figures.whole(text(column), qualified(column), at(column));
            }

            int count(String column) throws SQLException {
                return Figures.count(text(column), qualified(column), at(column));
            }

            Instant instant(String column) throws SQLException {
                String text = text(column).strip();
                if (text.length() == 10) {
                    return Figures.day(text, qualified(column), at(column)).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                return Figures.instant(text, qualified(column), at(column));
            }

            RepositoryId repository() throws SQLException {
                long id = whole("repo_id");
                RepositoryId repository = repositories.get(id);
                if (repository == null) {
                    throw at("repo_id").problem("found " + id + " in " + qualified("repo_id") + ", which is the id of no row of repos");
                }
                return repository;
            }

            /** A day's bucket of one kind, or null when both its cells are NULL. */
            HistoryFact.Bucket bucket(RepositoryId repository, TrafficKind kind, LocalDate day, String countColumn,
                    String uniquesColumn) throws SQLException {
                String count = nullable(countColumn);
                String uniques = nullable(uniquesColumn);
                if (count == null && uniques == null) {
                    return null;
                }
                if (count == null || uniques == null) {
                    String blank = count == null ? countColumn : uniquesColumn;
                    String other = count == null ? uniquesColumn : countColumn;
                    throw at(blank).problem(qualified(blank) + " is NULL while " + qualified(other) + " is not: expected both figures of the day, or neither");
                }
                int visits = count(countColumn);
                int visitors = count(uniquesColumn);
                Figures.uniquesWithinCount(visits, visitors, qualified(uniquesColumn), qualified(countColumn), at(uniquesColumn));
                return build(countColumn, () ->
                        new HistoryFact.Bucket(repository, kind, Granularity.DAY, new KeptBucket(day, visits, visitors, false)));
            }

            void stat(List<HistoryFact> stats, RepositoryId repository, LocalDate day, String column,
                    HistoryFact.Counter counter) throws SQLException {
                if (nullable(column) == null) {
                    return;
                }
                long value = whole(column);
                stats.add(build(column, () -> new HistoryFact.Stat(repository, day, counter, value)));
            }

            <T> T build(String column, Supplier<T> value) {
                try {
                    return value.get();
                } catch (ArchiveFormatException located) {
                    throw located;
                } catch (InvalidInputException invalid) {
                    throw at(column).problem(invalid.getMessage());
                }
            }
        }
    }
}
