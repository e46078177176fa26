package io.tidemark.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestCountersTest {

    private static final String TOKEN = "t-admin";
    private static GitHubSimulator sim;
    private static Http http;

    @BeforeAll
    static void start() {
        sim = GitHubSimulator.builder()
                .now(Instant.parse("2024-05-15T10:00:00Z"))
                .organization("octo")
                .generatedRepository("octo", "hello", 20)
                .token(TOKEN, Permission.ADMIN, "*")
                .start();
        http = new Http(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.requests().reset();
    }

    @Test
    void countsByKindStatusAndBudget() {
        http.get("/repos/octo/hello/traffic/views", TOKEN);
        String etag = http.get("/repos/octo/hello/traffic/views?per=week", TOKEN).headers().firstValue("etag").orElseThrow();
        http.get("/repos/octo/hello/traffic/views?per=week", TOKEN, etag);
        http.get("/repos/octo/hello/traffic/clones", TOKEN);
        http.get("/repos/octo/hello/traffic/popular/referrers", TOKEN);
        http.get("/repos/octo/hello/traffic/popular/paths", TOKEN);
        http.get("/orgs/octo/repos", TOKEN);
        http.get("/repos/octo/missing/traffic/clones", TOKEN);
        http.get("/repos/octo/hello/traffic/clones", "bad-token");
        http.get("/elsewhere", TOKEN);
        http.post("/_simulator/clock"); // the control API is not counted

        RequestCounters counters = sim.requests();
        assertThat(counters.total()).isEqualTo(10);
        assertThat(counters.count(EndpointKind.VIEWS)).isEqualTo(3);
        assertThat(counters.count(EndpointKind.VIEWS, 200)).isEqualTo(2);
        assertThat(counters.count(EndpointKind.VIEWS, 304)).isEqualTo(1);
        assertThat(counters.costingBudget(EndpointKind.VIEWS)).isEqualTo(2);
        assertThat(counters.count(EndpointKind.CLONES)).isEqualTo(3);
        assertThat(counters.count(EndpointKind.CLONES, 404)).isEqualTo(1);
        assertThat(counters.count(EndpointKind.CLONES, 401)).isEqualTo(1);
        assertThat(counters.costingBudget(EndpointKind.CLONES)).isEqualTo(2);
        assertThat(counters.count(EndpointKind.REFERRERS)).isEqualTo(1);
        assertThat(counters.count(EndpointKind.PATHS)).isEqualTo(1);
        assertThat(counters.count(EndpointKind.REPOS, 200)).isEqualTo(1);
        assertThat(counters.count(EndpointKind.OTHER, 404)).isEqualTo(1);
        assertThat(counters.costingBudget()).isEqualTo(8);
        assertThat(counters.countStatus(200)).isEqualTo(6);
        assertThat(counters.snapshot())
                .containsEntry(new RequestCounters.Key(EndpointKind.VIEWS, 304, false), 1L)
                .containsEntry(new RequestCounters.Key(EndpointKind.CLONES, 401, false), 1L);

        counters.reset();
        assertThat(counters.total()).isZero();
        assertThat(counters.snapshot()).isEmpty();
    }

    @Test
    void concurrentRequestsAreAllCounted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String path = i % 2 == 0 ? "/repos/octo/hello/traffic/views" : "/repos/octo/hello/traffic/popular/paths";
                results.add(pool.submit(() -> http.get(path, TOKEN).statusCode()));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(sim.requests().count(EndpointKind.VIEWS, 200)).isEqualTo(100);
        assertThat(sim.requests().count(EndpointKind.PATHS, 200)).isEqualTo(100);
        assertThat(sim.requests().costingBudget()).isEqualTo(200);
        assertThat(sim.rateLimit().used(TOKEN)).isGreaterThanOrEqualTo(200);
    }
}
