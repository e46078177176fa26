package io.tidemark.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrafficWindowTest {

    private static final String TOKEN = "t-admin";
    private static final Instant NOW = Instant.parse("2024-05-15T10:00:00Z"); // a Wednesday

    private GitHubSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static TrafficEvent view(String day, int hour, long visitor) {
        return TrafficEvent.view(LocalDate.parse(day), hour, visitor, "Google", "/octo/hello", "GitHub - octo/hello");
    }

    private Http start(TrafficModel model) {
        sim = GitHubSimulator.builder()
                .now(NOW)
                .repository("octo", "hello", model)
                .token(TOKEN, Permission.PUSH, "octo/hello")
                .start();
        return new Http(sim);
    }

    private static TrafficModel handMade() {
        return TrafficModel.of(List.of(
                view("2024-04-30", 23, 1), // before the window
                view("2024-05-01", 9, 2), // oldest day, before now's hour: outside
                view("2024-05-01", 10, 3), // oldest day at now's hour: inside
                view("2024-05-01", 22, 3),
                view("2024-05-02", 0, 4),
                view("2024-05-05", 12, 3), // Sunday
                view("2024-05-06", 8, 5), // Monday
                view("2024-05-14", 23, 4),
                view("2024-05-15", 9, 6), // today before now's hour: inside
                view("2024-05-15", 10, 7), // today at now's hour: not yet
                view("2024-05-16", 3, 8)), // future
                List.of(TrafficEvent.clone(LocalDate.parse("2024-05-03"), 5, 9)));
    }

    @Test
    void dailyBucketsCutTheOldestDayAtNowsHourAndOmitEmptyDays() {
        Http http = start(handMade());
        JsonNode views = http.getJson("/repos/octo/hello/traffic/views?per=day", TOKEN);
        assertThat(buckets(views, "views")).containsExactly(
                "2024-05-01T00:00:00Z 2 1",
                "2024-05-02T00:00:00Z 1 1",
                "2024-05-05T00:00:00Z 1 1",
                "2024-05-06T00:00:00Z 1 1",
                "2024-05-14T00:00:00Z 1 1",
                "2024-05-15T00:00:00Z 1 1");
        assertThat(views.get("count").asLong()).isEqualTo(7);
        assertThat(views.get("uniques").asLong()).isEqualTo(4); // visitors 3, 4, 5, 6

        sim.clock().advanceHours(1);
        JsonNode later = http.getJson("/repos/octo/hello/traffic/views", TOKEN); // per defaults to day
        assertThat(buckets(later, "views")).first().isEqualTo("2024-05-01T00:00:00Z 1 1");
        assertThat(buckets(later, "views")).last().isEqualTo("2024-05-15T00:00:00Z 2 2");
    }

    @Test
    void weeklyBucketsStartOnMondayAndCountOnlyTheWindow() {
        Http http = start(handMade());
        JsonNode views = http.getJson("/repos/octo/hello/traffic/views?per=week", TOKEN);
        assertThat(buckets(views, "views")).containsExactly(
                "2024-04-29T00:00:00Z 4 2", // visitor 3 three times, visitor 4 once; not visitors 1 and 2
                "2024-05-06T00:00:00Z 1 1",
                "2024-05-13T00:00:00Z 2 2");
        assertThat(views.get("count").asLong()).isEqualTo(7);
        assertThat(views.get("uniques").asLong()).isEqualTo(4);

        JsonNode clones = http.getJson("/repos/octo/hello/traffic/clones?per=week", TOKEN);
        assertThat(buckets(clones, "clones")).containsExactly("2024-04-29T00:00:00Z 1 1");
        assertThat(clones.has("views")).isFalse();
    }

    @Test
    void emptyWindowAnswersZeroAndNoBuckets() {
        Http http = start(TrafficModel.empty());
        JsonNode views = http.getJson("/repos/octo/hello/traffic/views", TOKEN);
        assertThat(views.toString()).isEqualTo("{\"count\":0,\"uniques\":0,\"views\":[]}");
    }

    @Test
    void invalidPerIsRejectedWith422() {
        Http http = start(handMade());
        HttpResponse<String> response = http.get("/repos/octo/hello/traffic/clones?per=month", TOKEN);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Http.json(response).get("status").asText()).isEqualTo("422");
    }

    @Test
    void everyResponseCarriesTheSimulatedNowAsDate() {
        Http http = start(handMade());
        assertThat(http.get("/repos/octo/hello/traffic/views", TOKEN).headers().firstValue("date"))
                .contains("Wed, 15 May 2024 10:00:00 GMT");
        sim.clock().set(Instant.parse("2024-06-02T07:00:00Z"));
        assertThat(http.get("/repos/octo/nope/traffic/views", TOKEN).headers().firstValue("date"))
                .contains("Sun, 02 Jun 2024 07:00:00 GMT");
        assertThat(http.get("/repos/octo/hello/traffic/views", "bad").headers().allValues("date"))
                .containsExactly("Sun, 02 Jun 2024 07:00:00 GMT");
    }

    @Test
    void generatedTrafficAgreesWithGroundTruthAtEveryHourOfTwoDays() {
        Http http = start(TrafficModel.generated("octo/hello", 7, LocalDate.parse("2024-03-01"),
                LocalDate.parse("2024-05-20"), 60));
        GroundTruth truth = sim.groundTruth("OCTO", "Hello");
        for (int step = 0; step < 48; step += 5) {
            Instant now = sim.clock().now();
            Instant from = now.minus(Duration.ofDays(14));
            for (TrafficKind kind : TrafficKind.values()) {
                String key = kind == TrafficKind.VIEWS ? "views" : "clones";
                Counts window = truth.between(kind, from, now);

                JsonNode daily = http.getJson("/repos/octo/hello/traffic/" + key + "?per=day", TOKEN);
                assertThat(daily.get("count").asLong()).isEqualTo(window.count());
                assertThat(daily.get("uniques").asLong()).isEqualTo(window.uniques());
                JsonNode days = daily.get(key);
                assertThat(days.size()).isBetween(1, 15);
                long sum = 0;
                LocalDate previous = null;
                for (JsonNode bucket : days) {
                    LocalDate day = LocalDate.ofInstant(Instant.parse(bucket.get("timestamp").asText()), ZoneOffset.UTC);
                    Counts expected = truth.day(kind, day);
                    long count = bucket.get("count").asLong();
                    long uniques = bucket.get("uniques").asLong();
                    assertThat(count).isPositive();
                    assertThat(uniques).isBetween(1L, count);
                    assertThat(day).isBetween(LocalDate.ofInstant(from, ZoneOffset.UTC), LocalDate.ofInstant(now, ZoneOffset.UTC));
                    if (previous != null) {
                        assertThat(day).isAfter(previous);
                    }
                    previous = day;
                    boolean oldest = day.equals(LocalDate.ofInstant(from, ZoneOffset.UTC));
                    boolean today = day.equals(LocalDate.ofInstant(now, ZoneOffset.UTC));
                    if (oldest || today) {
                        assertThat(count).isLessThanOrEqualTo(expected.count());
                        assertThat(uniques).isLessThanOrEqualTo(expected.uniques());
                    } else {
                        assertThat(new Counts(count, uniques)).isEqualTo(expected); // a complete day
                    }
                    sum += count;
                }
                assertThat(sum).isEqualTo(window.count());

                JsonNode weekly = http.getJson("/repos/octo/hello/traffic/" + key + "?per=week", TOKEN);
                assertThat(weekly.get("count").asLong()).isEqualTo(window.count());
                assertThat(weekly.get("uniques").asLong()).isEqualTo(window.uniques());
                assertThat(weekly.get(key).size()).isBetween(2, 4);
                long weekSum = 0;
                for (JsonNode bucket : weekly.get(key)) {
                    Instant monday = Instant.parse(bucket.get("timestamp").asText());
                    assertThat(LocalDate.ofInstant(monday, ZoneOffset.UTC).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
                    Instant weekFrom = monday.isBefore(from) ? from : monday;
                    Instant weekTo = monday.plus(Duration.ofDays(7)).isAfter(now) ? now : monday.plus(Duration.ofDays(7));
                    Counts expected = truth.between(kind, weekFrom, weekTo);
                    assertThat(new Counts(bucket.get("count").asLong(), bucket.get("uniques").asLong())).isEqualTo(expected);
                    assertThat(expected.uniques()).isLessThanOrEqualTo(truth.week(kind, LocalDate.ofInstant(monday, ZoneOffset.UTC)).uniques());
                    weekSum += expected.count();
                }
                assertThat(weekSum).isEqualTo(window.count());
            }
            sim.clock().advanceHours(5);
        }
    }

    static List<String> buckets(JsonNode body, String key) {
        var result = new ArrayList<String>();
        body.get(key).forEach(b -> result.add(
                b.get("timestamp").asText() + " " + b.get("count").asLong() + " " + b.get("uniques").asLong()));
        return result;
    }
}
