package io.tidemark.imports;

import static io.tidemark.imports.Samples.AWESOME_JUPYTER;
import static io.tidemark.imports.Samples.TRAFFIC;
import static io.tidemark.imports.Samples.failure;
import static io.tidemark.imports.Samples.read;
import static io.tidemark.imports.Samples.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.model.ArchiveFormatException;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.HistoryFact;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrafficActionArchiveTest {

    private static final String FORMAT = "repository-traffic-action";
    private static final String VIEWS = "octo/hello/traffic/views.csv";
    private static final RepositoryId HELLO = RepositoryId.of("octo", "hello");

    private final TrafficActionArchive archive = new TrafficActionArchive();

    @TempDir
    Path temp;

    private static HistoryFact.Bucket day(RepositoryId repository, TrafficKind kind, String day, int count, int uniques) {
        return new HistoryFact.Bucket(repository, kind, Granularity.DAY, new KeptBucket(LocalDate.parse(day), count, uniques, false));
    }

    @ParameterizedTest
    @CsvSource({"views.csv,VIEWS", "clones.csv,CLONES"})
    void theSampleGivesEveryDailyFigureOfTheFileNeverComplete(String name, TrafficKind kind) {
        List<String> lines = Samples.lines(TRAFFIC + name);
        List<HistoryFact> expected = lines.subList(1, lines.size()).stream()
                .map(line -> line.split(","))
                .map(cells -> (HistoryFact) day(AWESOME_JUPYTER, kind, cells[0], Integer.parseInt(cells[1]), Integer.parseInt(cells[2])))
                .toList();
        assertThat(expected).hasSize(79);

        assertThat(archive.recognise(Samples.file(TRAFFIC + name))).contains(FORMAT);
        assertThat(read(archive, Samples.file(TRAFFIC + name), FORMAT, null)).containsExactlyElementsOf(expected);
    }

    @Test
    void aDayWithoutARowIsAGapFloatsAndExtraColumnsAreAcceptedInAnyOrder() {
        ArchiveFile file = write(temp, VIEWS, "unique_views,_date,source,total_views\n"
                + "2.0,2024-01-01,x,3.0\n"
                + "1,2024-01-03T00:00:00Z,y,1\n\n");

        assertThat(read(archive, file, FORMAT, null)).containsExactly(
                day(HELLO, TrafficKind.VIEWS, "2024-01-01", 3, 2),
                day(HELLO, TrafficKind.VIEWS, "2024-01-03", 1, 1));
    }

    @Test
    void theRepositoryComesFromTheFoldersBeforeTrafficOrTheArgument() {
        ArchiveFile file = Samples.file(TRAFFIC + "clones.csv");
        ArchiveFile bare = write(temp, "clones.csv", "_date,total_clones,unique_clones\n2024-01-01,3,2\n");

        assertThat(read(archive, file, FORMAT, null).get(0)).extracting(fact -> ((HistoryFact.Bucket) fact).repository().nameWithOwner())
                .isEqualTo("markusschanta/awesome-jupyter");
        assertThat(read(archive, file, FORMAT, HELLO).get(0)).extracting(fact -> ((HistoryFact.Bucket) fact).repository())
                .isEqualTo(HELLO);
        assertThat(read(archive, bare, FORMAT, HELLO)).containsExactly(day(HELLO, TrafficKind.CLONES, "2024-01-01", 3, 2));
        assertThat(failure(archive, bare, FORMAT, null).problem()).contains("<owner>/<repository>/traffic/")
                .contains("give the repository's owner and name");
    }

    @Test
    void recognisesByNameAndHeader() {
        assertThat(archive.recognise(write(temp, "a/b/traffic/views.csv", "_date,total_clones,unique_clones\n"))).isEmpty();
        assertThat(archive.recognise(write(temp, "a/b/traffic/other.csv", "_date,total_views,unique_views\n"))).isEmpty();
        assertThat(archive.recognise(write(temp, "a/b/traffic/clones.csv", "\uFEFF_date,total_clones,unique_clones\n"))).contains(FORMAT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            non-numeric     | 2024-01-02,x1,1     | 3 | 2 | found 'x1' in total_views where a whole number was expected
            negative        | 2024-01-02,-1,0     | 3 | 2 | found -1 in total_views where a figure of 0 or more was expected
            not whole       | 2024-01-02,12.5,1   | 3 | 2 | found 12.5 in total_views where a whole number was expected
            unparsable date | 01/02/2024,3,1      | 3 | 1 | found '01/02/2024' in _date
            uniques > count | 2024-01-02,3,4      | 3 | 3 | unique_views is 4, more than total_views (3)
            cut short       | 2024-01-02,3        | 3 | 3 | it ends before column unique_views
            """)
    void aMalformedRowFailsAtItsLineAndColumn(String what, String row, long line, int column, String problem) {
        ArchiveFile file = write(temp, VIEWS, "_date,total_views,unique_views\n2024-01-01,3,1\n" + row + "\n");

        ArchiveFormatException failure = failure(archive, file, FORMAT, null);

        assertThat(failure.file()).isEqualTo(VIEWS);
        assertThat(failure.line()).as(what).isEqualTo(line);
        assertThat(failure.column()).as(what).isEqualTo(column);
        assertThat(failure.problem()).as(what).contains(problem);
    }

    @Test
    void anUnknownHeaderFailsOnLineOneNamingTheMissingColumn() {
        ArchiveFile file = write(temp, VIEWS, "date,views,uniques\n2024-01-01,3,1\n");

        ArchiveFormatException failure = failure(archive, file, FORMAT, null);

        assertThat(failure.line()).isEqualTo(1);
        assertThat(failure.problem()).contains("no column _date").contains("found date,views,uniques");
    }
}
