package io.tidemark.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RepositoryListingTest {

    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"(\\w+)\"");
    private static GitHubSimulator sim;
    private static Http http;

    @BeforeAll
    static void start() {
        GitHubSimulator.Builder builder = GitHubSimulator.builder()
                .now(Instant.parse("2024-05-15T10:00:00Z"))
                .organization("Big-Org");
        for (int i = 0; i < 75; i++) {
            builder.repository("Big-Org", String.format("repo-%03d", i));
        }
        sim = builder
                .privateRepository("Big-Org", "secret", TrafficModel.empty())
                .repository("alice", "dotfiles")
                .privateRepository("alice", "diary", TrafficModel.empty())
                .token("t-alice", Permission.ADMIN, "alice/*")
                .token("t-alice", Permission.PUSH, "big-org/repo-001")
                .token("t-org", Permission.PUSH, "big-org/*")
                .start();
        http = new Http(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void organizationListingIsPaginatedWithLinkHeaders() {
        List<String> names = new ArrayList<>();
        String url = sim.baseUrl() + "/orgs/big-org/repos?per_page=20";
        int pages = 0;
        while (url != null) {
            HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "token t-org").build());
            assertThat(response.statusCode()).isEqualTo(200);
            Http.json(response).forEach(repo -> names.add(repo.get("full_name").asText()));
            Map<String, String> links = links(response);
            if (pages == 0) {
                assertThat(links).containsOnlyKeys("next", "last");
                assertThat(links.get("last")).isEqualTo(sim.baseUrl() + "/orgs/big-org/repos?per_page=20&page=4");
            } else if (links.containsKey("next")) {
                assertThat(links).containsKeys("prev", "first", "last");
            }
            url = links.get("next");
            pages++;
        }
        assertThat(pages).isEqualTo(4); // 76 repositories (75 public + 1 private) by 20
        assertThat(names).hasSize(76).doesNotHaveDuplicates().contains("Big-Org/secret", "Big-Org/repo-074");
        assertThat(names).isSorted();
    }

    @Test
    void itemsCarryIdentityOwnerAndPermissions() {
        JsonNode page = http.getJson("/orgs/BIG-ORG/repos?per_page=2&page=1", "t-alice");
        assertThat(page.size()).isEqualTo(2);
        JsonNode first = page.get(0);
        assertThat(first.get("name").asText()).isEqualTo("repo-000");
        assertThat(first.get("full_name").asText()).isEqualTo("Big-Org/repo-000");
        assertThat(first.get("owner").get("login").asText()).isEqualTo("Big-Org");
        assertThat(first.get("owner").get("type").asText()).isEqualTo("Organization");
        assertThat(first.get("private").asBoolean()).isFalse();
        assertThat(first.get("id").isIntegralNumber()).isTrue();
        assertThat(first.get("permissions").toString()).isEqualTo(
                "{\"admin\":false,\"maintain\":false,\"push\":false,\"triage\":false,\"pull\":true}");
        assertThat(page.get(1).get("permissions").get("push").asBoolean()).isTrue(); // repo-001 granted
    }

    @Test
    void privateRepositoriesAreListedOnlyForTokensThatSeeThem() {
        assertThat(names(http.getJson("/orgs/big-org/repos?per_page=100", "t-alice"))).doesNotContain("Big-Org/secret").hasSize(75);
        assertThat(names(http.getJson("/users/alice/repos", "t-org"))).containsExactly("alice/dotfiles");
        assertThat(names(http.getJson("/users/ALICE/repos", "t-alice"))).containsExactly("alice/diary", "alice/dotfiles");
    }

    @Test
    void userReposListsTheTokensOwnRepositories() {
        JsonNode repos = http.getJson("/user/repos", "t-alice");
        assertThat(names(repos)).containsExactly("alice/diary", "alice/dotfiles", "Big-Org/repo-001");
        assertThat(repos.get(0).get("permissions").get("admin").asBoolean()).isTrue();
        HttpResponse<String> response = http.get("/user/repos", "t-org");
        assertThat(Http.json(response).size()).isEqualTo(30); // default per_page
        assertThat(links(response).get("last")).endsWith("/user/repos?per_page=30&page=3");
    }

    @Test
    void perPageIsCappedAtOneHundredAndLastPagesAreShort() {
        assertThat(http.getJson("/orgs/big-org/repos?per_page=500", "t-org").size()).isEqualTo(76);
        HttpResponse<String> last = http.get("/orgs/big-org/repos?per_page=30&page=3", "t-org");
        assertThat(Http.json(last).size()).isEqualTo(16);
        assertThat(links(last)).containsOnlyKeys("prev", "first");
        assertThat(http.getJson("/orgs/big-org/repos?per_page=30&page=9", "t-org").size()).isZero();
    }

    @Test
    void unknownOwnersAreNotFound() {
        assertThat(http.get("/orgs/nobody/repos", "t-org").statusCode()).isEqualTo(404);
        assertThat(http.get("/users/nobody/repos", "t-org").statusCode()).isEqualTo(404);
        assertThat(http.get("/orgs/alice/repos", "t-org").statusCode()).isEqualTo(404); // a user, not an org
        assertThat(http.get("/users/big-org/repos", "t-org").statusCode()).isEqualTo(200);
    }

    private static List<String> names(JsonNode repos) {
        List<String> names = new ArrayList<>();
        repos.forEach(repo -> names.add(repo.get("full_name").asText()));
        return names;
    }

    static Map<String, String> links(HttpResponse<String> response) {
        Map<String, String> links = new LinkedHashMap<>();
        response.headers().firstValue("link").ifPresent(header -> {
            Matcher m = LINK.matcher(header);
            while (m.find()) {
                links.put(m.group(2), m.group(1));
            }
        });
        return links;
    }
}
