package io.tidemark.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PopularTest {

    private static final String TOKEN = "t-admin";
    private static GitHubSimulator sim;
    private static Http http;

    @BeforeAll
    static void start() {
        sim = GitHubSimulator.builder()
                .now(Instant.parse("2024-05-15T10:00:00Z"))
                .seed(3)
                .generatedRepository("octo", "busy", 150)
                .token(TOKEN, Permission.ADMIN, "*")
                .start();
        http = new Http(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static List<TrafficEvent> windowViews() {
        Instant now = sim.clock().now();
        return sim.groundTruth("octo", "busy").model().between(TrafficKind.VIEWS, now.minus(Duration.ofDays(14)), now);
    }

    @Test
    void referrersAreTheTopTenOfTheWindowByCount() {
        JsonNode referrers = http.getJson("/repos/octo/busy/traffic/popular/referrers", TOKEN);
        assertThat(referrers.size()).isEqualTo(10);
        Map<String, Counts> expected = expected(windowViews(), true);
        assertThat(expected.size()).isGreaterThan(10); // so the cut to ten is exercised
        long previous = Long.MAX_VALUE;
        for (JsonNode item : referrers) {
            Counts counts = expected.get(item.get("referrer").asText());
            assertThat(new Counts(item.get("count").asLong(), item.get("uniques").asLong())).isEqualTo(counts);
            assertThat(counts.count()).isLessThanOrEqualTo(previous);
            previous = counts.count();
        }
        long tenth = previous;
        List<String> listed = new ArrayList<>();
        referrers.forEach(item -> listed.add(item.get("referrer").asText()));
        expected.forEach((referrer, counts) -> {
            if (!listed.contains(referrer)) {
                assertThat(counts.count()).isLessThanOrEqualTo(tenth);
            }
        });
    }

    @Test
    void pathsAreTheTopTenOfTheWindowWithTitles() {
        JsonNode paths = http.getJson("/repos/octo/busy/traffic/popular/paths", TOKEN);
        assertThat(paths.size()).isEqualTo(10);
        Map<String, Counts> expected = expected(windowViews(), false);
        assertThat(expected.size()).isGreaterThan(10);
        long previous = Long.MAX_VALUE;
        for (JsonNode item : paths) {
            assertThat(item.get("path").asText()).startsWith("/octo/busy");
            assertThat(item.get("title").asText()).contains("octo/busy");
            Counts counts = expected.get(item.get("path").asText());
            assertThat(new Counts(item.get("count").asLong(), item.get("uniques").asLong())).isEqualTo(counts);
            assertThat(counts.count()).isLessThanOrEqualTo(previous);
            previous = counts.count();
        }
    }

    @Test
    void popularListsAreEmptyWithoutTrafficInTheWindow() {
        sim.clock().set(Instant.parse("2030-01-01T00:00:00Z"));
        try {
            assertThat(http.getJson("/repos/octo/busy/traffic/popular/referrers", TOKEN).toString()).isEqualTo("[]");
            assertThat(http.getJson("/repos/octo/busy/traffic/popular/paths", TOKEN).toString()).isEqualTo("[]");
        } finally {
            sim.clock().set(Instant.parse("2024-05-15T10:00:00Z"));
        }
    }

    private static Map<String, Counts> expected(List<TrafficEvent> events, boolean referrers) {
        Map<String, Long> counts = new HashMap<>();
        Map<String, Set<Long>> visitors = new HashMap<>();
        for (TrafficEvent event : events) {
            String key = referrers ? event.referrer() : event.path();
            if (key != null) {
                counts.merge(key, 1L, Long::sum);
                visitors.computeIfAbsent(key, k -> new HashSet<>()).add(event.visitor());
            }
        }
        Map<String, Counts> result = new HashMap<>();
        counts.forEach((key, count) -> result.put(key, new Counts(count, visitors.get(key).size())));
        return result;
    }

    @Test
    void generatedTrafficSpans120DaysBeforeTo60DaysAfterTheInitialNow() {
        GroundTruth truth = sim.groundTruth("octo", "busy");
        assertThat(truth.days(TrafficKind.VIEWS).firstKey()).isBetween(LocalDate.parse("2024-01-16"), LocalDate.parse("2024-01-26"));
        assertThat(truth.days(TrafficKind.VIEWS).lastKey()).isBetween(LocalDate.parse("2024-06-20"), LocalDate.parse("2024-07-14"));
    }
}
