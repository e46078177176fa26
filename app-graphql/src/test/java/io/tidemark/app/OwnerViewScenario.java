package io.tidemark.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.tidemark.simulator.GitHubSimulator;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The owner view over GraphQL, end to end: three repositories of one owner synced from the GitHub
 * simulator over three weeks (one of them never readable, so it has no bucket at all). Every
 * expected figure is computed here from the repositories' own answers (their series and snapshots
 * as the API serves them), never by Tidemark's aggregate code. Run on H2 and on PostgreSQL.
 */
abstract class OwnerViewScenario {

    private static final List<String> SYNCED = List.of("hello", "world");

    @Test
    void theOwnerViewAddsUpCountsOnlyAndSaysHowManyRepositoriesEachBucketHas() {
        GitHubSimulator simulator = GitHubSimulatorResource.simulator();
        for (String name : List.of("hello", "world", "readonly")) {
            Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"" + name + "\") { name } }");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> SYNCED.stream().allMatch(name -> HistoryScenario.lastSyncedAt(name) != null));
        int[] steps = {30, 24 * 6 + 5, 24 * 9 + 2};
        for (int i = 0; i < steps.length; i++) {
            simulator.clock().advanceHours(steps[i]);
            // world is not synced the last time: its latest days are gaps that only hello fills
            for (String name : i == steps.length - 1 ? List.of("hello") : SYNCED) {
                Gql.admin("mutation { syncRepository(owner: \"octo\", name: \"" + name + "\") { syncedAt } }");
            }
        }

        for (String kind : List.of("views", "clones")) {
            for (String per : List.of("DAY", "WEEK")) {
                Map<String, long[]> expected = new TreeMap<>();
                for (String name : SYNCED) {
                    List<Map<String, Object>> buckets = Gql.admin("{ repository(owner: \"octo\", name: \"" + name + "\") { "
                            + kind + "(per: " + per + ") { buckets { timestamp count complete } } } }")
                            .getList("data.repository." + kind + ".buckets");
                    for (Map<String, Object> bucket : buckets) {
                        long[] sum = expected.computeIfAbsent(bucket.get("timestamp").toString(), t -> new long[3]);
                        sum[0] += (Integer) bucket.get("count");
                        sum[1]++;
                        sum[2] += Boolean.TRUE.equals(bucket.get("complete")) ? 1 : 0;
                    }
                }
                JsonPath owner = Gql.admin("{ owner(login: \"OCTO\") { login " + kind + "(per: " + per
                        + ") { count buckets { timestamp count repositoriesObserved repositoriesComplete } } } }");
                assertThat(owner.getString("data.owner.login")).isEqualTo("octo");
                Map<String, long[]> served = new TreeMap<>();
                for (Map<String, Object> bucket : owner.<Map<String, Object>>getList("data.owner." + kind + ".buckets")) {
                    served.put(bucket.get("timestamp").toString(), new long[] {(Integer) bucket.get("count"),
                            (Integer) bucket.get("repositoriesObserved"), (Integer) bucket.get("repositoriesComplete")});
                }
                assertThat(served.keySet()).as("%s per %s", kind, per).isEqualTo(expected.keySet());
                expected.forEach((timestamp, sum) -> assertThat(served.get(timestamp)).as("%s per %s at %s", kind, per, timestamp)
                        .containsExactly(sum));
                assertThat(expected.values()).as("some bucket only one repository has (a gap in the other)")
                        .anyMatch(sum -> sum[1] == 1);
                assertThat(owner.getLong("data.owner." + kind + ".count"))
                        .isEqualTo(expected.values().stream().mapToLong(sum -> sum[0]).sum());
            }
        }

        assertTopReferrersAddUp();
        assertRankings();
        assertNoUniquesAnywhere();
    }

    @Test
    void badArgumentsOfTheOwnerViewAreCoded() {
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }");
        assertThat(Gql.admin("{ owner(login: \"nobody-here\") { login } }").getString("data.owner")).isNull();
        assertThat(Gql.errorCode(GitHubSimulatorResource.ADMIN_TOKEN, "{ owner(login: \"octo\") { topReferrers(first: 0) { referrer } } }"))
                .isEqualTo("INVALID_ARGUMENT");
        assertThat(Gql.errorCode(GitHubSimulatorResource.ADMIN_TOKEN, "{ owner(login: \"octo\") { views(since: \"2024-03-02\", until: \"2024-03-01\")"
                + " { count } } }")).isEqualTo("INVALID_ARGUMENT");
        assertThat(Gql.errorCode(GitHubSimulatorResource.ADMIN_TOKEN, "{ repositories(first: 101, orderBy: {field: VIEWS}) { totalCount } }"))
                .isEqualTo("INVALID_ARGUMENT");
        assertThat(Gql.errorCode(GitHubSimulatorResource.ADMIN_TOKEN, "{ repositories(after: \"bm9wZQ\", orderBy: {field: CLONES}) { totalCount } }"))
                .isEqualTo("INVALID_ARGUMENT");
        assertThat(Gql.errorCode(GitHubSimulatorResource.ADMIN_TOKEN, "{ owner(login: \"not a login!\") { login } }")).isEqualTo("INVALID_ARGUMENT");
    }

    private static void assertTopReferrersAddUp() {
        LocalDate today = LocalDate.ofInstant(GitHubSimulatorResource.simulator().clock().now(), ZoneOffset.UTC);
        for (LocalDate at : new LocalDate[] {null, today.minusDays(10), today}) {
            String atArgument = at == null ? "" : "(at: \"" + at + "\")";
            Map<String, long[]> sums = new HashMap<>();
            for (String name : SYNCED) {
                for (Map<String, Object> referrer : Gql.admin("{ repository(owner: \"octo\", name: \"" + name + "\") { topReferrers"
                        + atArgument + " { referrer count } } }").<Map<String, Object>>getList("data.repository.topReferrers")) {
                    long[] sum = sums.computeIfAbsent((String) referrer.get("referrer"), r -> new long[2]);
                    sum[0] += (Integer) referrer.get("count");
                    sum[1]++;
                }
            }
            List<String> expected = sums.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, long[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
                    .limit(10)
                    .map(e -> e.getKey() + " " + e.getValue()[0] + " " + e.getValue()[1])
                    .toList();
            List<String> served = new ArrayList<>();
            for (Map<String, Object> referrer : Gql.admin("{ owner(login: \"octo\") { topReferrers" + atArgument
                    + " { referrer count repositories } } }").<Map<String, Object>>getList("data.owner.topReferrers")) {
                served.add(referrer.get("referrer") + " " + referrer.get("count") + " " + referrer.get("repositories"));
            }
            assertThat(served).as("owner referrers at %s", at).isEqualTo(expected);
            assertThat(served).isNotEmpty();
        }
    }

    /** Rankings by views of a range: the sums of the repositories' own daily counts, unknown last, paged one by one. */
    private static void assertRankings() {
        LocalDate until = LocalDate.ofInstant(GitHubSimulatorResource.simulator().clock().now(), ZoneOffset.UTC);
        LocalDate since = until.minusDays(20);
        Map<String, Long> views = new HashMap<>();
        for (String name : SYNCED) {
            views.put("octo/" + name, Gql.admin("{ repository(owner: \"octo\", name: \"" + name + "\") { views(since: \""
                    + since + "\", until: \"" + until + "\") { count } } }").getLong("data.repository.views.count"));
        }
        List<String> expected = new ArrayList<>(views.keySet());
        expected.sort(Comparator.comparing((String name) -> -views.get(name)).thenComparing(name -> name));
        expected.add("octo/readonly");
        for (String query : List.of("repositories(owner: \"octo\", first: 1", "owner(login: \"octo\") { repositories(first: 1")) {
            List<String> ranked = new ArrayList<>();
            String after = null;
            do {
                String document = "{ " + query + (after == null ? "" : ", after: \"" + after + "\"")
                        + ", orderBy: {field: VIEWS, since: \"" + since + "\", until: \"" + until + "\"}) {"
                        + " totalCount nodes { nameWithOwner } pageInfo { endCursor hasNextPage } }"
                        + (query.startsWith("owner") ? " }" : "") + " }";
                JsonPath page = Gql.admin(document);
                String root = query.startsWith("owner") ? "data.owner.repositories" : "data.repositories";
                assertThat(page.getInt(root + ".totalCount")).isEqualTo(3);
                ranked.addAll(page.getList(root + ".nodes.nameWithOwner"));
                after = page.getBoolean(root + ".pageInfo.hasNextPage") ? page.getString(root + ".pageInfo.endCursor") : null;
            } while (after != null);
            assertThat(ranked).as(query).isEqualTo(expected);
        }
        List<String> byName = Gql.admin("{ repositories(owner: \"octo\", orderBy: {field: NAME, direction: DESC}) { nodes { name } } }")
                .getList("data.repositories.nodes.name");
        assertThat(byName).containsExactly("world", "readonly", "hello");
    }

    /** Uniques never add up, so no owner type has them. */
    private static void assertNoUniquesAnywhere() {
        for (String type : List.of("Owner", "OwnerSeries", "OwnerBucket", "OwnerReferrer")) {
            List<String> fields = Gql.admin("{ __type(name: \"" + type + "\") { fields { name } } }").getList("data.__type.fields.name");
            assertThat(fields).as(type).isNotEmpty().noneMatch(field -> field.toLowerCase().contains("unique"));
        }
    }
}
