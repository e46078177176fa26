package io.tidemark.imports;

import static io.tidemark.imports.Samples.failure;
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
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.WindowTotals;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TidemarkExportArchiveTest {

    static final List<String> CSV_FILES =
            List.of("owners.csv", "repositories.csv", "buckets.csv", "window_totals.csv", "referrers.csv", "paths.csv");
    private static final String HEADER = "{\"format\":\"tidemark-export\",\"version\":1,\"exportedAt\":\"2026-11-29T20:00:00Z\"}\n";
    private static final RepositoryId HELLO = RepositoryId.of("octo", "hello");
    private static final RepositoryId OLD = RepositoryId.of("octo", "Old-One");

    private final TidemarkExportArchive archive = new TidemarkExportArchive();

    @TempDir
    Path temp;

    static ArchiveFile sample(String name) {
        try {
            return new ArchiveFile("tidemark-export/" + name,
                    Path.of(TidemarkExportArchiveTest.class.getResource("/tidemark-export/" + name).toURI()));
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static HistoryFact.Bucket bucket(RepositoryId repository, TrafficKind kind, Granularity per, String start,
            int count, int uniques, boolean complete) {
        return new HistoryFact.Bucket(repository, kind, per, new KeptBucket(LocalDate.parse(start), count, uniques, complete));
    }

    /** The facts of the sample export, written out by hand from export.ndjson. */
    private static final List<HistoryFact> SAMPLE_FACTS = List.of(
            new HistoryFact.TrackedOwner("octo"),
            new HistoryFact.Tracked(HELLO, true),
            bucket(HELLO, TrafficKind.VIEWS, Granularity.DAY, "2024-01-01", 12, 5, true),
            bucket(HELLO, TrafficKind.VIEWS, Granularity.DAY, "2024-01-02", 0, 0, false),
            bucket(HELLO, TrafficKind.VIEWS, Granularity.WEEK, "2024-01-01", 12, 4, false),
            bucket(HELLO, TrafficKind.CLONES, Granularity.DAY, "2024-01-01", 2, 1, true),
            new HistoryFact.Totals(HELLO, new WindowTotals(TrafficKind.VIEWS, Granularity.DAY,
                    Instant.parse("2024-01-15T10:42:00.123456Z"), 120, 40)),
            new HistoryFact.Referrers(HELLO, new TopReferrers(Instant.parse("2024-01-15T10:42:00Z"),
                    List.of(new Referrer("google.com", 3, 2), new Referrer("github.com", 1, 1)))),
            new HistoryFact.Referrers(HELLO, new TopReferrers(Instant.parse("2024-01-16T10:42:00Z"), List.of())),
            new HistoryFact.Paths(HELLO, new TopPaths(Instant.parse("2024-01-15T10:42:00Z"),
                    List.of(new PopularPath("/octo/hello", "octo/hello: hi, \"quoted\"", 3, 2)))),
            new HistoryFact.Tracked(OLD, false),
            bucket(OLD, TrafficKind.CLONES, Granularity.WEEK, "2023-12-25", 7, 3, true));

    @Test
    void theNdjsonSampleGivesEveryFactInFileOrderWithCompletenessWeeksTotalsOwnersAndUntrackedRepositories() {
        ArchiveFile file = sample("export.ndjson");

        assertThat(archive.recognise(file)).contains("tidemark");
        List<HistoryFact> facts = read(archive, file, "tidemark", null);

        assertThat(facts).containsExactlyElementsOf(SAMPLE_FACTS);
        assertThat(facts).filteredOn(HistoryFact.Tracked.class::isInstance)
                .extracting(fact -> ((HistoryFact.Tracked) fact).repository().nameWithOwner())
                .containsExactly("octo/hello", "octo/Old-One");
    }

    @Test
    void theSixCsvFilesCarryTheSameFactsAsTheNdjson() {
        List<HistoryFact> facts = new ArrayList<>();
        for (String name : CSV_FILES) {
            ArchiveFile file = sample(name);
            assertThat(archive.recognise(file)).as(name).contains("tidemark-csv");
            facts.addAll(read(archive, file, "tidemark-csv", null));
        }

        assertThat(facts).containsExactlyInAnyOrderElementsOf(SAMPLE_FACTS);
    }

    @Test
    void unknownFieldsAreIgnoredAndBlankLinesSkipped() {
        ArchiveFile file = write(temp, "export.ndjson", HEADER.replace("}", ",\"by\":\"someone\"}")
                + "\n"
                + "{\"comment\":{\"nested\":[1,2,{}]},\"type\":\"owner\",\"owner\":\"octo\",\"since\":\"2020\"}\n\n\n");

        assertThat(read(archive, file, "tidemark", null)).containsExactly(new HistoryFact.TrackedOwner("octo"));
    }

    @Test
    void aRepositoryArgumentMustMatchTheRepositoriesTheExportNames() {
        ArchiveFile ndjson = sample("export.ndjson");
        ArchiveFile csv = sample("buckets.csv");
        ArchiveFile onlyHello = write(temp, "hello.ndjson", HEADER
                + "{\"type\":\"bucket\",\"repository\":\"octo/hello\",\"kind\":\"views\",\"per\":\"day\",\"start\":\"2024-01-01\",\"count\":1,\"uniques\":1,\"complete\":true}\n");

        assertThat(read(archive, onlyHello, "tidemark", RepositoryId.of("Octo", "HELLO"))).hasSize(1);
        ArchiveFormatException ndjsonFailure = failure(archive, ndjson, "tidemark", HELLO);
        ArchiveFormatException csvFailure = failure(archive, csv, "tidemark-csv", HELLO);

        assertThat(ndjsonFailure.line()).isEqualTo(12);
        assertThat(ndjsonFailure.problem()).contains("this line is of octo/Old-One, but the import was asked for octo/hello");
        assertThat(csvFailure.line()).isEqualTo(6);
        assertThat(csvFailure.column()).isEqualTo(1);
    }

    @Test
    void aVersionLaterThanOneIsRefused() {
        ArchiveFile file = write(temp, "export.ndjson", HEADER.replace("\"version\":1", "\"version\":2")
                + "{\"type\":\"owner\",\"owner\":\"octo\"}\n");

        ArchiveFormatException failure = failure(archive, file, "tidemark", null);

        assertThat(failure.line()).isEqualTo(1);
        assertThat(failure.column()).isEqualTo(HEADER.indexOf("\"version\":1") + "\"version\":".length() + 1);
        assertThat(failure.problem()).contains("format version 2, later than this Tidemark reads (1)");
    }

    /** Counters: {@code stat} lines and {@code stats.csv}, one fact per counter and day; an unknown counter is located. */
    @Test
    void countersAreReadFromStatLinesAndStatsCsv() {
        ArchiveFile ndjson = write(temp, "export.ndjson", HEADER
                + "{\"type\":\"stat\",\"repository\":\"octo/hello\",\"day\":\"2024-03-01\",\"counter\":\"stars\",\"value\":12}\n"
                + "{\"type\":\"stat\",\"repository\":\"octo/hello\",\"day\":\"2024-03-01\",\"counter\":\"open_issues\",\"value\":3}\n");
        ArchiveFile csv = write(temp, "tidemark-export/stats.csv",
                "repository,day,counter,value\r\nocto/hello,2024-03-02,watchers,7\r\n");
        ArchiveFile wrong = write(temp, "other/tidemark-export/stats.csv",
                "repository,day,counter,value\r\nocto/hello,2024-03-02,likes,7\r\n");

        assertThat(read(archive, ndjson, "tidemark", null)).containsExactly(
                new HistoryFact.Stat(io.tidemark.core.model.RepositoryId.of("octo", "hello"), java.time.LocalDate.parse("2024-03-01"),
                        HistoryFact.Counter.STARS, 12),
                new HistoryFact.Stat(io.tidemark.core.model.RepositoryId.of("octo", "hello"), java.time.LocalDate.parse("2024-03-01"),
                        HistoryFact.Counter.OPEN_ISSUES, 3));
        assertThat(archive.recognise(csv)).contains("tidemark-csv");
        assertThat(read(archive, csv, "tidemark-csv", null)).containsExactly(
                new HistoryFact.Stat(io.tidemark.core.model.RepositoryId.of("octo", "hello"), java.time.LocalDate.parse("2024-03-02"),
                        HistoryFact.Counter.WATCHERS, 7));
        ArchiveFormatException failure = failure(archive, wrong, "tidemark-csv", null);
        assertThat(failure.line()).isEqualTo(2);
        assertThat(failure.problem()).contains("expected stars, forks, watchers or open_issues, found 'likes'");
    }

    @Test
    void aLineOfAnUnknownTypeIsAnError() {
        String line = "{\"type\":\"stars\",\"repository\":\"octo/hello\",\"count\":3}";
        ArchiveFile file = write(temp, "export.ndjson", HEADER + "{\"type\":\"owner\",\"owner\":\"octo\"}\n" + line + "\n");

        ArchiveFormatException failure = failure(archive, file, "tidemark", null);

        assertThat(failure.line()).isEqualTo(3);
        assertThat(failure.column()).isEqualTo(line.indexOf("\"stars\"") + 1);
        assertThat(failure.problem()).contains("found a line of type 'stars' where owner, repository, bucket, totals,"
                + " referrers, paths or stat was expected");
    }

    @Test
    void aLineCutShortIsATruncatedFile() {
        ArchiveFile file = write(temp, "export.ndjson", HEADER + "{\"type\":\"owner\",\"owner\":\"octo\"}\n"
                + "{\"type\":\"bucket\",\"repository\":\"octo/hello\",\"kind\":\"vi");

        ArchiveFormatException failure = failure(archive, file, "tidemark", null);

        assertThat(failure.line()).isEqualTo(3);
        assertThat(failure.column()).isPositive();
        assertThat(failure.problem()).contains("cut short");
    }

    @Test
    void aFileThatDoesNotBeginWithTheFormatLineIsRefused() {
        ArchiveFile file = write(temp, "export.ndjson", "{\"type\":\"owner\",\"owner\":\"octo\"}\n");

        ArchiveFormatException failure = failure(archive, file, "tidemark", null);

        assertThat(archive.recognise(file)).isEmpty();
        assertThat(failure.line()).isEqualTo(1);
        assertThat(failure.problem()).contains("expected the first line to name the format");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            non-numeric     | "count":"12"         | "12"       | found the string "12" in count where a whole number was expected
            negative        | "count":-12          | -12        | found -12 in count where a figure of 0 or more was expected
            not whole       | "count":12.5         | 12.5       | found 12.5 in count where a whole number was expected
            float accepted  | "count":12.0         |            |
            unparsable date | "start":"2024-13-01" | "2024-13-01" | found '2024-13-01' in start where a day (YYYY-MM-DD) was expected
            uniques > count | "uniques":13         | 13         | uniques is 13, more than count (12)
            week not Monday | "per":"week","start":"2024-01-02" | "2024-01-02" | 2024-01-02 does not start a WEEK
            """)
    void aMalformedBucketLineFailsAtItsLineAndTheValuesColumn(String what, String change, String at, String problem) {
        String good = "{\"type\":\"bucket\",\"repository\":\"octo/hello\",\"kind\":\"views\",\"per\":\"day\","
                + "\"start\":\"2024-01-01\",\"count\":12,\"uniques\":5,\"complete\":true}";
        String key = change.substring(0, change.indexOf(':') + 1);
        String bad = change.startsWith("\"per\"")
                ? good.replace("\"per\":\"day\",\"start\":\"2024-01-01\"", change)
                : good.replaceFirst(java.util.regex.Pattern.quote(key) + "[^,}]*", java.util.regex.Matcher.quoteReplacement(change));
        ArchiveFile file = write(temp, "export.ndjson", HEADER + good + "\n" + bad + "\n");

        if (at == null) {
            assertThat(read(archive, file, "tidemark", null)).hasSize(2);
            return;
        }
        ArchiveFormatException failure = failure(archive, file, "tidemark", null);

        assertThat(failure.file()).isEqualTo("export.ndjson");
        assertThat(failure.line()).as(what).isEqualTo(3);
        assertThat(failure.column()).as(what).isEqualTo(bad.indexOf(at) + 1);
        assertThat(failure.problem()).as(what).contains(problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            non-numeric      | octo/hello,views,day,2024-01-02,many,5,true   | 5 | found 'many' in count
            negative         | octo/hello,views,day,2024-01-02,-1,0,true     | 5 | found -1 in count
            not whole        | octo/hello,views,day,2024-01-02,12.5,5,true   | 5 | found 12.5 in count
            unparsable date  | octo/hello,views,day,02.01.2024,12,5,true     | 4 | found '02.01.2024' in start
            uniques > count  | octo/hello,views,day,2024-01-02,4,5,true      | 6 | uniques is 5, more than count (4)
            unknown kind     | octo/hello,stars,day,2024-01-02,4,1,true      | 2 | found 'stars' in kind where views or clones was expected
            bad complete     | octo/hello,views,day,2024-01-02,4,1,yes       | 7 | found 'yes' in complete where true or false was expected
            bad repository   | octo,views,day,2024-01-02,4,1,true            | 1 | a repository is written owner/name
            """)
    void aMalformedBucketsCsvRowFailsAtItsLineAndColumn(String what, String row, int column, String problem) {
        ArchiveFile file = write(temp, "tidemark-export/buckets.csv", "repository,kind,per,start,count,uniques,complete\n"
                + "octo/hello,views,day,2024-01-01,12,5,true\n" + row + "\n");

        ArchiveFormatException failure = failure(archive, file, "tidemark-csv", null);

        assertThat(failure.file()).isEqualTo("tidemark-export/buckets.csv");
        assertThat(failure.line()).as(what).isEqualTo(3);
        assertThat(failure.column()).as(what).isEqualTo(column);
        assertThat(failure.problem()).as(what).contains(problem);
    }

    @Test
    void csvColumnsAreFoundByNameExtraOnesIgnoredButRecognitionNeedsTheExactHeader() {
        ArchiveFile reordered = write(temp, "tidemark-export/window_totals.csv",
                "uniques,count,fetched_at,per,kind,repository,note\n40,120.0,2024-01-15T10:42:00Z,week,clones,octo/hello,x\n");

        assertThat(archive.recognise(reordered)).isEmpty();
        assertThat(read(archive, reordered, "tidemark-csv", null)).containsExactly(new HistoryFact.Totals(HELLO,
                new WindowTotals(TrafficKind.CLONES, Granularity.WEEK, Instant.parse("2024-01-15T10:42:00Z"), 120, 40)));
    }

    @Test
    void snapshotRowsOfOneRepositoryAndTimeAreOneSnapshotAndRankZeroIsAnEmptyOne() {
        ArchiveFile file = write(temp, "tidemark-export/paths.csv", "repository,taken_at,rank,path,title,count,uniques\n"
                + "octo/hello,2024-01-15T10:42:00Z,0,,,,\n"
                + "octo/hello,2024-01-16T10:42:00Z,1,/a,A,3,2\n"
                + "octo/hello,2024-01-16T10:42:00Z,2,/b,,2,2\n"
                + "octo/Old-One,2024-01-16T10:42:00Z,1,/c,C,1,1\n");

        assertThat(read(archive, file, "tidemark-csv", null)).containsExactly(
                new HistoryFact.Paths(HELLO, new TopPaths(Instant.parse("2024-01-15T10:42:00Z"), List.of())),
                new HistoryFact.Paths(HELLO, new TopPaths(Instant.parse("2024-01-16T10:42:00Z"),
                        List.of(new PopularPath("/a", "A", 3, 2), new PopularPath("/b", "", 2, 2)))),
                new HistoryFact.Paths(OLD, new TopPaths(Instant.parse("2024-01-16T10:42:00Z"),
                        List.of(new PopularPath("/c", "C", 1, 1)))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "octo/hello,2024-01-15T10:42:00Z,1,a.com,3,2\nocto/hello,2024-01-15T10:42:00Z,3,b.com,1,1\n",
        "octo/hello,2024-01-15T10:42:00Z,2,a.com,3,2\n",
        "octo/hello,2024-01-15T10:42:00Z,0,,,\nocto/hello,2024-01-15T10:42:00Z,1,a.com,3,2\n"})
    void ranksOutOfSequenceAreAnErrorOnTheRankColumn(String rows) {
        ArchiveFile file = write(temp, "tidemark-export/referrers.csv", "repository,taken_at,rank,referrer,count,uniques\n" + rows);

        ArchiveFormatException failure = failure(archive, file, "tidemark-csv", null);

        assertThat(failure.column()).isEqualTo(3);
        assertThat(failure.line()).isEqualTo(rows.split("\n").length + 1);
        assertThat(failure.problem()).contains("rank");
    }

    @Test
    void aCsvFieldNeverClosedIsATruncatedFile() {
        ArchiveFile file = write(temp, "tidemark-export/paths.csv", "repository,taken_at,rank,path,title,count,uniques\n"
                + "octo/hello,2024-01-16T10:42:00Z,1,/a,\"A title cut");

        ArchiveFormatException failure = failure(archive, file, "tidemark-csv", null);

        assertThat(failure.line()).isEqualTo(2);
        assertThat(failure.column()).isEqualTo(5);
        assertThat(failure.problem()).contains("never closed");
    }

    @Test
    void recognisesByNameAndFirstLineOnly() {
        assertThat(archive.recognise(write(temp, "export.jsonl", HEADER))).contains("tidemark");
        assertThat(archive.recognise(write(temp, "export.json", HEADER))).contains("tidemark");
        assertThat(archive.recognise(write(temp, "export.txt", HEADER))).isEmpty();
        assertThat(archive.recognise(write(temp, "other.json", "{\"format\":\"something-else\",\"version\":1}\n"))).isEmpty();
        assertThat(archive.recognise(write(temp, "x/owners.csv", "owner,extra\n"))).isEmpty();
        assertThat(archive.recognise(write(temp, "x/owners.csv", "owner\nocto\n"))).contains("tidemark-csv");
    }
}
