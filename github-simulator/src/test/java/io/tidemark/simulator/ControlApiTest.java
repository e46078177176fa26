package io.tidemark.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ControlApiTest {

    private static GitHubSimulator sim;
    private static Http http;

    @BeforeAll
    static void start() {
        sim = GitHubSimulator.builder()
                .now(Instant.parse("2024-05-15T10:00:00Z"))
                .generatedRepository("octo", "hello", 20)
                .token("t", Permission.ADMIN, "*")
                .start();
        http = new Http(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void clockCanBeReadSetAndAdvanced() {
        assertThat(http.get("/_simulator/clock", null).body()).isEqualTo("{\"now\":\"2024-05-15T10:00:00Z\"}");
        assertThat(http.post("/_simulator/clock?advance=P1D").body()).contains("2024-05-16T10:00:00Z");
        assertThat(http.post("/_simulator/clock?advance=PT3H").body()).contains("2024-05-16T13:00:00Z");
        assertThat(http.post("/_simulator/clock?set=2024-06-01T00:00:00Z").body()).contains("2024-06-01T00:00:00Z");
        assertThat(sim.clock().now()).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
        assertThat(http.post("/_simulator/clock?set=2024-06-01T00:30:00Z").statusCode()).isEqualTo(400);
        sim.clock().set(Instant.parse("2024-05-15T10:00:00Z"));
    }

    @Test
    void faultsRateLimitsAndCountersCanBeDriven() {
        sim.requests().reset();
        assertThat(http.post("/_simulator/faults?kind=views&fault=503&times=1").statusCode()).isEqualTo(200);
        assertThat(http.get("/repos/octo/hello/traffic/views", "t").statusCode()).isEqualTo(503);
        assertThat(http.post("/_simulator/faults?kind=clones&fault=daily-buckets-for-weeks&times=2").body())
                .contains("\"pending\":2");
        assertThat(Http.send(http.request("/_simulator/faults", null).DELETE().build()).body())
                .contains("\"pending\":0");
        assertThat(http.post("/_simulator/rate-limit?secondary=1&retry_after=7").statusCode()).isEqualTo(200);
        assertThat(http.get("/repos/octo/hello/traffic/views", "t").headers().firstValue("retry-after")).contains("7");
        assertThat(http.get("/_simulator/requests", null).body())
                .contains("\"total\":2")
                .contains("{\"kind\":\"views\",\"status\":503,\"cost_budget\":true,\"count\":1}");
        assertThat(Http.send(http.request("/_simulator/requests", null).DELETE().build()).statusCode()).isEqualTo(200);
        assertThat(sim.requests().total()).isZero();
        assertThat(http.get("/_simulator/nothing", null).statusCode()).isEqualTo(404);
    }
}
