package io.tidemark.app;

import static io.restassured.RestAssured.given;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** HTTP helpers of the import and export tests: bodies, zips, calls. */
final class Transfers {

    static final String ADMIN = GitHubSimulatorResource.ADMIN_TOKEN;
    static final String VIEWER = GitHubSimulatorResource.VIEWER_TOKEN;

    private Transfers() {}

    /** POST /api/import as admin. */
    static ExtractableResponse<Response> importBody(String contentType, byte[] body, Map<String, ?> query) {
        return given().auth().oauth2(ADMIN)
                .contentType(contentType)
                .queryParams(query)
                .body(body)
                .post("/api/import")
                .then().extract();
    }

    static ExtractableResponse<Response> importZip(Map<String, byte[]> entries) {
        return importBody("application/zip", zip(entries), Map.of());
    }

    /** GET /api/export as viewer. */
    static byte[] export(Map<String, ?> query) {
        return given().auth().oauth2(VIEWER)
                .queryParams(query)
                .get("/api/export")
                .then().statusCode(200)
                .extract().asByteArray();
    }

    /** A zip of the given entries, in the given order. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Every file under {@code folder}, by its path below {@code base} ('/'-separated), sorted. */
    static Map<String, byte[]> files(Path base, Path folder) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(base.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** A test resource folder. */
    static Path resource(String name) {
        try {
            return Path.of(Transfers.class.getResource("/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
