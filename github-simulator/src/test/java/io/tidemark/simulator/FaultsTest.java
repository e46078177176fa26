package io.tidemark.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultsTest {

    private static final String TOKEN = "t-admin";
    private static final String VIEWS = "/repos/octo/hello/traffic/views";
    private static final String CLONES = "/repos/octo/hello/traffic/clones";
    private static GitHubSimulator sim;
    private static Http http;

    @BeforeAll
    static void start() {
        sim = GitHubSimulator.builder()
                .now(Instant.parse("2024-05-15T10:00:00Z"))
                .generatedRepository("octo", "hello", 30)
                .token(TOKEN, Permission.ADMIN, "*")
                .start();
        http = new Http(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clear() {
        sim.faults().clear();
        sim.requests().reset();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void serverErrorsHitTheNextRequestsOfTheirKindOnly(int status) {
        sim.faults().inject(EndpointKind.VIEWS, Fault.serverError(status), 2);
        assertThat(http.get(CLONES, TOKEN).statusCode()).isEqualTo(200);
        HttpResponse<String> failed = http.get(VIEWS, TOKEN);
        assertThat(failed.statusCode()).isEqualTo(status);
        assertThat(Http.json(failed).get("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(failed.headers().firstValue("date")).isPresent();
        assertThat(http.get(VIEWS, TOKEN).statusCode()).isEqualTo(status);
        assertThat(http.get(VIEWS, TOKEN).statusCode()).isEqualTo(200);
        assertThat(sim.faults().pending()).isZero();
        assertThat(sim.requests().count(EndpointKind.VIEWS, status)).isEqualTo(2);
    }

    @Test
    void faultsForAllKindsHitAnyEndpoint() {
        sim.faults().injectAll(Fault.serverError(502), 3);
        assertThat(http.get(CLONES, TOKEN).statusCode()).isEqualTo(502);
        assertThat(http.get("/repos/octo/hello/traffic/popular/paths", TOKEN).statusCode()).isEqualTo(502);
        assertThat(http.get("/users/octo/repos", TOKEN).statusCode()).isEqualTo(502);
        assertThat(http.get(CLONES, TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void slowResponseOutlastsTheClientTimeout() {
        sim.faults().inject(EndpointKind.CLONES, Fault.slow(Duration.ofSeconds(5)), 1);
        var request = http.request(CLONES, TOKEN).timeout(Duration.ofMillis(300)).GET().build();
        assertThatThrownBy(() -> Http.send(request)).hasCauseInstanceOf(HttpTimeoutException.class);
        assertThat(http.get(CLONES, TOKEN).statusCode()).isEqualTo(200); // the server kept serving
    }

    @Test
    void slowResponseEventuallyAnswersNormally() {
        sim.faults().inject(EndpointKind.VIEWS, Fault.slow(Duration.ofMillis(300)), 1);
        long start = System.nanoTime();
        HttpResponse<String> response = http.get(VIEWS, TOKEN);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("count").isIntegralNumber()).isTrue();
    }

    @Test
    void truncatedBodyIsCutJson() {
        String whole = http.get(VIEWS, TOKEN).body();
        sim.faults().inject(EndpointKind.VIEWS, Fault.truncatedBody(), 1);
        HttpResponse<String> truncated = http.get(VIEWS, TOKEN);
        assertThat(truncated.statusCode()).isEqualTo(200);
        assertThat(truncated.body()).isEqualTo(whole.substring(0, whole.length() / 2));
        assertThatThrownBy(() -> Http.JSON.readTree(truncated.body())).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void cutBodyEndsTheConnectionInTheMiddleOfTheBody() {
        sim.faults().inject(EndpointKind.VIEWS, Fault.cutBody(), 1);
        assertThatThrownBy(() -> http.get(VIEWS, TOKEN)).hasCauseInstanceOf(java.io.IOException.class);
        assertThat(sim.requests().count(EndpointKind.VIEWS, 200)).isEqualTo(1); // it cost budget
        assertThat(sim.requests().costingBudget(EndpointKind.VIEWS)).isEqualTo(1);
        assertThat(http.get(VIEWS, TOKEN).statusCode()).isEqualTo(200); // the server kept serving
    }

    @Test
    void cutBodySendsHalfTheDeclaredLength() throws java.io.IOException {
        int whole = http.get(VIEWS, TOKEN).body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        sim.faults().inject(EndpointKind.VIEWS, Fault.cutBody(), 1);
        try (var socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), sim.port())) {
            socket.getOutputStream().write(("GET " + VIEWS + " HTTP/1.1\r\nHost: x\r\nAuthorization: token " + TOKEN
                    + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8); // to EOF
            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: " + whole + "\r\n");
            assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .hasSize(whole / 2);
        }
    }

    @Test
    void disconnectClosesTheConnectionWithoutAnAnswer() throws java.io.IOException {
        sim.faults().inject(EndpointKind.CLONES, Fault.disconnect(), 1);
        try (var socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), sim.port())) {
            socket.getOutputStream().write(("GET " + CLONES + " HTTP/1.1\r\nHost: x\r\nAuthorization: token " + TOKEN
                    + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().readAllBytes()).isEmpty(); // EOF, no answer
        }
        assertThat(sim.requests().count(EndpointKind.CLONES, 0)).isEqualTo(1);
        assertThat(sim.requests().costingBudget(EndpointKind.CLONES)).isEqualTo(1);
        assertThat(http.get(CLONES, TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedBodyIsInvalidJson() {
        sim.faults().inject(EndpointKind.REFERRERS, Fault.malformedBody(), 1);
        HttpResponse<String> malformed = http.get("/repos/octo/hello/traffic/popular/referrers", TOKEN);
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> Http.JSON.readTree(malformed.body())).isInstanceOf(JsonProcessingException.class);
        assertThat(http.get("/repos/octo/hello/traffic/popular/referrers", TOKEN).body()).startsWith("[{");
    }

    @Test
    void dailyBucketsForWeeksAnswersAWeeklyRequestWithTheDailyAnswerAndPassesOtherRequestsBy() {
        String daily = http.get(CLONES + "?per=day", TOKEN).body();
        String weekly = http.get(CLONES + "?per=week", TOKEN).body();
        sim.faults().inject(EndpointKind.CLONES, Fault.dailyBucketsForWeeks(), 1);

        assertThat(http.get(CLONES + "?per=day", TOKEN).body()).as("a daily request passes it by").isEqualTo(daily);
        assertThat(http.get(CLONES, TOKEN).body()).as("per defaults to day").isEqualTo(daily);
        assertThat(sim.faults().pending()).isEqualTo(1);
        HttpResponse<String> faulted = http.get(CLONES + "?per=week", TOKEN);

        assertThat(faulted.statusCode()).isEqualTo(200);
        assertThat(faulted.body()).isEqualTo(daily).isNotEqualTo(weekly);
        assertThat(faulted.headers().firstValue("etag")).contains(GitHubApi.etag(daily));
        assertThat(Http.json(faulted).get("clones").findValuesAsText("timestamp"))
                .anyMatch(timestamp -> !java.time.LocalDate.parse(timestamp.substring(0, 10)).getDayOfWeek()
                        .equals(java.time.DayOfWeek.MONDAY));
        assertThat(sim.faults().pending()).isZero();
        assertThat(http.get(CLONES + "?per=week", TOKEN).body()).isEqualTo(weekly);
    }

    @Test
    void dailyBucketsForWeeksQueuedForAnyKindWaitsForAWeeklyRequest() {
        sim.faults().injectAll(Fault.dailyBucketsForWeeks(), 1);
        assertThat(http.get("/repos/octo/hello/traffic/popular/paths", TOKEN).statusCode()).isEqualTo(200);
        assertThat(http.get(VIEWS + "?per=day", TOKEN).statusCode()).isEqualTo(200);
        assertThat(sim.faults().pending()).isEqualTo(1);
        assertThat(http.get(VIEWS + "?per=week", TOKEN).body()).isEqualTo(http.get(VIEWS + "?per=day", TOKEN).body());
        assertThat(sim.faults().pending()).isZero();
    }
}
