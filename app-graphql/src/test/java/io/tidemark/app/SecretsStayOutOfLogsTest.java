package io.tidemark.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.tidemark.simulator.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens never appear in logs, errors or responses: with every logger captured and the REST
 * client logging each request to GitHub with its headers and each answer with its body, a run with
 * failing syncs, a wrong API token and a forbidden mutation logs no GitHub, admin or viewer token,
 * and no answer body holds one.
 */
@QuarkusTest
@TestProfile(SecretsStayOutOfLogsTest.VerboseLogging.class)
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class SecretsStayOutOfLogsTest {

    /** What an operator debugging GitHub calls would turn on: every request and answer, and Tidemark's debug lines. */
    public static class VerboseLogging implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.rest-client.logging.scope", "request-response",
                    "quarkus.rest-client.logging.body-limit", "100000",
                    "quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "DEBUG",
                    "quarkus.log.category.\"io.tidemark\".level", "DEBUG");
        }
    }

    private static final List<String> SECRETS = List.of(
            GitHubSimulatorResource.GITHUB_TOKEN, GitHubSimulatorResource.ADMIN_TOKEN, GitHubSimulatorResource.VIEWER_TOKEN);

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final List<String> answers = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLoggerName() != null && record.getLoggerName().startsWith("org.apache.http")) {
                return; // the test's own HTTP client, which of course sends the API token
            }
            StringBuilder text = new StringBuilder(String.valueOf(record.getLoggerName())).append(": ");
            text.append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(" | ").append(parameter);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(' ').append(trace);
            }
            logged.add(text.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureAllLogs() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        Logger.getLogger("").setLevel(Level.ALL);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("").setLevel(Level.INFO);
        GitHubSimulatorResource.simulator().faults().clear();
    }

    @Test
    void noTokenAppearsInAnyLogLineOrAnswerOfARunWithFailures() {
        String github = GitHubSimulatorResource.simulator().baseUrl();
        String admin = GitHubSimulatorResource.ADMIN_TOKEN;
        String viewer = GitHubSimulatorResource.VIEWER_TOKEN;

        keep(Gql.post(admin, "mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }").statusCode(200));
        keep(Gql.post(admin, "mutation { syncRepository(owner: \"octo\", name: \"hello\") { syncedAt } }").statusCode(200));
        keep(Gql.post(admin, "mutation { trackRepository(owner: \"octo\", name: \"readonly\") { name } }").statusCode(200));
        keep(Gql.post(admin, "mutation { syncRepository(owner: \"octo\", name: \"readonly\") { syncedAt } }").statusCode(200));
        keep(Gql.post(admin, "mutation { trackRepository(owner: \"octo\", name: \"world\") { name } }").statusCode(200));
        GitHubSimulatorResource.simulator().faults().injectAll(Fault.serverError(502), 50);
        keep(Gql.post(admin, "mutation { syncRepository(owner: \"octo\", name: \"world\") { syncedAt } }").statusCode(200));
        GitHubSimulatorResource.simulator().faults().clear();
        keep(Gql.post("wrong-" + admin, "{ __typename }").statusCode(401));
        keep(Gql.post("wrong-" + viewer, "mutation { trackOwner(owner: \"octo\") { name } }").statusCode(401));
        keep(Gql.post(viewer, "mutation { syncRepository(owner: \"octo\", name: \"readonly\") { syncedAt } }").statusCode(200));
        keep(Gql.post(viewer, "{ repositories { nodes { nameWithOwner lastSyncedAt lastSyncError } } }").statusCode(200));
        keep(Gql.post(admin, "{ repository(owner: \"octo\", name: \"readonly\" { name } }").statusCode(200));
        keep(given().get("/q/health").then());
        keep(given().get("/q/metrics").then().statusCode(200));

        // the lines a leak would be in were logged: GitHub requests with their headers, answers with their bodies,
        // and the failing syncs' messages
        assertThat(logged).anyMatch(line -> line.contains("Request: GET " + github + "/repos/octo/hello/traffic/views")
                && line.contains("Authorization"));
        assertThat(logged).anyMatch(line -> line.contains("Response: GET " + github + "/repos/octo/readonly/traffic/views")
                && line.contains("Must have push access"));
        assertThat(logged).anyMatch(line -> line.contains("/repos/octo/readonly/traffic/views")
                && line.contains("GitHub refused"));
        assertThat(logged).anyMatch(line -> line.contains("/repos/octo/world/traffic/") && line.contains("gave up after"));
        assertThat(answers).anyMatch(body -> body.contains("NOT_PERMITTED"))
                .anyMatch(body -> body.contains("UPSTREAM_ERROR"))
                .anyMatch(body -> body.contains("UNAUTHENTICATED"))
                .anyMatch(body -> body.contains("FORBIDDEN"))
                .anyMatch(body -> body.contains("GRAPHQL_PARSE_FAILED"))
                .anyMatch(body -> body.contains("lastSyncError\":\""));

        for (String secret : SECRETS) {
            assertThat(logged.stream().filter(line -> line.contains(secret)).toList()).as("log lines with a token").isEmpty();
            assertThat(answers.stream().filter(body -> body.contains(secret)).toList()).as("answers with a token").isEmpty();
        }
    }

    private void keep(ValidatableResponse response) {
        answers.add(response.extract().asString());
    }
}
