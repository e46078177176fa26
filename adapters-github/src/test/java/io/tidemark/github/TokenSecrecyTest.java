package io.tidemark.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarkus.test.junit.QuarkusTest;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.port.out.SourceFailure;
import io.tidemark.github.StubGitHub.Reply;
import io.tidemark.simulator.EndpointKind;
import io.tidemark.simulator.Fault;
import io.tidemark.simulator.GitHubSimulator;
import io.tidemark.simulator.Permission;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * The token never appears in a log line, an exception message, a stack trace or a toString. All
 * log output is captured by a handler on the root logger, with the adapter at DEBUG and the REST
 * client's request-response logging on (see test application.properties).
 */
@QuarkusTest
class TokenSecrecyTest {

    private static final String TOKEN = "ghp_" + UUID.randomUUID().toString().replace("-", "");
    private static final RepositoryId REPO = RepositoryId.of("octo", "hello");
    private static final String VIEWS = "/repos/octo/hello/traffic/views";

    private final List<String> logs = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logs.add(render(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private StubGitHub stub;

    @BeforeEach
    void capture() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        stub = new StubGitHub();
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
        stub.close();
    }

    @Test
    void failingRequestsLogAndThrowWithoutTheToken() {
        List<Throwable> failures = new ArrayList<>();
        failures.add(fail(Reply.error(401, "Bad credentials")));
        failures.add(fail(Reply.error(500, "Internal Server Error")));
        failures.add(fail(Reply.error(403, "Must have push access to repository")));
        failures.add(fail(Reply.error(403, "You have exceeded a secondary rate limit").header("retry-after", "5")));
        failures.add(fail(Reply.error(404, "Not Found")));
        failures.add(fail(Reply.ok("{\"count\":1,\"uniques\":")));
        failures.add(fail(Reply.hanging()));
        try (GitHubTrafficSource refused = new GitHubTrafficSource(
                TestConfig.of("http://127.0.0.1:9", TOKEN).withRetries(1), Clock.systemUTC())) {
            failures.add(catchThrowable(() -> refused.listReadableRepositories("octo")));
        }

        assertThat(stub.requests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN));
        assertThat(failures).extracting(Object::getClass).containsExactly(
                (Class) SourceFailure.BadCredentials.class,
                SourceFailure.Upstream.class,
                SourceFailure.NotPermitted.class,
                SourceFailure.RateLimited.class,
                SourceFailure.NotFound.class,
                SourceFailure.Upstream.class,
                SourceFailure.Upstream.class,
                SourceFailure.Upstream.class);
        assertThat(failures).allSatisfy(TokenSecrecyTest::assertTokenFree);
        // the capture saw the adapter's and the REST client's logging, request headers included ...
        assertThat(logs).anySatisfy(line -> assertThat(line).contains("io.tidemark.github").contains(VIEWS));
        assertThat(logs).anySatisfy(line -> assertThat(line).contains("Authorization"));
        assertThat(logs).anySatisfy(line -> assertThat(line).contains("Retrying"));
        // ... and never the token
        assertThat(logs).allSatisfy(line -> assertThat(line).doesNotContain(TOKEN));
    }

    @Test
    void aTokenEchoedByTheServerIsRedactedFromFailuresAndTheAdaptersLogs() {
        List<Throwable> failures = new ArrayList<>();
        failures.add(fail(Reply.error(401, "Bad credentials: " + TOKEN)));
        failures.add(fail(Reply.error(503, "Upstream said Bearer " + TOKEN)));
        failures.add(fail(Reply.error(403, "Must have push access (" + TOKEN + ")")));
        failures.add(fail(Reply.ok("{\"count\":\"" + TOKEN + "\",\"uniques\":1,\"views\":[]}")));
        failures.add(fail(Reply.ok("{\"" + TOKEN + "\"")));

        assertThat(failures).allSatisfy(TokenSecrecyTest::assertTokenFree);
        assertThat(failures.get(0)).hasMessageContaining(Redactor.REDACTED);
        // (Quarkus' own request-response logging, when an application turns it on, prints bodies
        // verbatim; the adapter's logging redacts)
        assertThat(logs).filteredOn(line -> line.startsWith("io.tidemark"))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).doesNotContain(TOKEN));
    }

    @Test
    void againstTheSimulatorFailuresAndRetriesNeverRevealTheToken() {
        String unknown = "ghp_" + UUID.randomUUID().toString().replace("-", "");
        List<Throwable> failures = new ArrayList<>();
        try (GitHubSimulator sim = GitHubSimulator.builder()
                .organization("octo")
                .generatedRepository("octo", "hello", 10)
                .repository("octo", "pull-only")
                .token(TOKEN, Permission.ADMIN, "octo/*")
                .token(TOKEN, Permission.PULL, "octo/pull-only")
                .start()) {
            TestConfig config = TestConfig.of(sim.baseUrl(), TOKEN).withReadTimeout(Duration.ofMillis(300));
            try (GitHubTrafficSource source = new GitHubTrafficSource(config, Clock.systemUTC());
                    GitHubTrafficSource stranger = new GitHubTrafficSource(
                            TestConfig.of(sim.baseUrl(), unknown), Clock.systemUTC())) {
                failures.add(catchThrowable(() -> stranger.fetchTopPaths(REPO)));
                failures.add(catchThrowable(() -> source.fetchTopPaths(RepositoryId.of("octo", "pull-only"))));
                sim.faults().inject(EndpointKind.VIEWS, Fault.serverError(500), 3);
                failures.add(catchThrowable(() -> source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY)));
                sim.faults().inject(EndpointKind.CLONES, Fault.slow(Duration.ofSeconds(2)), 3);
                failures.add(catchThrowable(() -> source.fetchWindow(REPO, TrafficKind.CLONES, Granularity.DAY)));
                sim.faults().inject(EndpointKind.REFERRERS, Fault.malformedBody(), 3);
                failures.add(catchThrowable(() -> source.fetchTopReferrers(REPO)));
            }
        }

        assertThat(failures).extracting(Object::getClass).containsExactly(
                (Class) SourceFailure.BadCredentials.class,
                SourceFailure.NotPermitted.class,
                SourceFailure.Upstream.class,
                SourceFailure.Upstream.class,
                SourceFailure.Upstream.class);
        assertThat(failures).allSatisfy(TokenSecrecyTest::assertTokenFree);
        assertThat(logs).anySatisfy(line -> assertThat(line).contains("Retrying"));
        assertThat(logs).allSatisfy(line -> assertThat(line).doesNotContain(TOKEN).doesNotContain(unknown));
    }

    private Throwable fail(Reply reply) {
        stub.on(VIEWS, reply);
        TestConfig config = TestConfig.of(stub.baseUrl(), TOKEN).withReadTimeout(Duration.ofMillis(300));
        try (GitHubTrafficSource source = new GitHubTrafficSource(config, Clock.systemUTC())) {
            assertThat(source.toString()).doesNotContain(TOKEN);
            return catchThrowable(() -> source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY));
        }
    }

    private static void assertTokenFree(Throwable failure) {
        assertThat(failure).isInstanceOf(SourceFailure.class);
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(TOKEN);
        assertThat(String.valueOf(failure)).doesNotContain(TOKEN);
    }

    private static String render(LogRecord record) {
        StringBuilder text = new StringBuilder(record.getLoggerName() + " " + record.getLevel() + " ");
        text.append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append(" | ").append(parameter);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append('\n').append(trace);
        }
        return text.toString();
    }
}
