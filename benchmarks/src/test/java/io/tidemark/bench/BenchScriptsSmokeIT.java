package io.tidemark.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tidemark.core.testing.RequiresPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The smoke run of the benchmark scripts in {@code bench/}, so that they cannot rot: each script
 * runs as documented in docs/benchmarks.md, with tiny data and one iteration, after both
 * applications are packaged (hence an integration test). Everything goes to a throw-away place:
 * results and a copy of docs/benchmarks.md under {@code target/bench-smoke}, the PostgreSQL
 * databases {@code bench_smoke}, {@code bench_smoke_seed} and {@code bench_smoke_import}, free
 * ports. The tests assert that every script finishes and writes its table with real figures;
 * they never assert a timing.
 */
@ExtendWith(RequiresPostgres.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BenchScriptsSmokeIT {

    /** Failsafe runs in the module's directory. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path OUT = Path.of("target", "bench-smoke").toAbsolutePath();
    private static final Path RESULTS = OUT.resolve("results");
    private static final Path DOC = OUT.resolve("benchmarks.md");
    private static final Path REAL_DOC = ROOT.resolve("docs/benchmarks.md");

    @BeforeAll
    static void freshPlace() throws IOException {
        if (Files.exists(OUT)) {
            try (Stream<Path> paths = Files.walk(OUT)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(RESULTS);
        Files.copy(REAL_DOC, DOC);
    }

    @Test
    @Order(1)
    void budgetScriptCountsTheCallsOfTheSyncPolicyAndFindsNoGap() {
        run("budget.sh", Map.of("REPOS", "2", "DAYS", "2", "SMALL_CACHE", "4"));

        String table = result("budget.md");
        // 4 syncs a day x 2 day windows, and once a day 2 week windows, 2 snapshots, the counters
        // and the release list
        assertThat(table).contains("| GitHub requests per repository per day (all) | 14.00 |");
        assertThat(table).contains("| days missing (gaps) / days not complete, all repositories | 0 / 0 | 0 / 0 |");
        assertThat(table).contains("| ... of which cost budget (not 304) |").contains("| 4.57 (4 windows");
    }

    @Test
    @Order(2)
    void seedScriptSeedsBothDatabasesInBothModes() {
        run("seed.sh", Map.of("REPOS", "2", "DAYS", "14", "RUNS", "1", "THREADS", "2"));

        String table = result("seed.md");
        // 2 repositories x 14 days x (views, clones) days, plus 2 x 2 weeks x (views, clones)
        assertThat(table).contains("| h2 | 2 x 14 | 64 | ").contains("| postgresql | 2 x 14 | 64 | ");
        assertThat(positiveFigures(table, "\\| (?:h2|postgresql) \\| 2 x 14 \\| 64 \\| ([0-9.]+) \\(runs")).hasSize(2);
    }

    @Test
    @Order(3)
    void queryScriptMeasuresQueriesStartUpAndMemoryOnARunningServer() throws IOException {
        assumeWrk("query.sh");
        int[] ports = freePorts(2);
        String log = run("query.sh", Map.of("REPOS", "3", "DAYS", "28", "ROUNDS", "1", "DURATION", "1",
                "WARMUP", "1", "STARTS", "1", "IDLE_WAIT", "1",
                "PORT", String.valueOf(ports[0]), "PORTB", String.valueOf(ports[1])));

        // six measured wrk runs, every answer a 200 (the script also stops at a GraphQL error)
        assertThat(Pattern.compile("WRK rps=[0-9.]+ .*non2xx=0 socket_errors=0").matcher(log).results().count())
                .isGreaterThanOrEqualTo(6);
        String table = result("query.md");
        assertThat(table).contains("Data: 3 repositories x 28 days");
        assertThat(positiveFigures(table, "requests/s \\| ([0-9.]+) \\(")).hasSize(3);
        assertThat(positiveFigures(table, "start-up to the first answered query \\| ([0-9]+) ms")).hasSize(1);
        assertThat(positiveFigures(table, "resident memory \\(RSS\\) idle / peak under load \\| ([0-9]+) MB")).hasSize(1);
        assertThat(table).contains("design card (clones per week over 28 days: 4 weeks");
        assertThat(table).containsPattern("execution samples");
        // statements are counted from PostgreSQL's log, when this user may read it
        String statements = newestPostgresLogReadable() ? "| bounded |" : "| not measured |";
        assertThat(table).containsPattern("SQL statements per request: .*" + Pattern.quote(statements));
    }

    @Test
    @Order(4)
    void footprintScriptMeasuresTheLaunchersJvmOptionsAndHugeRequests() throws IOException {
        assumeWrk("footprint.sh");
        int[] ports = freePorts(1);
        run("footprint.sh", Map.of("REPOS", "3", "DAYS", "28", "WARMUP", "1", "DURATION", "1",
                "HEAVY_CONNECTIONS", "2", "OPTION_SETS", "launcher", "PORT", String.valueOf(ports[0])));

        String table = result("footprint.md");
        assertThat(table).contains("(bin/tidemark's default)");
        assertThat(positiveFigures(table, "\\(bin/tidemark's default\\) \\| ([0-9.]+) \\|")).hasSize(1);
        // 3 x 28 x 2 buckets are within the limit: answered in full, and the server survives
        assertThat(table).contains("| `none (answered in full)` after").contains("| OutOfMemoryErrors / still answering afterwards | 0 / yes |");
    }

    @Test
    @Order(5)
    void importExportScriptImportsTheGeneratedFolderAndExportsItAgainOnBothDatabases() throws IOException {
        int[] ports = freePorts(1);
        run("import-export.sh", Map.of("REPOS", "2", "DAYS", "20", "RUNS", "1", "DBS", "h2 postgresql",
                "PORT", String.valueOf(ports[0])));

        String table = result("import-export.md");
        // the script itself checks the report (2 x 2 x 20 days read, 10 snapshots, no error) and the exports' lines
        assertThat(table).contains("a github-repo-stats folder of 2 repositories x 20 days")
                .contains("40 rows of `views_clones_aggregate.csv` (80 daily figures");
        assertThat(positiveFigures(table, "\\| (?:h2|postgresql) \\| 1 \\| [0-9. ]+ \\| ([0-9.]+) \\|")).hasSize(2);
        assertThat(positiveFigures(table, "\\| (?:h2|postgresql) \\| [0-9.]+ \\(([0-9]+) rows/s\\)")).hasSize(2);
    }

    @Test
    @Order(6)
    void reportPutsEveryTableIntoTheDocumentBetweenItsMarkers() throws IOException {
        byte[] realDoc = Files.readAllBytes(REAL_DOC);

        run("report.sh", Map.of());

        String doc = Files.readString(DOC);
        String results = doc.substring(doc.indexOf("<!-- results:begin -->"), doc.indexOf("<!-- results:end -->"));
        assertThat(results).contains("### 4. GitHub budget").contains("### 3. Seeding and merge throughput")
                .contains("### Import and export");
        if (Files.exists(RESULTS.resolve("query.md"))) {
            assertThat(results).contains("### 1, 2, 5. Query speed, scale and footprint")
                    .contains("### 5. Footprint under JVM options, and huge results");
        }
        assertThat(doc).as("the text around the results is kept").startsWith("# Benchmarks")
                .contains("## Commands").contains("## Known limits");
        assertThat(Files.readAllBytes(REAL_DOC)).as("docs/benchmarks.md is not touched").isEqualTo(realDoc);
    }

    /** wrk is needed: skipped loudly without it, except in CI, where the script installs it. */
    private static void assumeWrk(String script) {
        if (!onPath("wrk") && !RequiresPostgres.inCi()) {
            RequiresPostgres.loudly("SKIPPING the smoke run of bench/" + script + ": wrk is not installed.",
                    "Install it (apt-get install wrk) to run it; with CI=true the script installs it itself.");
            Assumptions.abort("wrk is not installed");
        }
    }

    /** Runs a script of bench/ as documented, in the throw-away place; returns its output. */
    private static String run(String script, Map<String, String> settings) {
        Path log = OUT.resolve(script + ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("bench").resolve(script).toString())
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.putAll(settings);
        environment.putAll(Map.of(
                "BENCH_WORK", OUT.resolve("work").toString(),
                "BENCH_RESULTS", RESULTS.toString(),
                "BENCH_DOC", DOC.toString(),
                "BENCH_DB_PREFIX", "bench_smoke",
                "BENCH_NO_BUILD", "true",
                "PGHOST", RequiresPostgres.host(),
                "PGPORT", RequiresPostgres.port(),
                "PGUSER", RequiresPostgres.user()));
        try {
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail("bench/" + script + " did not finish within 10 minutes; its output: " + tail(log));
            }
            String output = Files.readString(log);
            assertThat(process.exitValue()).as("exit code of bench/%s; its output ends with:%n%s", script, tail(log))
                    .isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String result(String name) {
        try {
            return Files.readString(RESULTS.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every number the first group of the pattern finds in the text, each asserted to be above 0. */
    private static List<Double> positiveFigures(String text, String regex) {
        List<Double> figures = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            figures.add(Double.parseDouble(matcher.group(1)));
        }
        assertThat(figures).as("figures matching %s", regex).allSatisfy(f -> assertThat(f).isPositive());
        return figures;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /** The check of bench/query.sh: the newest main log of the local PostgreSQL, readable. */
    private static boolean newestPostgresLogReadable() throws IOException {
        Path dir = Path.of("/var/log/postgresql");
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> logs = Files.list(dir)) {
            return logs.filter(p -> p.getFileName().toString().matches("postgresql-.*-main\\.log"))
                    .max(Comparator.comparingLong(p -> p.toFile().lastModified()))
                    .map(Files::isReadable)
                    .orElse(false);
        }
    }
}
