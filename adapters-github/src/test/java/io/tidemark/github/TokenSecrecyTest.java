package io.tidemark.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token never appears in a log line, an exception message, a stack trace or a toString. Every
 * log record of every logger is captured by a handler on the root logger: the profile puts all
 * categories at TRACE (the console stays at INFO) and asks the REST client for its widest logging
 * scope, so Quarkus', Vert.x's and the adapter's logging, request-response bodies included, are
 * all checked.
 */
@QuarkusTest
@TestProfile(TokenSecrecyTest.EverythingLogged.class)
class TokenSecrecyTest {

    /** Every record of every logger reaches the handlers; only the console is kept to INFO. */
    public static class EverythingLogged implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.log.min-level", "TRACE",
                    "quarkus.log.level", "TRACE",
                    "quarkus.log.category.\"io.tidemark\".level", "TRACE",
                    "quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "TRACE",
                    "quarkus.log.console.level", "INFO",
                    "quarkus.rest-client.logging.scope", "all",
                    "quarkus.rest-client.logging.body-limit", "2000");
        }
    }

    private static final String TOKEN = "ghp_" + UUID.randomUUID().toString().replace("-", "");
    private static final RepositoryId REPO = RepositoryId.of("octo", "hello");
    private static final String VIEWS = "/repos/octo/hello/traffic/views";

    /** Awaited answers come at once: a generous timeout, so that a loaded machine cannot turn them into timeouts. */
    private static final Duration PATIENT = Duration.ofSeconds(30);
    /** For a server that never answers: short, and no race, since no answer ever comes. */
    private static final Duration IMPATIENT = Duration.ofMillis(500);

    private final Queue<String> logs = new ConcurrentLinkedQueue<>();
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
        // the capture sees the finest records of any category, not only the adapter's
        String marker = UUID.randomUUID().toString();
        org.jboss.logging.Logger.getLogger("org.example.elsewhere").tracef("marker %s", marker);
        assertThat(logs).anySatisfy(line -> assertThat(line).contains(marker));
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
        failures.add(failHanging());
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
        assertThat(logs).anySatisfy(line -> assertThat(line).contains("Request: GET").contains("Authorization"));
        assertThat(logs).anySatisfy(line -> assertThat(line).contains("Retrying"));
        // ... and never the token, nor a wire dump (scope "all"), where it would hide split across lines
        assertThat(logs).allSatisfy(line -> assertThat(line).doesNotContain(TOKEN));
        assertThat(logs).noneSatisfy(line -> assertThat(line).startsWith("io.netty.handler.logging"));
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
        // no line of any logger has the token ...
        assertThat(logs).allSatisfy(line -> assertThat(line).doesNotContain(TOKEN));
        // ... although the request-response logging showed the echoing bodies (redacted)
        assertThat(logs).anySatisfy(line -> assertThat(line)
                .contains("Response: GET")
                .contains("Status[503")
                .contains("Upstream said Bearer " + Redactor.REDACTED));
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
            TestConfig config = TestConfig.of(sim.baseUrl(), TOKEN).withReadTimeout(PATIENT);
            try (GitHubTrafficSource source = new GitHubTrafficSource(config, Clock.systemUTC());
                    GitHubTrafficSource impatient = new GitHubTrafficSource(
                            config.withReadTimeout(IMPATIENT).withRetries(1), Clock.systemUTC());
                    GitHubTrafficSource stranger = new GitHubTrafficSource(
                            TestConfig.of(sim.baseUrl(), unknown).withReadTimeout(PATIENT), Clock.systemUTC())) {
                failures.add(catchThrowable(() -> stranger.fetchTopPaths(REPO)));
                failures.add(catchThrowable(() -> source.fetchTopPaths(RepositoryId.of("octo", "pull-only"))));
                sim.faults().inject(EndpointKind.VIEWS, Fault.serverError(500), 3);
                failures.add(catchThrowable(() -> source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY)));
                // held for an hour (until the simulator closes): the impatient source times out, no race
                sim.faults().inject(EndpointKind.CLONES, Fault.slow(Duration.ofHours(1)), 2);
                failures.add(catchThrowable(() -> impatient.fetchWindow(REPO, TrafficKind.CLONES, Granularity.DAY)));
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
        return fetchViews(TestConfig.of(stub.baseUrl(), TOKEN).withReadTimeout(PATIENT));
    }

    /** A server that never answers, so that the short timeout always fires. */
    private Throwable failHanging() {
        stub.on(VIEWS, Reply.hanging());
        return fetchViews(TestConfig.of(stub.baseUrl(), TOKEN).withReadTimeout(IMPATIENT).withRetries(1));
    }

    private Throwable fetchViews(TestConfig config) {
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
