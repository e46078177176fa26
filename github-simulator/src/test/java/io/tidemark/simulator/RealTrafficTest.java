package io.tidemark.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RealTrafficTest {

    private static final String TOKEN = "t-demo";
    private static GitHubSimulator sim;
    private static Http http;

    @BeforeAll
    static void start() {
        sim = Main.demo(GitHubSimulator.builder(), TOKEN, 42, Instant.parse("2023-02-24T12:00:00Z")).start();
        http = new Http(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"awesome-jupyter", "azure-network-security"})
    void groundTruthReproducesEveryCsvDayExactly(String dataset) {
        GroundTruth truth = sim.groundTruth("demo", dataset);
        for (TrafficKind kind : TrafficKind.values()) {
            SortedMap<LocalDate, Counts> csv = csv(dataset, kind).days();
            assertThat(csv).hasSizeGreaterThan(70);
            assertThat(truth.days(kind)).isEqualTo(csv); // the same days, none extra, same counts
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"awesome-jupyter", "azure-network-security"})
    void apiReproducesEveryCompleteCsvDayExactly(String dataset) {
        for (TrafficKind kind : TrafficKind.values()) {
            String key = kind == TrafficKind.VIEWS ? "views" : "clones";
            SortedMap<LocalDate, Counts> csv = csv(dataset, kind).days();
            LocalDate first = csv.firstKey();
            LocalDate last = csv.lastKey();
            // step through the series two weeks at a time, at midnight: 14 complete days per answer
            for (LocalDate end = first.plusDays(14); !end.isAfter(last.plusDays(14)); end = end.plusDays(14)) {
                sim.clock().set(end.atStartOfDay().toInstant(ZoneOffset.UTC));
                JsonNode body = http.getJson("/repos/demo/" + dataset + "/traffic/" + key, TOKEN);
                for (LocalDate day = end.minusDays(14); day.isBefore(end); day = day.plusDays(1)) {
                    Counts expected = csv.get(day);
                    JsonNode bucket = bucket(body.get(key), day);
                    if (expected == null) {
                        assertThat(bucket).as(dataset + " " + kind + " " + day).isNull();
                    } else {
                        assertThat(new Counts(bucket.get("count").asLong(), bucket.get("uniques").asLong()))
                                .as(dataset + " " + kind + " " + day).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"awesome-jupyter", "azure-network-security"})
    void visitorsReturnSoWeeklyUniquesAreRealisticDistinctCounts(String dataset) {
        GroundTruth truth = sim.groundTruth("demo", dataset);
        SortedMap<LocalDate, Counts> days = truth.days(TrafficKind.VIEWS);
        int weeksWithReturningVisitors = 0;
        for (Map.Entry<LocalDate, Counts> week : truth.weeks(TrafficKind.VIEWS).entrySet()) {
            long sumOfDailyUniques = 0;
            long maxDailyUniques = 0;
            for (int i = 0; i < 7; i++) {
                Counts day = days.getOrDefault(week.getKey().plusDays(i), Counts.ZERO);
                sumOfDailyUniques += day.uniques();
                maxDailyUniques = Math.max(maxDailyUniques, day.uniques());
            }
            assertThat(week.getValue().uniques()).isBetween(maxDailyUniques, sumOfDailyUniques);
            if (week.getValue().uniques() < sumOfDailyUniques) {
                weeksWithReturningVisitors++;
            }
        }
        assertThat(weeksWithReturningVisitors).isGreaterThan(5);
    }

    private static DailySeries csv(String dataset, TrafficKind kind) {
        String suffix = kind == TrafficKind.VIEWS ? "views" : "clones";
        return DailySeries.fromClasspath("real-traffic/" + dataset + "." + suffix + ".csv");
    }

    private static JsonNode bucket(JsonNode buckets, LocalDate day) {
        String timestamp = day.atStartOfDay().toInstant(ZoneOffset.UTC).toString();
        for (JsonNode bucket : buckets) {
            if (bucket.get("timestamp").asText().equals(timestamp)) {
                return bucket;
            }
        }
        return null;
    }
}
