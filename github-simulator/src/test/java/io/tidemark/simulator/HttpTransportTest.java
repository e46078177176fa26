package io.tidemark.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator's HTTP server (Vert.x core) speaks well enough with common clients. */
class HttpTransportTest {

    private static GitHubSimulator sim;

    @BeforeAll
    static void start() {
        sim = GitHubSimulator.builder()
                .now(Instant.parse("2024-05-15T10:00:00Z"))
                .generatedRepository("octo", "hello", 20)
                .token("t", Permission.ADMIN, "*")
                .start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void listensOnLoopback() {
        assertThat(sim.baseUrl()).startsWith("http://127.0.0.1:");
    }

    @Test
    void defaultJavaClientAskingForHttp2FallsBackToHttp11() throws Exception {
        HttpClient client = HttpClient.newHttpClient(); // HTTP/2 preferred: sends an h2c upgrade
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/repos/octo/hello/traffic/views"))
                        .header("Authorization", "Bearer t").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.body()).startsWith("{\"count\":");
    }

    @Test
    void keepsTheConnectionAliveForSeveralRequestsAndClosesWhenAsked() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
            OutputStream out = socket.getOutputStream();
            String request = "GET /repos/octo/hello/traffic/clones HTTP/1.1\r\nHost: x\r\nAuthorization: token t\r\n";
            out.write((request + "\r\n" + request + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // to EOF
            List<String> statusLines = new ArrayList<>();
            Matcher m = Pattern.compile("HTTP/1\\.1 \\d+ [A-Za-z ]+\r\n").matcher(answer);
            while (m.find()) {
                statusLines.add(m.group().trim());
            }
            assertThat(statusLines).containsExactly("HTTP/1.1 200 OK", "HTTP/1.1 200 OK"); // then EOF
        }
    }

    @Test
    void answersHeadWithoutBodyAndRejectsGarbage() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
            socket.getOutputStream().write(
                    "HEAD /repos/octo/hello/traffic/views HTTP/1.0\r\nAuthorization: token t\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // Vert.x states the request's version, HTTP/1.0, in the status line (the hand-written server said HTTP/1.1)
            assertThat(answer).startsWith("HTTP/1.0 200 OK\r\n").contains("Connection: close").endsWith("\r\n\r\n");
            assertThat(answer).containsPattern("\r\nContent-Length: [1-9][0-9]*\r\n"); // the length of the body not sent
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
            socket.getOutputStream().write("NONSENSE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .matches("(?s)HTTP/1\\.[01] 400 Bad Request\r\n.*"); // Vert.x says HTTP/1.0 for an unparsable request
        }
    }
}
