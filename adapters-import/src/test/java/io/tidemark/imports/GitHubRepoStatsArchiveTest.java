package io.tidemark.imports;

import static io.tidemark.imports.Samples.AWESOME_JUPYTER;
import static io.tidemark.imports.Samples.GHRS;
import static io.tidemark.imports.Samples.failure;
import static io.tidemark.imports.Samples.only;
import static io.tidemark.imports.Samples.read;
import static io.tidemark.imports.Samples.write;
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
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitHubRepoStatsArchiveTest {

    private static final String FORMAT = "github-repo-stats";
    private static final String HEADER = "time_iso8601,clones_total,clones_unique,views_total,views_unique\n";
    private static final String AGGREGATE = "octo/hello/ghrs-data/views_clones_aggregate.csv";
    private static final RepositoryId HELLO = RepositoryId.of("octo", "hello");

    private final GitHubRepoStatsArchive archive = new GitHubRepoStatsArchive();

    @TempDir
    Path temp;

    private record Figure(TrafficKind kind, LocalDate day, int count, int uniques) {}

    /** The test's own reading of views_clones_aggregate.csv: split on commas, floats cut to ints. */
    private static List<Figure> oracleAggregate(List<String> lines) {
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<Figure> figures = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            LocalDate day = LocalDate.parse(cells[header.indexOf("time_iso8601")].substring(0, 10));
            String clones = cells[header.indexOf("clones_total")];
            if (!clones.isEmpty()) {
                figures.add(new Figure(TrafficKind.CLONES, day, (int) Double.parseDouble(clones),
                        (int) Double.parseDouble(cells[header.indexOf("clones_unique")])));
            }
            String views = cells[header.indexOf("views_total")];
            if (!views.isEmpty()) {
                figures.add(new Figure(TrafficKind.VIEWS, day, (int) Double.parseDouble(views),
                        (int) Double.parseDouble(cells[header.indexOf("views_unique")])));
            }
        }
        return figures;
    }

    private static List<Figure> figures(List<HistoryFact> facts) {
        return only(facts, HistoryFact.Bucket.class).stream()
                .map(b -> new Figure(b.kind(), b.bucket().start(), b.bucket().count(), b.bucket().uniques()))
                .toList();
    }

    @Test
    void theSampleAggregateGivesEveryDailyFigureOfTheFileNeverComplete() {
        String name = GHRS + "views_clones_aggregate.csv";
        List<String> lines = Samples.lines(name);
        assertThat(lines).anyMatch(line -> line.contains(".0,")); // the sample writes some figures as floats

        List<HistoryFact> facts = read(archive, Samples.file(name), FORMAT, null);

        List<Figure> expected = oracleAggregate(lines);
        assertThat(expected).hasSize(2 * (lines.size() - 1));
        assertThat(figures(facts)).containsExactlyElementsOf(expected);
        assertThat(facts).allSatisfy(fact -> assertThat(fact).isInstanceOf(HistoryFact.Bucket.class));
        assertThat(only(facts, HistoryFact.Bucket.class)).allSatisfy(bucket -> {
            assertThat(bucket.repository()).isEqualTo(AWESOME_JUPYTER);
            assertThat(bucket.granularity()).isEqualTo(Granularity.DAY);
            assertThat(bucket.bucket().complete()).isFalse();
        });
    }

    @Test
    void everySnapshotFileGivesOneSnapshotAtTheUtcTimeInItsNameWithItsEntriesInFileOrder() {
        List<String> names = Samples.ghrsSnapshots();
        assertThat(names).hasSize(44);
        for (String name : names) {
            String stamp = name.substring(name.lastIndexOf('/') + 1, name.lastIndexOf('/') + 18);
            Instant takenAt = Instant.parse(stamp.substring(0, 10) + "T" + stamp.substring(11, 13) + ":"
                    + stamp.substring(13, 15) + ":" + stamp.substring(15, 17) + "Z");
            List<String> lines = Samples.lines(name);
            List<String[]> rows = lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();

            List<HistoryFact> facts = read(archive, Samples.file(name), FORMAT, null);

            assertThat(facts).as(name).hasSize(1);
            if (name.endsWith("_top_referrers_snapshot.csv")) {
                HistoryFact.Referrers referrers = (HistoryFact.Referrers) facts.get(0);
                assertThat(referrers.repository()).isEqualTo(AWESOME_JUPYTER);
                assertThat(referrers.snapshot().takenAt()).as(name).isEqualTo(takenAt);
                assertThat(referrers.snapshot().referrers()).as(name).containsExactlyElementsOf(rows.stream()
                        .map(r -> new Referrer(r[0], Integer.parseInt(r[1]), Integer.parseInt(r[2]))).toList());
            } else {
                HistoryFact.Paths paths = (HistoryFact.Paths) facts.get(0);
                assertThat(paths.repository()).isEqualTo(AWESOME_JUPYTER);
                assertThat(paths.snapshot().takenAt()).as(name).isEqualTo(takenAt);
                assertThat(paths.snapshot().paths()).as(name).containsExactlyElementsOf(rows.stream()
                        .map(r -> new PopularPath(r[0], "", Integer.parseInt(r[1]), Integer.parseInt(r[2]))).toList());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"stargazers.csv,STARS", "forks.csv,FORKS"})
    void starsAndForksAreCountersOfTheUtcDayOfEachRow(String file, HistoryFact.Counter counter) {
        List<String> lines = Samples.lines(GHRS + file);

        List<HistoryFact> facts = read(archive, Samples.file(GHRS + file), FORMAT, null);

        List<HistoryFact.Stat> expected = lines.subList(1, lines.size()).stream()
                .map(line -> line.split(","))
                .map(cells -> new HistoryFact.Stat(AWESOME_JUPYTER, LocalDate.parse(cells[0].substring(0, 10)), counter,
                        Long.parseLong(cells[1])))
                .toList();
        assertThat(expected).isNotEmpty();
        assertThat(facts).containsExactlyElementsOf(expected);
    }

    @Test
    void aBlankKindGivesNoFactForThatKindAndDayNeverAZero() {
        ArchiveFile file = write(temp, AGGREGATE, HEADER
                + "2024-01-01 00:00:00+00:00,,,12,5\n"
                + "2024-01-02 00:00:00+00:00,3,1,,\n"
                + "2024-01-03 00:00:00+00:00,,,,\n"
                + "2024-01-04 00:00:00+00:00,0,0,0,0\n");

        List<HistoryFact> facts = read(archive, file, FORMAT, null);

        assertThat(figures(facts)).containsExactly(
                new Figure(TrafficKind.VIEWS, LocalDate.parse("2024-01-01"), 12, 5),
                new Figure(TrafficKind.CLONES, LocalDate.parse("2024-01-02"), 3, 1),
                new Figure(TrafficKind.CLONES, LocalDate.parse("2024-01-04"), 0, 0),
                new Figure(TrafficKind.VIEWS, LocalDate.parse("2024-01-04"), 0, 0));
    }

    @Test
    void wholeFloatsAreAcceptedExtraColumnsIgnoredAndColumnsFoundByName() {
        ArchiveFile file = write(temp, AGGREGATE,
                "views_unique,note,views_total,time_iso8601,clones_unique,clones_total\n"
                        + "5.0,hello,12.00,2024-01-01 23:59:59+00:00,1,3.0\n"
                        + "\n\n");

        List<HistoryFact> facts = read(archive, file, FORMAT, null);

        assertThat(facts).containsExactly(
                new HistoryFact.Bucket(HELLO, TrafficKind.CLONES, Granularity.DAY, new KeptBucket(LocalDate.parse("2024-01-01"), 3, 1, false)),
                new HistoryFact.Bucket(HELLO, TrafficKind.VIEWS, Granularity.DAY, new KeptBucket(LocalDate.parse("2024-01-01"), 12, 5, false)));
    }

    @Test
    void theDayIsTheUtcDateOfTheTime() {
        ArchiveFile file = write(temp, AGGREGATE, HEADER + "2024-01-01 22:00:00-05:00,3,1,,\n");

        assertThat(figures(read(archive, file, FORMAT, null)))
                .containsExactly(new Figure(TrafficKind.CLONES, LocalDate.parse("2024-01-02"), 3, 1));
    }

    @Test
    void theRepositoryComesFromTheFoldersBeforeGhrsDataOrFromTheArgumentWhichWins() {
        ArchiveFile nested = write(temp, "backup/data-branch/Octo-Org/my.repo/ghrs-data/views_clones_aggregate.csv",
                HEADER + "2024-01-01 00:00:00+00:00,3,1,,\n");
        ArchiveFile bare = write(temp, "views_clones_aggregate.csv", HEADER + "2024-01-01 00:00:00+00:00,3,1,,\n");

        HistoryFact.Bucket fromLayout = only(read(archive, nested, FORMAT, null), HistoryFact.Bucket.class).get(0);
        HistoryFact.Bucket fromArgument = only(read(archive, nested, FORMAT, HELLO), HistoryFact.Bucket.class).get(0);
        HistoryFact.Bucket bareWithArgument = only(read(archive, bare, FORMAT, HELLO), HistoryFact.Bucket.class).get(0);
        ArchiveFormatException bareWithout = failure(archive, bare, FORMAT, null);

        assertThat(fromLayout.repository().nameWithOwner()).isEqualTo("Octo-Org/my.repo");
        assertThat(fromArgument.repository().nameWithOwner()).isEqualTo("octo/hello");
        assertThat(bareWithArgument.repository()).isEqualTo(HELLO);
        assertThat(bareWithout.file()).isEqualTo("views_clones_aggregate.csv");
        assertThat(bareWithout.problem()).contains("give the repository's owner and name");
    }

    @Test
    void recognisesEachFileByItsNameAndItsHeader() {
        for (String name : List.of("views_clones_aggregate.csv", "stargazers.csv", "forks.csv")) {
            assertThat(archive.recognise(Samples.file(GHRS + name))).as(name).contains(FORMAT);
        }
        assertThat(Samples.ghrsSnapshots()).allSatisfy(name -> assertThat(archive.recognise(Samples.file(name))).contains(FORMAT));
        assertThat(archive.recognise(write(temp, "a/b/ghrs-data/views_clones_aggregate.csv", "day,views\n2024-01-01,3\n"))).isEmpty();
        assertThat(archive.recognise(write(temp, "a/b/ghrs-data/views.csv", HEADER))).isEmpty();
        assertThat(archive.recognise(Samples.file(Samples.TRAFFIC + "views.csv"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            non-numeric       | 2024-01-02 00:00:00+00:00,3,1,many,5    | 3 | 4 | found 'many' in views_total where a whole number was expected
            negative          | 2024-01-02 00:00:00+00:00,3,1,-12,5     | 3 | 4 | found -12 in views_total where a figure of 0 or more was expected
            not whole         | 2024-01-02 00:00:00+00:00,3,1,12.5,5    | 3 | 4 | found 12.5 in views_total where a whole number was expected
            unparsable date   | 2024-02-30 00:00:00+00:00,3,1,12,5      | 3 | 1 | found '2024-02-30 00:00:00+00:00' in time_iso8601 where a date and time
            uniques > count   | 2024-01-02 00:00:00+00:00,3,4,12,5      | 3 | 3 | clones_unique is 4, more than clones_total (3)
            one blank of kind | 2024-01-02 00:00:00+00:00,3,,12,5       | 3 | 3 | clones_unique is blank while clones_total is not
            cut short         | 2024-01-02 00:00:00+00:00,3,1           | 3 | 4 | the line has 3 fields where the header has 5
            """)
    void aMalformedRowFailsAtItsLineAndColumn(String what, String row, long line, int column, String problem) {
        ArchiveFile file = write(temp, AGGREGATE, HEADER + "2024-01-01 00:00:00+00:00,3,1,12,5\n" + row + "\n");

        ArchiveFormatException failure = failure(archive, file, FORMAT, null);

        assertThat(failure.file()).isEqualTo(AGGREGATE);
        assertThat(failure.line()).as(what).isEqualTo(line);
        assertThat(failure.column()).as(what).isEqualTo(column);
        assertThat(failure.problem()).as(what).contains(problem).doesNotContain("java.", "Exception");
        assertThat(failure.getMessage()).startsWith(AGGREGATE + ", line " + line + ", column " + column + ": ");
    }

    @Test
    void aHeaderWithoutARequiredColumnFailsOnLineOne() {
        ArchiveFile file = write(temp, AGGREGATE, "time_iso8601,clones_total,clones_unique,views,views_unique\n");

        ArchiveFormatException failure = failure(archive, file, FORMAT, null);

        assertThat(failure.line()).isEqualTo(1);
        assertThat(failure.problem()).contains("no column views_total")
                .contains("time_iso8601,clones_total,clones_unique,views_total,views_unique was expected");
    }

    @Test
    void aQuotedFieldNeverClosedIsATruncatedFile() {
        ArchiveFile file = write(temp, "octo/hello/ghrs-data/snapshots/2024-01-02_101500_top_referrers_snapshot.csv",
                "referrer,views_total,views_unique\ngoogle.com,3,2\n\"news.ycombinator.com,5,");

        ArchiveFormatException failure = failure(archive, file, FORMAT, null);

        assertThat(failure.line()).isEqualTo(3);
        assertThat(failure.column()).isEqualTo(1);
        assertThat(failure.problem()).contains("never closed").contains("cut short");
    }

    @Test
    void aSnapshotOfQuotedReferrersAndAnEmptySnapshotAreRead() {
        ArchiveFile quoted = write(temp, "octo/hello/ghrs-data/snapshots/2024-01-02_101500_top_referrers_snapshot.csv",
                "referrer,views_total,views_unique\n\"a, \"\"quoted\"\" one\",3,2\n");
        ArchiveFile empty = write(temp, "octo/hello/ghrs-data/snapshots/2024-01-03_000000_top_paths_snapshot.csv",
                "url_path,views_total,views_unique\n");

        HistoryFact.Referrers referrers = (HistoryFact.Referrers) read(archive, quoted, FORMAT, null).get(0);
        HistoryFact.Paths paths = (HistoryFact.Paths) read(archive, empty, FORMAT, null).get(0);

        assertThat(referrers.snapshot().referrers()).containsExactly(new Referrer("a, \"quoted\" one", 3, 2));
        assertThat(paths.snapshot().takenAt()).isEqualTo(Instant.parse("2024-01-03T00:00:00Z"));
        assertThat(paths.snapshot().paths()).isEmpty();
    }

    @Test
    void aSnapshotFileNameWhoseTimeDoesNotExistFails() {
        ArchiveFile file = write(temp, "octo/hello/ghrs-data/snapshots/2024-13-02_101500_top_referrers_snapshot.csv",
                "referrer,views_total,views_unique\n");

        ArchiveFormatException failure = failure(archive, file, FORMAT, null);

        assertThat(failure.problem()).contains("2024-13-02_101500").contains("YYYY-MM-DD_HHMMSS");
    }
}
