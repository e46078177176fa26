package io.tidemark.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidemark.simulator.GitHubSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Export then import gives back the same Tidemark: a Tidemark that synced two repositories from the
 * GitHub simulator over five weeks (pauses included, so there are gaps, cut days and incomplete
 * weeks) is exported, its history deleted, and the export imported into the empty store; every
 * GraphQL answer is then the same as before: daily and weekly series with completeness, window
 * totals, referrer and path snapshots on every day, the repository counters per day, and whether
 * each repository is still tracked.
 * Once through the NDJSON export and once through the zip of CSVs.
 */
@QuarkusTest
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class ExportRoundTripTest {

    private static final List<String> REPOSITORIES = List.of("hello", "world");

    @Test
    void anExportImportedIntoAnEmptyTidemarkAnswersEveryQueryAsBefore() {
        LocalDate[] range = syncTwoRepositoriesOverFiveWeeks();
        Map<String, String> before = answers(range[0], range[1]);
        assertThat(before.get("hello")).contains("complete:true").contains("complete:false");
        assertThat(before.values()).anyMatch(answer -> answer.contains("referrer:")).anyMatch(answer -> answer.contains("path:"));
        assertThat(before.get("hello")).as("counters were kept").contains("stars:");

        byte[] ndjson = Transfers.export(Map.of());
        byte[] csv = Transfers.export(Map.of("format", "csv"));
        assertThat(new String(ndjson, StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
                .contains("\"format\":\"tidemark-export\"");

        deleteEverything();
        JsonPath report = Transfers.importBody("application/x-ndjson", ndjson, Map.of())
                .response().then().statusCode(200).extract().jsonPath();
        assertThat(report.getList("files.repositories.flatten().repository")).containsExactly("octo/hello", "octo/world");
        assertSameAnswers(answers(range[0], range[1]), before, "after importing the NDJSON export");

        deleteEverything();
        Transfers.importBody("application/zip", csv, Map.of()).response().then().statusCode(200);
        assertSameAnswers(answers(range[0], range[1]), before, "after importing the CSV export");

        // And once more on top: the same history imported again changes nothing.
        JsonPath again = Transfers.importBody("application/x-ndjson", ndjson, Map.of())
                .response().then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("files.repositories.flatten().daysRaised", Integer.class)).containsOnly(0);
        assertSameAnswers(answers(range[0], range[1]), before, "after importing the NDJSON export again");
    }

    /** Answer by answer, so that a failure names the query whose answer changed. */
    private static void assertSameAnswers(Map<String, String> after, Map<String, String> before, String when) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((asked, answer) -> assertThat(after.get(asked).replace("], [", "],\n["))
                .as("%s: %s", when, asked).isEqualTo(answer.replace("], [", "],\n[")));
    }

    /** Syncs both repositories at irregular times; untracks world at the end. Returns the days touched. */
    private static LocalDate[] syncTwoRepositoriesOverFiveWeeks() {
        GitHubSimulator simulator = GitHubSimulatorResource.simulator();
        Instant start = simulator.clock().now();
        for (String name : REPOSITORIES) {
            Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"" + name + "\") { name } }");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> REPOSITORIES.stream()
                .allMatch(name -> HistoryScenario.lastSyncedAt(name) != null));
        for (int hours : new int[] {5, 30, 71, 24 * 9 + 3, 50, 24 * 16 + 7, 20}) {
            simulator.clock().advanceHours(hours);
            for (String name : REPOSITORIES) {
                Gql.admin("mutation { syncRepository(owner: \"octo\", name: \"" + name + "\") { syncedAt } }");
            }
        }
        Gql.admin("mutation { untrackRepository(owner: \"octo\", name: \"world\") }");
        return new LocalDate[] {
            LocalDate.ofInstant(start, ZoneOffset.UTC).minusDays(16),
            LocalDate.ofInstant(simulator.clock().now(), ZoneOffset.UTC).plusDays(1)
        };
    }

    private static void deleteEverything() {
        for (String name : REPOSITORIES) {
            Gql.admin("mutation { deleteRepositoryHistory(owner: \"octo\", name: \"" + name + "\") }");
            assertThat(Gql.admin("{ repository(owner: \"octo\", name: \"" + name + "\") { name } }")
                    .getString("data.repository")).isNull();
        }
    }

    /** Every answer the API gives of both repositories, as JSON text, by what was asked. */
    private static Map<String, String> answers(LocalDate from, LocalDate to) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String name : REPOSITORIES) {
            String repository = "repository(owner: \"octo\", name: \"" + name + "\")";
            answers.put(name, Gql.admin("{ " + repository + " { nameWithOwner tracking"
                    + " viewsDay: views(per: DAY) { count buckets { timestamp count uniques complete } }"
                    + " viewsWeek: views(per: WEEK) { count buckets { timestamp count uniques complete } }"
                    + " clonesDay: clones(per: DAY) { count buckets { timestamp count uniques complete } }"
                    + " clonesWeek: clones(per: WEEK) { count buckets { timestamp count uniques complete } }"
                    + " viewsDayTotals: viewsWindowTotals(per: DAY) { fetchedAt count uniques }"
                    + " viewsWeekTotals: viewsWindowTotals(per: WEEK) { fetchedAt count uniques }"
                    + " clonesDayTotals: clonesWindowTotals(per: DAY) { fetchedAt count uniques }"
                    + " clonesWeekTotals: clonesWindowTotals(per: WEEK) { fetchedAt count uniques }"
                    + " stats { date stars forks watchers openIssues } } }")
                    .getString("data"));
            // Snapshots as served on every day, eight days per request.
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(8)) {
                StringBuilder query = new StringBuilder("{ " + repository + " {");
                for (int i = 0; i < 8; i++) {
                    LocalDate at = day.plusDays(i);
                    query.append(" r").append(i).append(": topReferrers(at: \"").append(at).append("\") { referrer count uniques }")
                            .append(" p").append(i).append(": topPaths(at: \"").append(at).append("\") { path title count uniques }");
                }
                answers.put("snapshots " + name + " from " + day,
                        Gql.admin(query.append(" } }").toString()).getString("data.repository"));
            }
        }
        return answers;
    }
}
