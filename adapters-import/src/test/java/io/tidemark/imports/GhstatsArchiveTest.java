package io.tidemark.imports;

import static io.tidemark.imports.Samples.AWESOME_JUPYTER;
import static io.tidemark.imports.Samples.failure;
import static io.tidemark.imports.Samples.only;
import static io.tidemark.imports.Samples.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.model.ArchiveFormatException;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.HistoryFact;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.PopularPath;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GhstatsArchiveTest {

    private static final String FORMAT = "ghstats";
    private static final String SAMPLE = "ghstats/ghstats.db";
    private static final RepositoryId HELLO = RepositoryId.of("octo", "hello");

    private final GhstatsArchive archive = new GhstatsArchive();

    @TempDir
    Path temp;

    /** A copy of the sample the test may change, with the SQL statements run on it. */
    private ArchiveFile sampleCopy(String... statements) throws IOException, SQLException {
        Path copy = temp.resolve("stats/ghstats.db");
        Files.createDirectories(copy.getParent());
        Files.copy(Samples.root().resolve(SAMPLE), copy);
        execute(copy, statements);
        return new ArchiveFile("stats/ghstats.db", copy);
    }

    private static void execute(Path database, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<Map<String, Object>> query(Path database, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnName(i), result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    @Test
    void theSampleGivesTheRepositoryThenEveryDailyFigureAndCounterOfRepoStats() throws SQLException {
        Path db = Samples.root().resolve(SAMPLE);
        List<HistoryFact> expected = new ArrayList<>();
        expected.add(new HistoryFact.Tracked(AWESOME_JUPYTER, true));
        for (Map<String, Object> row : query(db, "SELECT * FROM repo_stats ORDER BY date")) {
            LocalDate day = LocalDate.parse(((String) row.get("date")).substring(0, 10));
            expected.add(new HistoryFact.Bucket(AWESOME_JUPYTER, TrafficKind.VIEWS, Granularity.DAY,
                    new KeptBucket(day, number(row.get("views_count")), number(row.get("views_uniques")), false)));
            expected.add(new HistoryFact.Bucket(AWESOME_JUPYTER, TrafficKind.CLONES, Granularity.DAY,
                    new KeptBucket(day, number(row.get("clones_count")), number(row.get("clones_uniques")), false)));
            expected.add(new HistoryFact.Stat(AWESOME_JUPYTER, day, HistoryFact.Counter.STARS, number(row.get("stars"))));
            expected.add(new HistoryFact.Stat(AWESOME_JUPYTER, day, HistoryFact.Counter.FORKS, number(row.get("forks"))));
            expected.add(new HistoryFact.Stat(AWESOME_JUPYTER, day, HistoryFact.Counter.WATCHERS, number(row.get("watchers"))));
            expected.add(new HistoryFact.Stat(AWESOME_JUPYTER, day, HistoryFact.Counter.OPEN_ISSUES, number(row.get("issues"))));
        }
        assertThat(expected).hasSize(1 + 79 * 6);

        List<HistoryFact> facts = read(archive, Samples.file(SAMPLE), FORMAT, null);

        assertThat(facts.stream().filter(f -> !(f instanceof HistoryFact.Referrers) && !(f instanceof HistoryFact.Paths)).toList())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void referrersAndPathsOfOneDateAreOneSnapshotOfCountAndUniquesNeverTheDeltas() throws SQLException {
        Path db = Samples.root().resolve(SAMPLE);
        assertThat(query(db, "SELECT count(*) AS n FROM repo_referrers WHERE count <> count_delta OR uniques <> uniques_delta"))
                .as("the sample's deltas differ from its figures, so reading the deltas would be seen")
                .first().extracting(row -> number(row.get("n"))).isNotEqualTo(0);
        Map<Instant, List<Referrer>> referrers = new LinkedHashMap<>();
        for (Map<String, Object> row : query(db, "SELECT * FROM repo_referrers ORDER BY date, rowid")) {
            referrers.computeIfAbsent(Instant.parse((String) row.get("date")), d -> new ArrayList<>())
                    .add(new Referrer((String) row.get("referrer"), number(row.get("count")), number(row.get("uniques"))));
        }
        Map<Instant, List<PopularPath>> paths = new LinkedHashMap<>();
        for (Map<String, Object> row : query(db, "SELECT * FROM repo_popular_paths ORDER BY date, rowid")) {
            paths.computeIfAbsent(Instant.parse((String) row.get("date")), d -> new ArrayList<>())
                    .add(new PopularPath((String) row.get("path"), (String) row.get("title"),
                            number(row.get("count")), number(row.get("uniques"))));
        }
        assertThat(referrers).hasSize(22);

        List<HistoryFact> facts = read(archive, Samples.file(SAMPLE), FORMAT, null);

        List<HistoryFact.Referrers> readReferrers = only(facts, HistoryFact.Referrers.class);
        List<HistoryFact.Paths> readPaths = only(facts, HistoryFact.Paths.class);
        assertThat(readReferrers).extracting(r -> r.snapshot().takenAt()).containsExactlyElementsOf(referrers.keySet());
        assertThat(readPaths).extracting(p -> p.snapshot().takenAt()).containsExactlyElementsOf(paths.keySet());
        for (HistoryFact.Referrers snapshot : readReferrers) {
            assertThat(snapshot.repository()).isEqualTo(AWESOME_JUPYTER);
            assertThat(snapshot.snapshot().referrers()).containsExactlyElementsOf(referrers.get(snapshot.snapshot().takenAt()));
        }
        for (HistoryFact.Paths snapshot : readPaths) {
            assertThat(snapshot.snapshot().paths()).containsExactlyElementsOf(paths.get(snapshot.snapshot().takenAt()));
        }
    }

    @Test
    void changingOnlyTheDeltasChangesNoFact() throws IOException, SQLException {
        ArchiveFile changed = sampleCopy("UPDATE repo_referrers SET count_delta = 9999, uniques_delta = 9999",
                "UPDATE repo_popular_paths SET count_delta = -5, uniques_delta = 7777");

        assertThat(read(archive, changed, FORMAT, null)).isEqualTo(read(archive, Samples.file(SAMPLE), FORMAT, null));
    }

    @Test
    void nullCellsGiveNoFactAndFloatsAreAccepted() throws IOException, SQLException {
        // a table like ghstats' but without NOT NULL, as an older or hand-made database might have
        ArchiveFile file = sampleCopy(
                "CREATE TABLE stats2 (repo_id INTEGER, date TEXT, stars INTEGER, forks INTEGER, watchers INTEGER,"
                        + " issues INTEGER, clones_count INTEGER, clones_uniques INTEGER, views_count INTEGER,"
                        + " views_uniques INTEGER, prs INTEGER, extra TEXT)",
                "INSERT INTO stats2 VALUES (761332, '2024-01-01T00:00:00Z', NULL, 3, NULL, NULL, NULL, NULL, 12.0, 5, 1, 'x')",
                "DROP TABLE repo_stats", "ALTER TABLE stats2 RENAME TO repo_stats",
                "DELETE FROM repo_referrers", "DELETE FROM repo_popular_paths");

        assertThat(read(archive, file, FORMAT, null)).containsExactly(
                new HistoryFact.Tracked(AWESOME_JUPYTER, true),
                new HistoryFact.Bucket(AWESOME_JUPYTER, TrafficKind.VIEWS, Granularity.DAY,
                        new KeptBucket(LocalDate.parse("2024-01-01"), 12, 5, false)),
                new HistoryFact.Stat(AWESOME_JUPYTER, LocalDate.parse("2024-01-01"), HistoryFact.Counter.FORKS, 3));
    }

    @Test
    void aRepositoryArgumentSelectsThatRepositoryAndOneTheDatabaseLacksFails() throws IOException, SQLException {
        ArchiveFile two = sampleCopy("INSERT INTO repos (id, name) VALUES (7, 'octo/hello')",
                "INSERT INTO repo_stats (repo_id, date, views_count, views_uniques, clones_count, clones_uniques)"
                        + " VALUES (7, '2024-01-01T00:00:00Z', 4, 2, 1, 1)");

        List<HistoryFact> all = read(archive, two, FORMAT, null);
        List<HistoryFact> hello = read(archive, two, FORMAT, RepositoryId.of("OCTO", "Hello"));
        ArchiveFormatException missing = failure(archive, two, FORMAT, RepositoryId.of("octo", "missing"));

        assertThat(only(all, HistoryFact.Tracked.class)).containsExactly(
                new HistoryFact.Tracked(HELLO, true), new HistoryFact.Tracked(AWESOME_JUPYTER, true));
        assertThat(hello).startsWith(new HistoryFact.Tracked(HELLO, true))
                .allSatisfy(fact -> assertThat(fact.toString()).contains("octo/hello").doesNotContain("awesome-jupyter"));
        assertThat(only(hello, HistoryFact.Bucket.class)).hasSize(2);
        assertThat(missing.problem()).contains("no repository octo/missing").contains("markusschanta/awesome-jupyter");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            non-numeric     | UPDATE repo_stats SET views_count = 'many' WHERE rowid = 5                       | 5 | 9  | found 'many' in repo_stats.views_count where a whole number was expected
            negative        | UPDATE repo_stats SET clones_count = -3 WHERE rowid = 7                          | 7 | 7  | found -3 in repo_stats.clones_count where a figure of 0 or more was expected
            not whole       | UPDATE repo_stats SET views_uniques = 12.5 WHERE rowid = 3                       | 3 | 10 | found 12.5 in repo_stats.views_uniques where a whole number was expected
            unparsable date | UPDATE repo_stats SET date = 'yesterday' WHERE rowid = 4                         | 4 | 2  | found 'yesterday' in repo_stats.date
            uniques > count | UPDATE repo_stats SET views_uniques = views_count + 1 WHERE rowid = 6             | 6 | 10 | repo_stats.views_uniques is
            referrer count  | UPDATE repo_referrers SET count = 'lots' WHERE rowid = 12                         | 12 | 4 | found 'lots' in repo_referrers.count
            path uniques    | UPDATE repo_popular_paths SET uniques = count + 1 WHERE rowid = 30               | 30 | 6 | more than repo_popular_paths.count
            unknown repo_id | UPDATE repo_stats SET repo_id = 99 WHERE rowid = 79                              | 79 | 1 | found 99 in repo_stats.repo_id, which is the id of no row of repos
            bad repo name   | UPDATE repos SET name = 'not a repository'                                         | 1 | 2  | found 'not a repository' in repos.name
            """)
    void aMalformedCellFailsAtItsRowNumberAndColumnPosition(String what, String sql, long line, int column, String problem)
            throws IOException, SQLException {
        ArchiveFile broken = sampleCopy(sql);

        ArchiveFormatException failure = failure(archive, broken, FORMAT, null);

        assertThat(failure.file()).isEqualTo("stats/ghstats.db");
        assertThat(failure.line()).as(what).isEqualTo(line);
        assertThat(failure.column()).as(what).isEqualTo(column);
        assertThat(failure.problem()).as(what).contains(problem).doesNotContain("SQLException", "java.");
    }

    @Test
    void theRowNumberCountsRowsByRowidNotByTheReadingOrder() throws IOException, SQLException {
        // rowid 80 holds the earliest date of the repository, so it is read first but is row 80
        ArchiveFile broken = sampleCopy("INSERT INTO repo_stats (rowid, repo_id, date, views_count, views_uniques,"
                + " clones_count, clones_uniques) VALUES (80, 761332, '2020-01-01T00:00:00Z', 1, 2, 0, 0)");

        ArchiveFormatException failure = failure(archive, broken, FORMAT, null);

        assertThat(failure.line()).isEqualTo(80);
        assertThat(failure.column()).isEqualTo(10);
    }

    @Test
    void aSqliteDatabaseOfAnotherSchemaIsNotRecognisedAndFailsNamingWhatIsMissing() throws SQLException, IOException {
        Path other = temp.resolve("other.db");
        execute(other, "CREATE TABLE repos (id INTEGER PRIMARY KEY, name TEXT)", "CREATE TABLE notes (body TEXT)");
        Path almost = temp.resolve("almost.db");
        Files.copy(Samples.root().resolve(SAMPLE), almost);
        execute(almost, "ALTER TABLE repo_popular_paths DROP COLUMN title");
        ArchiveFile otherFile = new ArchiveFile("other.db", other);
        ArchiveFile almostFile = new ArchiveFile("almost.db", almost);

        assertThat(archive.recognise(Samples.file(SAMPLE))).contains(FORMAT);
        assertThat(archive.recognise(otherFile)).isEmpty();
        assertThat(archive.recognise(almostFile)).isEmpty();
        assertThat(failure(archive, otherFile, FORMAT, null).problem()).contains("not a ghstats database: it has no table repo_stats");
        assertThat(failure(archive, almostFile, FORMAT, null).problem()).contains("its table repo_popular_paths has no column title");
        assertThat(failure(archive, Samples.file(Samples.TRAFFIC + "views.csv"), FORMAT, null).problem())
                .contains("expected a SQLite database");
    }

    @Test
    void theDatabaseIsOpenedReadOnlyAndLeftUnchanged() throws IOException, SQLException {
        ArchiveFile copy = sampleCopy();
        byte[] before = Files.readAllBytes(copy.content());

        read(archive, copy, FORMAT, null);

        assertThat(Files.readAllBytes(copy.content())).isEqualTo(before);
        assertThat(Files.list(copy.content().getParent())).containsExactly(copy.content());
    }
}
