package io.tidemark.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each other tool's files, imported over HTTP as a user would, give exactly the figures of the
 * files: every daily figure (never complete, since none of them records it; a day without a row
 * stays a gap) and every referrer and path snapshot on its day. The expected values come from
 * reading the sample files here, in the test (plain splitting, SQL), never from Tidemark's code.
 * Importing again changes nothing, and an import never lowers a figure GitHub gave.
 */
@QuarkusTest
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class PeerImportTest {

    private static final Path SAMPLES = Transfers.resource("peer-exports");
    private static final String REPOSITORY = "repository(owner: \"markusschanta\", name: \"awesome-jupyter\")";

    @BeforeEach
    void forgetTheSampleRepository() {
        Gql.admin("mutation { deleteRepositoryHistory(owner: \"markusschanta\", name: \"awesome-jupyter\") }");
    }

    @Test
    void aGitHubRepoStatsFolderImportsExactly() throws IOException {
        Path folder = SAMPLES.resolve("github-repo-stats/markusschanta/awesome-jupyter/ghrs-data");
        Map<LocalDate, int[]> views = new TreeMap<>();
        Map<LocalDate, int[]> clones = new TreeMap<>();
        List<String> lines = Files.readAllLines(folder.resolve("views_clones_aggregate.csv"));
        assertThat(lines.get(0)).isEqualTo("time_iso8601,clones_total,clones_unique,views_total,views_unique");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            LocalDate day = LocalDate.parse(cells[0].substring(0, 10));
            if (!cells[1].isEmpty()) {
                clones.put(day, new int[] {whole(cells[1]), whole(cells[2])});
            }
            if (!cells[3].isEmpty()) {
                views.put(day, new int[] {whole(cells[3]), whole(cells[4])});
            }
        }

        JsonPath report = Transfers.importZip(Transfers.files(SAMPLES, SAMPLES.resolve("github-repo-stats")))
                .response().then().statusCode(200).extract().jsonPath();

        assertThat(served("views")).isEqualTo(expected(views));
        assertThat(served("clones")).isEqualTo(expected(clones));
        assertSnapshots(folder.resolve("snapshots"));
        assertThat(report.getList("files.skipped.flatten().what", String.class))
                .as("stars and forks are kept now").noneMatch(what -> what.startsWith("stars of") || what.startsWith("forks of"));
        assertThat(sum(report, "statsKept")).isPositive();
        assertThat(Gql.admin("{ repository(owner: \"markusschanta\", name: \"awesome-jupyter\") { stats { stars forks } } }")
                .getList("data.repository.stats.stars")).isNotEmpty().doesNotContainNull();
        assertThat(sum(report, "daysRead")).isEqualTo(views.size() + clones.size());
        assertThat(sum(report, "daysRaised")).isEqualTo(views.size() + clones.size());

        JsonPath again = Transfers.importZip(Transfers.files(SAMPLES, SAMPLES.resolve("github-repo-stats")))
                .response().then().statusCode(200).extract().jsonPath();
        assertThat(sum(again, "daysRaised")).isZero();
        assertThat(sum(again, "daysNotLarger")).isEqualTo(views.size() + clones.size());
        assertThat(served("views")).isEqualTo(expected(views));
    }

    @Test
    void repositoryTrafficActionCsvsImportExactly() throws IOException {
        Path folder = SAMPLES.resolve("repository-traffic-action/markusschanta/awesome-jupyter/traffic");
        Map<LocalDate, int[]> views = simpleCsv(folder.resolve("views.csv"), "_date,total_views,unique_views");
        Map<LocalDate, int[]> clones = simpleCsv(folder.resolve("clones.csv"), "_date,total_clones,unique_clones");

        JsonPath report = Transfers.importZip(Transfers.files(SAMPLES, SAMPLES.resolve("repository-traffic-action")))
                .response().then().statusCode(200).extract().jsonPath();

        assertThat(served("views")).isEqualTo(expected(views));
        assertThat(served("clones")).isEqualTo(expected(clones));
        assertThat(sum(report, "daysRaised")).isEqualTo(views.size() + clones.size());
    }

    @Test
    void aGhstatsDatabaseImportsExactlyAndItsDeltasAreNotFigures() throws SQLException {
        Path database = SAMPLES.resolve("ghstats/ghstats.db");
        Map<LocalDate, int[]> views = new TreeMap<>();
        Map<LocalDate, int[]> clones = new TreeMap<>();
        Map<LocalDate, List<String>> referrers = new TreeMap<>();
        Map<LocalDate, List<String>> paths = new TreeMap<>();
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement sql = sqlite.createStatement()) {
            try (ResultSet rows = sql.executeQuery("SELECT s.date, s.views_count, s.views_uniques, s.clones_count,"
                    + " s.clones_uniques FROM repo_stats s JOIN repos r ON r.id = s.repo_id"
                    + " WHERE r.name = 'markusschanta/awesome-jupyter'")) {
                while (rows.next()) {
                    LocalDate day = LocalDate.parse(rows.getString(1).substring(0, 10));
                    if (rows.getObject(2) != null && rows.getObject(3) != null) {
                        views.put(day, new int[] {rows.getInt(2), rows.getInt(3)});
                    }
                    if (rows.getObject(4) != null && rows.getObject(5) != null) {
                        clones.put(day, new int[] {rows.getInt(4), rows.getInt(5)});
                    }
                }
            }
            try (ResultSet rows = sql.executeQuery("SELECT date, referrer, count, uniques FROM repo_referrers"
                    + " ORDER BY date, rowid")) {
                while (rows.next()) {
                    referrers.computeIfAbsent(LocalDate.parse(rows.getString(1).substring(0, 10)), d -> new ArrayList<>())
                            .add("[referrer:" + rows.getString(2) + ", count:" + rows.getInt(3) + ", uniques:" + rows.getInt(4) + "]");
                }
            }
            try (ResultSet rows = sql.executeQuery("SELECT date, path, title, count, uniques FROM repo_popular_paths"
                    + " ORDER BY date, rowid")) {
                while (rows.next()) {
                    paths.computeIfAbsent(LocalDate.parse(rows.getString(1).substring(0, 10)), d -> new ArrayList<>())
                            .add("[path:" + rows.getString(2) + ", title:" + rows.getString(3) + ", count:" + rows.getInt(4)
                                    + ", uniques:" + rows.getInt(5) + "]");
                }
            }
        }
        assertThat(views).isNotEmpty();
        assertThat(referrers).isNotEmpty();

        var answer = Transfers.importBody("application/vnd.sqlite3", read(database), Map.of());
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);

        assertThat(served("views")).isEqualTo(expected(views));
        assertThat(served("clones")).isEqualTo(expected(clones));
        referrers.forEach((day, expected) -> assertThat(Gql.admin("{ " + REPOSITORY + " { topReferrers(at: \"" + day
                + "\") { referrer count uniques } } }").getString("data.repository.topReferrers"))
                .as("referrers of %s", day).isEqualTo(expected.toString()));
        paths.forEach((day, expected) -> assertThat(Gql.admin("{ " + REPOSITORY + " { topPaths(at: \"" + day
                + "\") { path title count uniques } } }").getString("data.repository.topPaths"))
                .as("paths of %s", day).isEqualTo(expected.toString()));
    }

    @Test
    void aDayWithoutARowIsAGapUnlessTheCallerSaysTheFileIsDense() {
        byte[] csv = "_date,total_views,unique_views\n2023-03-01,5,3\n2023-03-02,7,4\n2023-03-05,2,1\n"
                .getBytes(StandardCharsets.UTF_8);
        // No file name: the format tells views from clones by the header.
        Map<String, String> query = Map.of("format", "repository-traffic-action", "owner", "markusschanta",
                "name", "awesome-jupyter");

        Transfers.importBody("text/csv", csv, query).response().then().statusCode(200);
        assertThat(served("views")).containsOnlyKeys("2023-03-01", "2023-03-02", "2023-03-05");

        Map<String, String> dense = new LinkedHashMap<>(query);
        dense.put("dense", "true");
        JsonPath report = Transfers.importBody("text/csv", csv, dense).response().then().statusCode(200).extract().jsonPath();
        assertThat(served("views")).containsOnlyKeys("2023-03-01", "2023-03-02", "2023-03-03", "2023-03-04", "2023-03-05")
                .containsEntry("2023-03-03", "0/0 complete=false")
                .containsEntry("2023-03-05", "2/1 complete=false");
        assertThat(sum(report, "zeroDaysAdded")).isEqualTo(2);
        assertThat(served("clones")).isEmpty();
    }

    @Test
    void anImportNeverLowersWhatGitHubGave() {
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }");
        await().atMost(Duration.ofSeconds(30)).until(() -> HistoryScenario.lastSyncedAt("hello") != null);
        String hello = "repository(owner: \"octo\", name: \"hello\")";
        String query = "{ " + hello + " { views(per: DAY) { buckets { timestamp count uniques complete } } } }";
        List<Map<String, Object>> synced = Gql.admin(query).getList("data.repository.views.buckets");
        assertThat(synced).isNotEmpty();
        StringBuilder lower = new StringBuilder("_date,total_views,unique_views\n");
        for (Map<String, Object> bucket : synced) {
            lower.append(bucket.get("timestamp").toString(), 0, 10).append(',')
                    .append((Integer) bucket.get("count") / 2).append(',').append((Integer) bucket.get("uniques") / 2).append('\n');
        }

        JsonPath report = Transfers.importBody("text/csv", lower.toString().getBytes(StandardCharsets.UTF_8), Map.of(
                        "format", "repository-traffic-action", "owner", "octo", "name", "hello", "filename", "views.csv"))
                .response().then().statusCode(200).extract().jsonPath();

        assertThat(Gql.admin(query).getList("data.repository.views.buckets")).isEqualTo(synced);
        assertThat(sum(report, "daysRaised")).isZero();
        assertThat(sum(report, "daysNotLarger")).isEqualTo(synced.size());
        Gql.admin("mutation { deleteRepositoryHistory(owner: \"octo\", name: \"hello\") }");
    }

    /** Each snapshot file on its day, the latest of a day winning, as the API answers on that day. */
    private static void assertSnapshots(Path snapshots) throws IOException {
        DateTimeFormatter name = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss");
        Map<LocalDate, Map.Entry<LocalDateTime, List<String>>> referrers = new TreeMap<>();
        Map<LocalDate, Map.Entry<LocalDateTime, List<String>>> paths = new TreeMap<>();
        try (Stream<Path> files = Files.list(snapshots)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String fileName = file.getFileName().toString();
                LocalDateTime takenAt = LocalDateTime.parse(fileName.substring(0, 17), name);
                boolean isReferrers = fileName.endsWith("_top_referrers_snapshot.csv");
                List<String> entries = new ArrayList<>();
                List<String> lines = Files.readAllLines(file);
                for (String line : lines.subList(1, lines.size())) {
                    String[] cells = line.split(",");
                    entries.add(isReferrers
                            ? "[referrer:" + cells[0] + ", count:" + whole(cells[1]) + ", uniques:" + whole(cells[2]) + "]"
                            : "[path:" + cells[0] + ", title:, count:" + whole(cells[1]) + ", uniques:" + whole(cells[2]) + "]");
                }
                (isReferrers ? referrers : paths).merge(takenAt.toLocalDate(), Map.entry(takenAt, entries),
                        (a, b) -> a.getKey().isAfter(b.getKey()) ? a : b);
            }
        }
        assertThat(referrers).hasSizeGreaterThan(10);
        referrers.forEach((day, expected) -> assertThat(Gql.admin("{ " + REPOSITORY + " { topReferrers(at: \"" + day
                + "\") { referrer count uniques } } }").getString("data.repository.topReferrers"))
                .as("referrers of %s", day).isEqualTo(expected.getValue().toString()));
        paths.forEach((day, expected) -> assertThat(Gql.admin("{ " + REPOSITORY + " { topPaths(at: \"" + day
                + "\") { path title count uniques } } }").getString("data.repository.topPaths"))
                .as("paths of %s", day).isEqualTo(expected.getValue().toString()));
    }

    /** The daily buckets the API serves, as "count/uniques complete=..." by day. */
    static Map<String, String> served(String kind) {
        List<Map<String, Object>> buckets = Gql.admin("{ " + REPOSITORY + " { " + kind
                + "(per: DAY) { buckets { timestamp count uniques complete } } } }")
                .getList("data.repository." + kind + ".buckets");
        Map<String, String> served = new TreeMap<>();
        if (buckets != null) {
            for (Map<String, Object> bucket : buckets) {
                served.put(bucket.get("timestamp").toString().substring(0, 10),
                        bucket.get("count") + "/" + bucket.get("uniques") + " complete=" + bucket.get("complete"));
            }
        }
        return served;
    }

    private static Map<String, String> expected(Map<LocalDate, int[]> figures) {
        Map<String, String> expected = new TreeMap<>();
        figures.forEach((day, figure) -> expected.put(day.toString(), figure[0] + "/" + figure[1] + " complete=false"));
        return expected;
    }

    private static Map<LocalDate, int[]> simpleCsv(Path file, String header) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo(header);
        Map<LocalDate, int[]> figures = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            figures.put(LocalDate.parse(cells[0].substring(0, 10)), new int[] {whole(cells[1]), whole(cells[2])});
        }
        return figures;
    }

    /** "12" or "12.0" as 12. */
    private static int whole(String cell) {
        double value = Double.parseDouble(cell);
        assertThat(value).isEqualTo(Math.rint(value));
        return (int) value;
    }

    static long sum(JsonPath report, String field) {
        return report.getList("files.repositories.flatten()." + field, Long.class).stream().mapToLong(Long::longValue).sum();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
