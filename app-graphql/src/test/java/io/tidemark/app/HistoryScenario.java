package io.tidemark.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.tidemark.simulator.Counts;
import io.tidemark.simulator.GroundTruth;
import io.tidemark.simulator.TrafficKind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The end-to-end scenario's schedule and its oracle, shared by the mutation and scheduler runs. */
final class HistoryScenario {

    /** A bucket as served: start day, count, uniques, complete. */
    record Served(LocalDate start, long count, long uniques, boolean complete) {}

    private HistoryScenario() {}

    /** The simulated moment of step {@code i}, {@code stepDays} days after {@code previous}, at a varying hour. */
    static Instant next(Instant previous, int stepDays, int i) {
        return previous.plus(Duration.ofDays(stepDays)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours((i * 7) % 24));
    }

    /** Asserts that every series of octo/hello is exactly what the fetches at these moments showed. */
    static void assertHistoryIsWhatGitHubShowed(GroundTruth truth, List<Instant> fetches) {
        for (TrafficKind kind : TrafficKind.values()) {
            for (String per : List.of("DAY", "WEEK")) {
                Map<LocalDate, Served> served = served(kind, per);
                Map<LocalDate, Served> expected = expected(truth, kind, per.equals("WEEK"), fetches);
                assertThat(served).as("%s per %s", kind, per).isEqualTo(expected);
                assertThat(served.values()).as("some complete %s per %s", kind, per).anyMatch(Served::complete);
            }
        }
    }

    /** Days between syncs: daily with a pause of 12 days and one of 20, over more than 60 days. */
    static int[] stepsInDays() {
        List<Integer> steps = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            steps.add(1);
        }
        steps.add(12);
        for (int i = 0; i < 10; i++) {
            steps.add(1);
        }
        steps.add(20);
        for (int i = 0; i < 8; i++) {
            steps.add(1);
        }
        return steps.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The index in the fetch list of the last fetch before the pause of {@code days}. */
    static int gapIndex(int days) {
        int[] steps = stepsInDays();
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] == days) {
                return i;
            }
        }
        throw new IllegalArgumentException("no pause of " + days + " days");
    }

    static String lastSyncedAt(String name) {
        return Gql.admin("{ repository(owner: \"octo\", name: \"" + name + "\") { lastSyncedAt } }")
                .getString("data.repository.lastSyncedAt");
    }

    static Map<LocalDate, Served> served(TrafficKind kind, String per) {
        String field = kind == TrafficKind.VIEWS ? "views" : "clones";
        JsonPath json = Gql.admin("{ repository(owner: \"octo\", name: \"hello\") { " + field + "(per: " + per
                + ") { count buckets { timestamp count uniques complete } } } }");
        List<Map<String, Object>> buckets = json.getList("data.repository." + field + ".buckets");
        Map<LocalDate, Served> served = new TreeMap<>();
        long sum = 0;
        for (Map<String, Object> bucket : buckets) {
            LocalDate start = LocalDate.ofInstant(Instant.parse((String) bucket.get("timestamp")), ZoneOffset.UTC);
            long count = ((Number) bucket.get("count")).longValue();
            sum += count;
            served.put(start, new Served(
                    start, count, ((Number) bucket.get("uniques")).longValue(), (Boolean) bucket.get("complete")));
        }
        assertThat(json.getLong("data.repository." + field + ".count")).isEqualTo(sum);
        return served;
    }

    /**
     * What must be served, from the simulator's ground truth and the fetch times alone: every
     * bucket some window touched; the truth where a window held all of it, else the largest part
     * a window showed.
     */
    static Map<LocalDate, Served> expected(GroundTruth truth, TrafficKind kind, boolean weekly, List<Instant> fetches) {
        Map<LocalDate, Served> expected = new TreeMap<>();
        LocalDate first = LocalDate.ofInstant(fetches.get(0), ZoneOffset.UTC).minusDays(20);
        LocalDate last = LocalDate.ofInstant(fetches.get(fetches.size() - 1), ZoneOffset.UTC).plusDays(1);
        if (weekly) {
            first = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        int length = weekly ? 7 : 1;
        for (LocalDate start = first; !start.isAfter(last); start = start.plusDays(length)) {
            Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant to = start.plusDays(length).atStartOfDay(ZoneOffset.UTC).toInstant();
            boolean touched = false;
            boolean complete = false;
            long count = 0;
            long uniques = 0;
            for (Instant fetchedAt : fetches) {
                Instant windowStart = fetchedAt.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(14));
                if (from.isBefore(fetchedAt) && to.isAfter(windowStart)) {
                    touched = true;
                    complete |= !from.isBefore(windowStart) && !to.isAfter(fetchedAt);
                    Counts seen = truth.between(kind, later(from, windowStart), earlier(to, fetchedAt));
                    count = Math.max(count, seen.count());
                    uniques = Math.max(uniques, seen.uniques());
                }
            }
            if (touched) {
                Counts whole = truth.between(kind, from, to);
                expected.put(start, complete
                        ? new Served(start, whole.count(), whole.uniques(), true)
                        : new Served(start, count, uniques, false));
            }
        }
        return expected;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
