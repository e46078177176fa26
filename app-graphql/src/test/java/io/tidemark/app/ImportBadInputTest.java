package io.tidemark.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad files get a clear, coded answer (the file, line and column, and what was expected; never a
 * stack trace) and nothing of them is kept; unsafe or oversized zips and bodies are refused before
 * they are expanded or read whole. Limits are made small here (a test profile) so that the tests
 * stay small; the defaults are in the README.
 */
@QuarkusTest
@TestProfile(ImportBadInputTest.SmallLimits.class)
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class ImportBadInputTest {

    public static final class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tidemark.import.max-body", "200K",
                    "tidemark.import.max-entries", "20",
                    "tidemark.import.max-expanded", "300K");
        }
    }

    private static final String HEADER = "_date,total_views,unique_views\n";
    private static final String GOOD = HEADER + "2023-03-01,5,3\n2023-03-02,7,4\n";

    @Test
    void aFigureThatIsNotANumberNamesItsFileLineAndColumn() {
        assertMalformed("bad/figure/traffic/views.csv", HEADER + "2023-03-01,5,3\n2023-03-02,seven,4\n", 3, 2, "bad", "figure");
    }

    @Test
    void aNegativeFigureIsRefused() {
        assertMalformed("bad/negative/traffic/views.csv", HEADER + "2023-03-01,5,-3\n", 2, 3, "bad", "negative");
    }

    @Test
    void aDateThatDoesNotParseIsRefused() {
        assertMalformed("bad/date/traffic/views.csv", HEADER + "2023-02-30,5,3\n", 2, 1, "bad", "date");
    }

    @Test
    void aCsvWithAHeaderNoFormatHasIsRefused() {
        JsonPath answer = expect(400, Transfers.importZip(Map.of("bad/header/traffic/views.csv",
                "day,views,visitors\n2023-03-01,5,3\n".getBytes(StandardCharsets.UTF_8))));
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("MALFORMED_FILE");
        assertThat(answer.getString("errors[0].extensions.file")).isEqualTo("bad/header/traffic/views.csv");
        assertNothingKept("bad", "header");
    }

    @Test
    void theOtherFilesOfAZipAreImportedAndReported() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("good/one/traffic/views.csv", GOOD.getBytes(StandardCharsets.UTF_8));
        entries.put("bad/two/traffic/views.csv", (HEADER + "2023-03-01,5,x\n").getBytes(StandardCharsets.UTF_8));
        entries.put("good/one/README.md", "notes".getBytes(StandardCharsets.UTF_8));
        JsonPath answer = expect(400, Transfers.importZip(entries));
        assertThat(answer.getString("errors[0].extensions.file")).isEqualTo("bad/two/traffic/views.csv");
        assertThat(answer.getList("files.file")).containsExactly("good/one/traffic/views.csv");
        assertThat(answer.getList("skipped.what")).containsExactly("good/one/README.md");
        assertThat(Gql.admin("{ repository(owner: \"good\", name: \"one\") { views { buckets { timestamp } } } }")
                .getList("data.repository.views.buckets.timestamp")).hasSize(2);
        assertNothingKept("bad", "two");
    }

    @Test
    void aTruncatedZipIsRefusedAndNothingIsKept() {
        byte[] zip = Transfers.zip(Map.of("cut/short/traffic/views.csv", GOOD.getBytes(StandardCharsets.UTF_8)));
        JsonPath answer = expect(400, Transfers.importBody("application/zip", Arrays.copyOf(zip, zip.length / 2), Map.of()));
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("MALFORMED_FILE");
        assertThat(answer.getString("errors[0].message")).contains("damaged or cut short");
        assertNothingKept("cut", "short");
    }

    @Test
    void aSqliteDatabaseOfAnotherSchemaIsRefused() throws IOException, SQLException {
        Path database = Files.createTempFile("other-schema", ".db");
        try {
            Files.delete(database);
            try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + database);
                    Statement sql = sqlite.createStatement()) {
                sql.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
                sql.execute("INSERT INTO notes (text) VALUES ('hello')");
            }
            JsonPath answer = expect(400, Transfers.importBody("application/vnd.sqlite3", Files.readAllBytes(database), Map.of()));
            assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("MALFORMED_FILE");
            assertThat(answer.getString("errors[0].message")).doesNotContain("Exception");
        } finally {
            Files.deleteIfExists(database);
        }
    }

    @Test
    void aZipWithAnEntryOutsideItsFolderIsRefusedWhole() {
        for (String unsafe : new String[] {"../escape/traffic/views.csv", "/abs/olute/traffic/views.csv",
                "a/../../b/c/traffic/views.csv", "C:\\win\\traffic\\views.csv"}) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("fine/repo/traffic/views.csv", GOOD.getBytes(StandardCharsets.UTF_8));
            entries.put(unsafe, GOOD.getBytes(StandardCharsets.UTF_8));
            JsonPath answer = expect(400, Transfers.importZip(entries));
            assertThat(answer.getString("errors[0].extensions.code")).as(unsafe).isEqualTo("UNSAFE_ARCHIVE");
            assertNothingKept("fine", "repo");
        }
    }

    @Test
    void aZipOfTooManyEntriesIsRefusedBeforeExpanding() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 21; i++) {
            entries.put("many/repo" + i + "/traffic/views.csv", GOOD.getBytes(StandardCharsets.UTF_8));
        }
        JsonPath answer = expect(400, Transfers.importZip(entries));
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("UNSAFE_ARCHIVE");
        assertThat(answer.getString("errors[0].message")).contains("21 entries").contains("TIDEMARK_IMPORT_MAX_ENTRIES");
        assertNothingKept("many", "repo0");
    }

    @Test
    void aZipThatWouldExpandBeyondTheLimitIsRefusedBeforeExpanding() {
        byte[] large = new byte[400 * 1024];
        Arrays.fill(large, (byte) '\n');
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("bomb/repo/traffic/views.csv", GOOD.getBytes(StandardCharsets.UTF_8));
        entries.put("bomb/repo/traffic/zeros.csv", large);
        byte[] zip = Transfers.zip(entries);
        assertThat(zip.length).isLessThan(200 * 1024);
        JsonPath answer = expect(400, Transfers.importBody("application/zip", zip, Map.of()));
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("UNSAFE_ARCHIVE");
        assertThat(answer.getString("errors[0].message")).contains("TIDEMARK_IMPORT_MAX_EXPANDED");
        assertNothingKept("bomb", "repo");
    }

    @Test
    void aBodyBeyondTheLimitGets413WhetherItsLengthIsDeclaredOrNot() {
        byte[] body = (HEADER + "2023-03-01,5,3\n".repeat(20_000)).getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(200 * 1024);
        Map<String, String> query = Map.of("format", "repository-traffic-action", "owner", "big", "name", "body",
                "filename", "views.csv");
        ExtractableResponse<Response> declared = Transfers.importBody("text/csv", body, query);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.jsonPath().getString("errors[0].extensions.code")).isEqualTo("PAYLOAD_TOO_LARGE");

        ExtractableResponse<Response> chunked = given().auth().oauth2(Transfers.ADMIN).contentType("text/csv")
                .queryParams(query).body(new ByteArrayInputStream(body)).post("/api/import").then().extract();
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertNothingKept("big", "body");
    }

    @Test
    void importsNeedAnAdminAndAKnownMediaType() {
        byte[] csv = GOOD.getBytes(StandardCharsets.UTF_8);
        ExtractableResponse<Response> viewer = given().auth().oauth2(Transfers.VIEWER).contentType("application/zip")
                .body(csv).post("/api/import").then().extract();
        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(viewer.jsonPath().getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");

        ExtractableResponse<Response> anonymous = given().contentType("application/zip").body(csv).post("/api/import")
                .then().extract();
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.jsonPath().getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");

        ExtractableResponse<Response> text = Transfers.importBody("text/plain", csv, Map.of());
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.jsonPath().getString("errors[0].extensions.code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");

        ExtractableResponse<Response> noFormat = Transfers.importBody("text/csv", csv, Map.of());
        assertThat(noFormat.statusCode()).isEqualTo(400);
        assertThat(noFormat.jsonPath().getString("errors[0].message")).contains("format, owner and name");
    }

    @Test
    void exportsOfUnknownRepositoriesOrFormatsAreRefusedWithACode() {
        ExtractableResponse<Response> unknown = given().auth().oauth2(Transfers.VIEWER)
                .queryParams(Map.of("owner", "nobody", "name", "nothing")).get("/api/export").then().extract();
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.jsonPath().getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");

        ExtractableResponse<Response> xml = given().auth().oauth2(Transfers.VIEWER)
                .queryParams(Map.of("format", "xml")).get("/api/export").then().extract();
        assertThat(xml.statusCode()).isEqualTo(400);
        assertThat(xml.jsonPath().getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");

        assertThat(given().get("/api/export").then().extract().statusCode()).isEqualTo(401);
    }

    private static void assertMalformed(String name, String csv, int line, int column, String owner, String repo) {
        JsonPath answer = expect(400, Transfers.importZip(Map.of(name, csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("MALFORMED_FILE");
        assertThat(answer.getString("errors[0].extensions.file")).isEqualTo(name);
        assertThat(answer.getInt("errors[0].extensions.line")).isEqualTo(line);
        assertThat(answer.getInt("errors[0].extensions.column")).isEqualTo(column);
        assertThat(answer.getString("errors[0].message")).startsWith(name + ", line " + line + ", column " + column + ": ")
                .contains("nothing of this file was kept").doesNotContain("Exception");
        assertNothingKept(owner, repo);
    }

    private static JsonPath expect(int status, ExtractableResponse<Response> response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        return response.jsonPath();
    }

    private static void assertNothingKept(String owner, String name) {
        assertThat(Gql.admin("{ repository(owner: \"" + owner + "\", name: \"" + name + "\") { name } }")
                .getString("data.repository")).as("%s/%s", owner, name).isNull();
    }
}
