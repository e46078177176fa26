package io.tidemark.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code bin/tidemark import} and {@code bin/tidemark export}: a client of a running Tidemark's
 * {@code /api/import} and {@code /api/export}, with the JDK alone (the launcher runs it from the
 * application's jar without starting Quarkus).
 *
 * <pre>
 * bin/tidemark import [--owner OWNER --name NAME] [--format FORMAT] [--dense] PATH...
 * bin/tidemark export [--csv] [OWNER[/NAME]] &gt; FILE
 * </pre>
 *
 * <p>Import sends the paths as one zip (a folder keeps its own name and everything below it, so
 * the layout that names the format and the repository travels with it), or a single {@code .zip}
 * as it is. The server is {@code TIDEMARK_URL} (default {@code http://127.0.0.1:8080}), the token
 * the first of {@code TIDEMARK_ADMIN_TOKEN} (export also takes {@code TIDEMARK_VIEWER_TOKEN}).
 * Exit status: 0 when everything was imported or exported, 1 when the server refused something
 * (its message on standard error), 2 for a usage error.
 */
public final class TransferCommand {

    private static final String USAGE = """
            usage: bin/tidemark import [--owner OWNER --name NAME] [--format FORMAT] [--dense] PATH...
                   bin/tidemark export [--csv] [OWNER[/NAME]] > FILE
            The server is TIDEMARK_URL (default http://127.0.0.1:8080); the token TIDEMARK_ADMIN_TOKEN
            (export: or TIDEMARK_VIEWER_TOKEN).""";

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    TransferCommand(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new TransferCommand(System.getenv(), System.out, System.err).run(List.of(args)));
    }

    int run(List<String> args) {
        if (args.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        try {
            switch (args.get(0)) {
                case "import":
                    return importPaths(args.subList(1, args.size()));
                case "export":
                    return export(args.subList(1, args.size()));
                default:
                    err.println(USAGE);
                    return 2;
            }
        } catch (ConnectException refused) {
            err.println("no Tidemark answers at " + server() + " (start it with bin/tidemark, or set TIDEMARK_URL)");
            return 1;
        } catch (IOException e) {
            err.println("the transfer failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int importPaths(List<String> args) throws IOException, InterruptedException {
        Map<String, String> query = new LinkedHashMap<>();
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--owner", "--name", "--format" -> {
                    if (i + 1 >= args.size()) {
                        err.println(arg + " needs a value\n" + USAGE);
                        return 2;
                    }
                    query.put(arg.substring(2), args.get(++i));
                }
                case "--dense" -> query.put("dense", "true");
                default -> paths.add(Path.of(arg));
            }
        }
        if (paths.isEmpty()) {
            err.println("nothing to import\n" + USAGE);
            return 2;
        }
        for (Path path : paths) {
            if (!Files.exists(path)) {
                err.println("no such file or folder: " + path);
                return 2;
            }
        }
        Path body;
        boolean temporary = false;
        if (paths.size() == 1 && Files.isRegularFile(paths.get(0)) && paths.get(0).toString().endsWith(".zip")) {
            body = paths.get(0);
        } else {
            body = zip(paths);
            temporary = true;
        }
        try {
            String token = token(false);
            if (token == null) {
                err.println("set TIDEMARK_ADMIN_TOKEN to an admin token of the server");
                return 2;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(server() + "/api/import" + queryString(query)))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/zip")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            out.println(response.body());
            if (response.statusCode() != 200) {
                err.println("the import was refused in part or whole (HTTP " + response.statusCode() + "); see the answer above");
                return 1;
            }
            return 0;
        } finally {
            if (temporary) {
                Files.deleteIfExists(body);
            }
        }
    }

    private int export(List<String> args) throws IOException, InterruptedException {
        Map<String, String> query = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--csv")) {
                query.put("format", "csv");
            } else if (arg.startsWith("-") || query.containsKey("owner")) {
                err.println(USAGE);
                return 2;
            } else {
                int slash = arg.indexOf('/');
                query.put("owner", slash < 0 ? arg : arg.substring(0, slash));
                if (slash >= 0) {
                    query.put("name", arg.substring(slash + 1));
                }
            }
        }
        String token = token(true);
        if (token == null) {
            err.println("set TIDEMARK_ADMIN_TOKEN or TIDEMARK_VIEWER_TOKEN to a token of the server");
            return 2;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(server() + "/api/export" + queryString(query)))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                err.println("the export was refused (HTTP " + response.statusCode() + "): "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
                return 1;
            }
            body.transferTo(out);
            out.flush();
        }
        return 0;
    }

    /** The paths as one zip: a folder's files under the folder's own name, a file under its name. */
    private static Path zip(List<Path> paths) throws IOException {
        Path zip = Files.createTempFile("tidemark-import-", ".zip");
        try (OutputStream stream = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(stream)) {
            // The zip only travels to the server over a local connection: speed over size.
            out.setLevel(java.util.zip.Deflater.BEST_SPEED);
            for (Path path : paths) {
                Path absolute = path.toAbsolutePath().normalize();
                Path base = absolute.getParent() == null ? absolute : absolute.getParent();
                List<Path> files;
                try (Stream<Path> walk = Files.walk(absolute)) {
                    files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
                }
                for (Path file : files) {
                    out.putNextEntry(new ZipEntry(base.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            Files.deleteIfExists(zip);
            throw e;
        }
        return zip;
    }

    private String server() {
        String url = environment.getOrDefault("TIDEMARK_URL", "http://127.0.0.1:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The first token of TIDEMARK_ADMIN_TOKEN (a comma-separated list, as the server reads it). */
    private String token(boolean viewerWillDo) {
        for (String variable : viewerWillDo
                ? List.of("TIDEMARK_ADMIN_TOKEN", "TIDEMARK_VIEWER_TOKEN")
                : List.of("TIDEMARK_ADMIN_TOKEN")) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return value.split(",")[0].strip();
            }
        }
        return null;
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        return query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
