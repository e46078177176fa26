package io.tidemark.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarkus.test.junit.QuarkusTest;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.port.out.SourceFailure;
import io.tidemark.github.StubGitHub.Reply;
import io.tidemark.simulator.Fault;
import io.tidemark.simulator.GitHubSimulator;
import io.tidemark.simulator.Permission;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a user reads ({@code lastSyncError}, API error messages) when a GitHub request fails on
 * the way: every {@link SourceFailure} message names the request and says in plain words what
 * happened (the body was cut short, is not JSON, no answer in time, no connection), keeps the
 * facts (HTTP status, attempts) and carries no Java class or package name, no exception name and
 * nothing of Jackson, Netty or Vert.x. Faults come from the github-simulator where it has them and
 * from {@link StubGitHub} for what only a raw socket can do (cut, closed and reset connections).
 */
@QuarkusTest
class FailureMessagesTest {

    private static final String TOKEN = "t-failures-5d4c3b";
    private static final RepositoryId REPO = RepositoryId.of("octo", "hello");
    private static final String VIEWS = "/repos/octo/hello/traffic/views";
    private static final String VIEWS_REQUEST = "GET " + VIEWS + "?per=day";

    /** {@code com.fasterxml.jackson.core.io.JsonEOFException} and the like. */
    private static final Pattern QUALIFIED_CLASS_NAME = Pattern.compile("\\b[a-z]+(\\.[a-z0-9_]+)+\\.[A-Z]\\w*");
    /** {@code JsonEOFException}, {@code HttpClosedException}, {@code OutOfMemoryError} (not GitHub's "Server Error"). */
    private static final Pattern THROWABLE_NAME = Pattern.compile("\\b\\w+(Exception|Error)\\b");
    private static final List<String> INTERNALS = List.of(
            "io.netty", "netty", "jackson", "vertx", "vert.x", "StreamReadFeature", "[Source", "line: ", "column: ");

    private GitHubSimulator sim;
    private StubGitHub stub;
    private final List<GitHubTrafficSource> sources = new ArrayList<>();

    @BeforeEach
    void start() {
        sim = GitHubSimulator.builder()
                .organization("octo")
                .generatedRepository("octo", "hello", 30)
                .token(TOKEN, Permission.ADMIN, "octo/*")
                .start();
        stub = new StubGitHub();
    }

    @AfterEach
    void stop() {
        sources.forEach(GitHubTrafficSource::close);
        sim.close();
        stub.close();
    }

    @Test
    void aBodyCutShortSaysSo() {
        sim.faults().injectAll(Fault.truncatedBody(), 2);

        String message = failure(simulated());

        assertPlainLanguage(message);
        assertThat(message).contains(VIEWS_REQUEST, "GitHub's answer (HTTP 200) is unusable", "cut short",
                "2 attempts");
    }

    @Test
    void aBodyThatIsNotJsonSaysSo() {
        sim.faults().injectAll(Fault.malformedBody(), 2);

        String message = failure(simulated());

        assertPlainLanguage(message);
        assertThat(message).contains(VIEWS_REQUEST, "GitHub's answer (HTTP 200) is unusable", "not valid JSON",
                "2 attempts");
    }

    @Test
    void aBodyOfTheWrongShapeNamesTheField() {
        stub.on(VIEWS, Reply.ok("{\"count\":5,\"uniques\":3,\"views\":[{\"timestamp\":\"2026-11-19T00:00:00Z\","
                + "\"count\":\"many\",\"uniques\":1}]}"));

        String message = failure(stubbed());

        assertPlainLanguage(message);
        assertThat(message).contains(VIEWS_REQUEST, "GitHub's answer (HTTP 200) is unusable",
                "'views[0].count' is not a whole number");
    }

    @Test
    void aBodyOfTheWrongKindSaysWhatWasExpected() {
        stub.on(VIEWS, Reply.ok("[1, 2, 3]"));

        String message = failure(stubbed());

        assertPlainLanguage(message);
        assertThat(message).contains(VIEWS_REQUEST, "GitHub's answer (HTTP 200) is unusable",
                "the body is not an object");
    }

    @Test
    void aBodyThatBreaksTheDomainsRulesSaysWhichRule() {
        stub.on(VIEWS, Reply.ok("{\"count\":-5,\"uniques\":3,\"views\":[]}"));

        String message = failure(stubbed());

        assertPlainLanguage(message);
        assertThat(message).contains(VIEWS_REQUEST, "GitHub's answer (HTTP 200) is unusable", "count");
    }

    @Test
    void anAnswerThatNeverComesSaysHowLongItWaited() {
        // the simulator holds the answer for an hour: the 1 s read timeout cannot race it
        sim.faults().injectAll(Fault.slow(Duration.ofHours(1)), 2);

        String message = failure(source(TestConfig.of(sim.baseUrl(), TOKEN)
                .withReadTimeout(Duration.ofSeconds(1)).withRetries(1)));

        assertPlainLanguage(message);
        assertThat(message).contains(VIEWS_REQUEST, "did not answer within 1s (read timeout)", "2 attempts");
    }

    @Test
    void aServerErrorKeepsGitHubsStatusAndWords() {
        sim.faults().injectAll(Fault.serverError(502), 2);

        String message = failure(simulated());

        assertPlainLanguage(message);
        assertThat(message).contains(VIEWS_REQUEST, "HTTP 502: Server Error", "2 attempts");
    }

    @Test
    void aConnectionClosedInTheMiddleOfTheBodySaysSo() {
        stub.on(VIEWS, Reply.cutOff("{\"count\":5,\"uniques\":3,\"views\":[]}"));

        String message = failure(stubbed());

        assertPlainLanguage(message);
        assertThat(message).contains(VIEWS_REQUEST, "the connection was closed early", "2 attempts");
    }

    @Test
    void aConnectionClosedWithoutAnAnswerSaysSo() {
        stub.on(VIEWS, Reply.closed());

        String message = failure(stubbed());

        assertPlainLanguage(message);
        assertThat(message).contains(VIEWS_REQUEST, "the connection was closed early", "2 attempts");
    }

    @Test
    void aResetConnectionSaysSo() {
        stub.on(VIEWS, Reply.reset());

        String message = failure(stubbed());

        assertPlainLanguage(message);
        assertThat(message).contains(VIEWS_REQUEST, "2 attempts").containsAnyOf(
                "the connection was reset", "the connection was closed early");
    }

    @Test
    void noConnectionSaysWhereTo() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }

        String message = failure(source(TestConfig.of("http://127.0.0.1:" + port, TOKEN).withRetries(1)));

        assertPlainLanguage(message);
        assertThat(message).contains(VIEWS_REQUEST, "could not connect to 127.0.0.1:" + port, "2 attempts");
    }

    private GitHubTrafficSource simulated() {
        return source(TestConfig.of(sim.baseUrl(), TOKEN).withRetries(1));
    }

    private GitHubTrafficSource stubbed() {
        return source(TestConfig.of(stub.baseUrl(), TOKEN).withRetries(1));
    }

    private GitHubTrafficSource source(TestConfig config) {
        GitHubTrafficSource source = new GitHubTrafficSource(config, Clock.systemUTC());
        sources.add(source);
        return source;
    }

    private static String failure(GitHubTrafficSource source) {
        Throwable failure = catchThrowable(() -> source.fetchWindow(REPO, TrafficKind.VIEWS, Granularity.DAY));
        assertThat(failure).isInstanceOf(SourceFailure.Upstream.class);
        return failure.getMessage();
    }

    private static void assertPlainLanguage(String message) {
        assertThat(message)
                .doesNotContainPattern(QUALIFIED_CLASS_NAME)
                .doesNotContainPattern(THROWABLE_NAME)
                .doesNotContain("\n");
        for (String internal : INTERNALS) {
            assertThat(message).doesNotContainIgnoringCase(internal);
        }
    }
}
