package io.tidemark.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidemark.simulator.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failing runs log what went wrong, and never a token: neither GitHub's nor the API's. */
@QuarkusTest
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class SecretsStayOutOfLogsTest {

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLoggerName() != null && record.getLoggerName().startsWith("org.apache.http")) {
                return; // the test's own HTTP client, which of course sends the API token
            }
            StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(parameter);
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
    }

    @Test
    void noTokenAppearsInAnyLogLineOfAFailingRun() {
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"readonly\") { name } }");
        Gql.post(GitHubSimulatorResource.ADMIN_TOKEN,
                "mutation { syncRepository(owner: \"octo\", name: \"readonly\") { syncedAt } }").statusCode(200);
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"world\") { name } }");
        GitHubSimulatorResource.simulator().faults().injectAll(Fault.serverError(502), 50);
        Gql.post(GitHubSimulatorResource.ADMIN_TOKEN,
                "mutation { syncRepository(owner: \"octo\", name: \"world\") { syncedAt } }").statusCode(200);
        GitHubSimulatorResource.simulator().faults().clear();
        Gql.post("wrong-" + GitHubSimulatorResource.ADMIN_TOKEN, "{ __typename }").statusCode(401);
        Gql.post(GitHubSimulatorResource.VIEWER_TOKEN,
                "mutation { syncRepository(owner: \"octo\", name: \"readonly\") { syncedAt } }").statusCode(200);

        assertThat(logged).as("something was logged").isNotEmpty();
        assertThat(logged).noneMatch(line -> line.contains(GitHubSimulatorResource.GITHUB_TOKEN))
                .noneMatch(line -> line.contains(GitHubSimulatorResource.ADMIN_TOKEN))
                .noneMatch(line -> line.contains(GitHubSimulatorResource.VIEWER_TOKEN));
    }
}
