package io.tidemark.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Listing many repositories with their series: cursor pages, and a bounded number of reads. */
@QuarkusTest
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class RepositoryListingTest {

    @Test
    void aPageOfRepositoriesReadsEachSeriesOnceWhateverTheNumberOfRepositories() {
        for (int i = 0; i < 12; i++) {
            Gql.admin("mutation { trackRepository(owner: \"many\", name: \"repo-" + i + "\") { name } }");
        }
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }");
        await().atMost(Duration.ofSeconds(30)).until(() -> Gql.admin(
                "{ repository(owner: \"octo\", name: \"hello\") { lastSyncedAt } }")
                .getString("data.repository.lastSyncedAt") != null);

        CountingTrafficStore.SERIES_READS.set(0);
        JsonPath page = Gql.admin("{ repositories(first: 100) { totalCount nodes { nameWithOwner"
                + " d: views(per: DAY) { count buckets { timestamp } }"
                + " w: views(per: WEEK) { count buckets { timestamp } }"
                + " clones { count } } } }");

        assertThat(page.getInt("data.repositories.totalCount")).isGreaterThanOrEqualTo(13);
        assertThat(CountingTrafficStore.SERIES_READS.get())
                .as("one read per distinct series argument set, not one per repository")
                .isEqualTo(3);

        int hello = page.getList("data.repositories.nodes.nameWithOwner").indexOf("octo/hello");
        List<String> days = page.getList("data.repositories.nodes[" + hello + "].d.buckets.timestamp");
        List<String> weeks = page.getList("data.repositories.nodes[" + hello + "].w.buckets.timestamp");
        assertThat(days).hasSize(15);
        assertThat(weeks).hasSizeBetween(3, 4).allSatisfy(t -> assertThat(
                Instant.parse(t).atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY));
    }

    @Test
    void cursorsWalkThroughEveryRepositoryInOrder() {
        for (String name : List.of("b", "a", "d", "c", "e")) {
            Gql.admin("mutation { trackRepository(owner: \"paged\", name: \"" + name + "\") { name } }");
        }
        JsonPath first = Gql.admin("{ repositories(owner: \"PAGED\", first: 2) { totalCount nodes { name }"
                + " pageInfo { endCursor hasNextPage } } }");
        assertThat(first.getList("data.repositories.nodes.name")).containsExactly("a", "b");
        assertThat(first.getBoolean("data.repositories.pageInfo.hasNextPage")).isTrue();
        assertThat(first.getInt("data.repositories.totalCount")).isEqualTo(5);

        String cursor = first.getString("data.repositories.pageInfo.endCursor");
        JsonPath second = Gql.admin("{ repositories(owner: \"paged\", first: 3, after: \"" + cursor + "\") {"
                + " nodes { name } pageInfo { hasNextPage } } }");
        assertThat(second.getList("data.repositories.nodes.name")).containsExactly("c", "d", "e");
        assertThat(second.getBoolean("data.repositories.pageInfo.hasNextPage")).isFalse();
    }

    @Test
    void untrackingKeepsTheHistoryQueryable() {
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"world\") { name } }");
        Gql.admin("mutation { syncRepository(owner: \"octo\", name: \"world\") { syncedAt } }");
        assertThat(Gql.admin("mutation { untrackRepository(owner: \"octo\", name: \"world\") }")
                .getBoolean("data.untrackRepository")).isTrue();

        JsonPath after = Gql.admin("{ repository(owner: \"octo\", name: \"world\") { tracking views { buckets { count } } } }");
        assertThat(after.getBoolean("data.repository.tracking")).isFalse();
        assertThat(after.getList("data.repository.views.buckets")).hasSize(15);
    }
}
