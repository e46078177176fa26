package io.tidemark.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidemark.simulator.EndpointKind;
import io.tidemark.simulator.GitHubSimulator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sync keeps the repository's counters and releases as the GitHub simulator answers them ({@code
 * GET /repos/{owner}/{repo}} and {@code /releases}), once per UTC day, and the API serves them:
 * compared with the simulator's own REST answers, read here with the same token.
 */
@QuarkusTest
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class StatsSyncTest {

    @Test
    void countersAndReleasesAreKeptAsGitHubAnswersThemDayAfterDay() {
        GitHubSimulator simulator = GitHubSimulatorResource.simulator();
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }");
        Gql.admin("mutation { syncRepository(owner: \"octo\", name: \"hello\") { syncedAt } }");
        JsonPath firstRepository = github("/repos/octo/hello");
        JsonPath firstReleases = github("/repos/octo/hello/releases?per_page=100");
        LocalDate firstDay = LocalDate.ofInstant(simulator.clock().now(), ZoneOffset.UTC);

        simulator.clock().advanceHours(24);
        Gql.admin("mutation { syncRepository(owner: \"octo\", name: \"hello\") { syncedAt } }");
        JsonPath secondRepository = github("/repos/octo/hello");
        JsonPath secondReleases = github("/repos/octo/hello/releases?per_page=100");

        JsonPath served = Gql.admin("{ repository(owner: \"octo\", name: \"hello\") {"
                + " stats { date stars forks watchers openIssues }"
                + " releases(first: 100) { tagName downloadCount downloads { date count } } } }");

        assertThat(simulator.requests().count(EndpointKind.STARGAZERS))
                .as("the stars backfill is off by default: no stargazer call at all").isZero();
        assertThat(served.getList("data.repository.stats.date"))
                .containsExactly(firstDay.toString(), firstDay.plusDays(1).toString());
        assertThat(served.getList("data.repository.stats.stars"))
                .containsExactly(firstRepository.getInt("stargazers_count"), secondRepository.getInt("stargazers_count"));
        assertThat(served.getList("data.repository.stats.watchers"))
                .containsExactly(firstRepository.getInt("subscribers_count"), secondRepository.getInt("subscribers_count"));
        assertThat(served.getList("data.repository.stats.openIssues"))
                .containsExactly(firstRepository.getInt("open_issues_count"), secondRepository.getInt("open_issues_count"));
        assertThat(served.getList("data.repository.releases.tagName", String.class))
                .containsExactlyInAnyOrderElementsOf(secondReleases.getList("tag_name", String.class));
        List<Map<String, Object>> releases = served.getList("data.repository.releases");
        for (Map<String, Object> release : releases) {
            String tag = (String) release.get("tagName");
            long now = downloads(secondReleases, tag);
            assertThat(((Number) release.get("downloadCount")).longValue()).as(tag).isEqualTo(now);
            if (firstReleases.getList("tag_name").contains(tag) && sameAssets(firstReleases, secondReleases, tag)) {
                assertThat(release.get("downloads")).as(tag + ": one day of growth")
                        .isEqualTo(List.of(Map.of("date", firstDay.plusDays(1).toString(),
                                "count", (int) (now - downloads(firstReleases, tag)))));
            }
        }
    }

    private static JsonPath github(String path) {
        return given().baseUri(GitHubSimulatorResource.simulator().baseUrl())
                .header("Authorization", "Bearer " + GitHubSimulatorResource.GITHUB_TOKEN)
                .header("Accept", "application/vnd.github+json")
                .get(path).then().statusCode(200).extract().jsonPath();
    }

    private static long downloads(JsonPath releases, String tag) {
        List<Integer> counts = releases.getList("find { it.tag_name == '" + tag + "' }.assets.download_count", Integer.class);
        return counts.stream().mapToLong(Integer::longValue).sum();
    }

    private static boolean sameAssets(JsonPath before, JsonPath after, String tag) {
        String ids = "find { it.tag_name == '" + tag + "' }.assets.id";
        return new ArrayList<>(before.getList(ids)).equals(new ArrayList<>(after.getList(ids)));
    }
}
