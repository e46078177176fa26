package io.tidemark.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tidemark.core.testing.RequiresPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/tidemark} as users run it, against the packaged application: a copy of the launcher and
 * of {@code app-graphql/target/quarkus-app} in a temporary folder laid out like a checkout (its
 * {@code mvnw} fails loudly, so the launcher never builds), started with H2 and with PostgreSQL at
 * the same time. Each kind must start and answer GraphQL on its own database; preparing PostgreSQL
 * must leave the built folder, which the running H2 instance uses, untouched; a second PostgreSQL
 * start must reuse what the first prepared; and when the built application changes, two PostgreSQL
 * starts at once prepare it again exactly once.
 */
@ExtendWith(RequiresPostgres.class)
class LauncherIT {

    private static final String TOKEN = "launcher-it-admin-token";
    private static final String APP = "app-graphql/target/quarkus-app";
    private static final String PREPARING_POSTGRESQL = "Preparing Tidemark for postgresql";
    /** The first start of a kind re-augments (about 10 s alone); both starts share 2 cores. */
    private static final Duration FIRST_START = Duration.ofSeconds(100);
    private static final Duration START = Duration.ofSeconds(60);
    private static final long STARTED = System.nanoTime();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void eachKindStartsFromItsOwnPreparedFolderAtTheSameTimeAndThenReusesIt(@TempDir Path tmp) throws Exception {
        Path checkout = layOutCheckout(tmp);
        Path built = checkout.resolve(APP);
        Path preparedPostgres = checkout.resolve(APP + "-postgresql");
        Map<String, String> builtBefore = fingerprint(built);
        String database = createDatabase();
        try {
            try (Launch h2 = Launch.start(checkout, "h2", Map.of("TIDEMARK_DATA_DIR", tmp.resolve("data-h2").toString()));
                    Launch postgres = Launch.start(checkout, "postgresql", postgresEnv(tmp, database))) {
                // (a) both at once: each answers, each on its own kind of database
                h2.awaitGraphql(FIRST_START);
                postgres.awaitGraphql(FIRST_START);
                progress("(a) H2 and PostgreSQL (prepared) both answer");
                assertThat(h2.output()).contains("Tidemark is ready on h2").doesNotContain("Preparing");
                assertThat(tmp.resolve("data-h2/tidemark.mv.db")).isRegularFile();
                assertThat(postgres.output()).contains("Tidemark is ready on postgresql");
                assertThat(count(postgres.output(), PREPARING_POSTGRESQL)).isEqualTo(1);
                assertThat(appliedMigrations(database)).isPositive();
                assertThat(tmp.resolve("data-postgresql")).doesNotExist();
                // the H2 instance runs from the built folder, which preparing PostgreSQL left alone
                assertThat(changes(builtBefore, fingerprint(built))).as("changes to the built folder").isEmpty();
                assertThat(h2.answersGraphql()).isTrue();

                // (a') import and export talk to the running H2 instance
                Path samples = Path.of(LauncherIT.class.getResource("/peer-exports/github-repo-stats").toURI());
                Transfer imported = h2.transfer(checkout, "import", samples.toString());
                assertThat(imported.exit()).as(imported.output()).isZero();
                assertThat(imported.output()).contains("\"repository\":\"markusschanta/awesome-jupyter\"");
                Transfer exported = h2.transfer(checkout, "export", "markusschanta/awesome-jupyter");
                assertThat(exported.exit()).as(exported.output()).isZero();
                assertThat(exported.output()).startsWith("{\"format\":\"tidemark-export\"")
                        .contains("{\"type\":\"bucket\",\"repository\":\"markusschanta/awesome-jupyter\",\"kind\":\"views\","
                                + "\"per\":\"day\",\"start\":\"2022-12-07\",\"count\":55,\"uniques\":30,\"complete\":false}");
                progress("(a') bin/tidemark import and export against the H2 instance");
                Map<String, String> prepared = fingerprint(preparedPostgres);
                postgres.close();

                // (b) a second PostgreSQL start reuses the prepared folder as it is
                try (Launch again = Launch.start(checkout, "postgresql", postgresEnv(tmp, database))) {
                    again.awaitGraphql(START);
                    progress("(b) PostgreSQL again answers");
                    assertThat(again.output()).contains("Tidemark is ready on postgresql").doesNotContain("Preparing");
                    assertThat(changes(prepared, fingerprint(preparedPostgres))).as("changes to the prepared folder").isEmpty();
                }

                // (c) the built application changed: two PostgreSQL starts at once prepare it again,
                // once (one waits for the other), and both run the result
                Files.writeString(built.resolve("quarkus-app-dependencies.txt"), "# rebuilt\n", StandardOpenOption.APPEND);
                try (Launch first = Launch.start(checkout, "postgresql", postgresEnv(tmp, database));
                        Launch second = Launch.start(checkout, "postgresql", postgresEnv(tmp, database))) {
                    first.awaitGraphql(FIRST_START);
                    second.awaitGraphql(FIRST_START);
                    progress("(c) two PostgreSQL starts after a rebuild answer");
                    assertThat(count(first.output() + second.output(), PREPARING_POSTGRESQL))
                            .as("preparations by two concurrent starts after a rebuild")
                            .isEqualTo(1);
                    assertThat(changes(prepared, fingerprint(preparedPostgres))).as("changes to the prepared folder")
                            .contains("changed quarkus-app-dependencies.txt");
                }

                assertThat(h2.answersGraphql()).as("the H2 instance, after all the PostgreSQL starts").isTrue();
                assertThat(h2.output()).doesNotContain("Preparing");
            }
        } finally {
            dropDatabase(database);
        }
    }

    private static void progress(String what) {
        System.err.printf("LauncherIT: %s after %d s%n", what, Duration.ofNanos(System.nanoTime() - STARTED).toSeconds());
    }

    // --- the checkout ----------------------------------------------------------------------------

    /** bin/tidemark, the packaged application, and an mvnw that refuses to build. */
    private static Path layOutCheckout(Path tmp) throws IOException {
        Path root = Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent();
        Path source = root.resolve(APP);
        assertThat(source.resolve("quarkus-run.jar"))
                .as("the packaged application (run in the verify phase, after package)")
                .isRegularFile();
        Path checkout = Files.createDirectories(tmp.resolve("checkout"));
        Files.createDirectories(checkout.resolve("bin"));
        Files.copy(root.resolve("bin/tidemark"), checkout.resolve("bin/tidemark"), StandardCopyOption.COPY_ATTRIBUTES);
        copyTree(source, checkout.resolve(APP));
        Path mvnw = checkout.resolve("mvnw");
        Files.writeString(mvnw, "#!/bin/sh\necho \"LauncherIT: bin/tidemark must not build here (mvnw $*)\" >&2\nexit 97\n");
        assertThat(mvnw.toFile().setExecutable(true)).isTrue();
        assertThat(checkout.resolve("bin/tidemark")).isExecutable();
        return checkout;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Every file of a folder (relative path) with the SHA-256 of its content. */
    private static Map<String, String> fingerprint(Path dir) throws IOException {
        assertThat(dir).isDirectory();
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                files.put(dir.relativize(file).toString(), sha256(file));
            }
        }
        return files;
    }

    /** What differs between two fingerprints, one line per file. */
    private static List<String> changes(Map<String, String> before, Map<String, String> after) {
        List<String> changes = new ArrayList<>();
        before.forEach((file, hash) -> {
            if (!after.containsKey(file)) {
                changes.add("removed " + file);
            } else if (!after.get(file).equals(hash)) {
                changes.add("changed " + file);
            }
        });
        after.keySet().stream().filter(file -> !before.containsKey(file)).forEach(file -> changes.add("added " + file));
        return changes;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    // --- the database ----------------------------------------------------------------------------

    private static Map<String, String> postgresEnv(Path tmp, String database) {
        return Map.of(
                "TIDEMARK_DATA_DIR", tmp.resolve("data-postgresql").toString(),
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", RequiresPostgres.user(),
                "QUARKUS_DATASOURCE_PASSWORD", RequiresPostgres.password());
    }

    private static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + RequiresPostgres.host() + ":" + RequiresPostgres.port() + "/" + database;
    }

    private static String createDatabase() throws SQLException {
        String name = "tidemark_launcher_it_" + Long.toHexString(System.nanoTime());
        try (Connection connection = DriverManager.getConnection(RequiresPostgres.jdbcUrl(), RequiresPostgres.user(),
                        RequiresPostgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    private static void dropDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(RequiresPostgres.jdbcUrl(), RequiresPostgres.user(),
                        RequiresPostgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** Flyway's successful migrations in the database: proof that the application ran on it. */
    private static int appliedMigrations(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), RequiresPostgres.user(),
                        RequiresPostgres.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    // --- one start of the launcher -----------------------------------------------------------------

    /** How a {@code bin/tidemark import|export} ended: its exit status and its output. */
    private record Transfer(int exit, String output) {}

    /** One {@code bin/tidemark} process (and whatever it starts), its output in a file. */
    private static final class Launch implements AutoCloseable {

        private final String kind;
        private final int port;
        private final Path log;
        private final Process process;

        private Launch(String kind, int port, Path log, Process process) {
            this.kind = kind;
            this.port = port;
            this.log = log;
            this.process = process;
        }

        static Launch start(Path checkout, String kind, Map<String, String> env) throws IOException {
            int port = freePort();
            Path log = Files.createTempFile(checkout.getParent(), "tidemark-" + kind + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(checkout.resolve("bin/tidemark").toString())
                    .directory(checkout.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(key -> key.startsWith("TIDEMARK_") || key.startsWith("QUARKUS_")
                    || key.equals("JAVA_OPTS") || key.equals("JAVA_TOOL_OPTIONS") || key.equals("GITHUB_TOKEN"));
            // the launcher runs the JDK of this test
            environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + environment.getOrDefault("PATH", ""));
            Map<String, String> settings = new HashMap<>(env);
            settings.put("TIDEMARK_DB", kind);
            settings.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            settings.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            settings.put("TIDEMARK_ADMIN_TOKEN", TOKEN);
            settings.put("TIDEMARK_SYNC_DELAY", "24h");
            settings.put("TIDEMARK_GITHUB_API_URL", "http://127.0.0.1:9");
            settings.put("TIDEMARK_GITHUB_TOKEN", "launcher-it-unused");
            // every JVM the launcher starts (re-augmentation too) with the quick compiler only: halves
            // the CPU a start takes on a small, busy machine
            settings.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
            environment.putAll(settings);
            return new Launch(kind, port, log, builder.start());
        }

        /** Runs {@code bin/tidemark import|export ...} against this instance, to its end. */
        Transfer transfer(Path checkout, String... args) throws IOException, InterruptedException {
            List<String> command = new java.util.ArrayList<>();
            command.add(checkout.resolve("bin/tidemark").toString());
            command.addAll(List.of(args));
            Path output = Files.createTempFile(checkout.getParent(), "transfer-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(checkout.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(key -> key.startsWith("TIDEMARK_") || key.equals("JAVA_TOOL_OPTIONS"));
            environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + environment.getOrDefault("PATH", ""));
            environment.put("TIDEMARK_URL", "http://127.0.0.1:" + port);
            environment.put("TIDEMARK_ADMIN_TOKEN", TOKEN);
            Process transfer = builder.start();
            if (!transfer.waitFor(60, TimeUnit.SECONDS)) {
                transfer.destroyForcibly();
                throw new AssertionError("bin/tidemark " + String.join(" ", args) + " did not end within 60 s");
            }
            return new Transfer(transfer.exitValue(), Files.readString(output, UTF_8));
        }

        boolean answersGraphql() {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"))
                    .build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && response.body().replace(" ", "").contains("\"__typename\":\"Query\"");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** Waits until the instance answers a GraphQL query; fails at once if the launcher exits. */
        void awaitGraphql(Duration atMost) {
            try {
                await("bin/tidemark with TIDEMARK_DB=" + kind + " answering GraphQL on port " + port)
                        .atMost(atMost)
                        .pollInterval(Duration.ofMillis(250))
                        .failFast("bin/tidemark with TIDEMARK_DB=" + kind + " exited", () -> !process.isAlive())
                        .until(this::answersGraphql);
            } catch (ConditionTimeoutException | TerminalFailureException e) {
                String exit = process.isAlive() ? "still running" : "exit code " + process.exitValue();
                throw new AssertionError(e.getMessage() + " (" + exit + ")\n--- its output ---\n" + output(), e);
            }
        }

        String output() {
            try {
                return new String(Files.readAllBytes(log), UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Stops the launcher and everything it started: politely, then by force. */
        @Override
        public void close() {
            if (!process.isAlive()) {
                return;
            }
            List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
            tree.forEach(ProcessHandle::destroy);
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    tree.forEach(ProcessHandle::destroyForcibly);
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                tree.forEach(ProcessHandle::destroyForcibly);
                Thread.currentThread().interrupt();
            }
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }
}
