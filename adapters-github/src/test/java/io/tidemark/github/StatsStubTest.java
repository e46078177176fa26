package io.tidemark.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.tidemark.core.model.Release;
import io.tidemark.core.model.ReleaseAsset;
import io.tidemark.core.model.ReleaseList;
import io.tidemark.core.model.RepositoryCounters;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.port.out.SourceFailure;
import io.tidemark.github.StubGitHub.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The repository's counters ({@code GET /repos/{owner}/{repo}}) and releases ({@code GET
 * /repos/{owner}/{repo}/releases}) against a scripted stub answering in GitHub's shapes (those of
 * {@code repos.openapi.json}: {@code full-repository}, {@code release}, {@code release-asset}).
 * Written against a stub until the github-simulator serves these endpoints.
 */
@QuarkusTest
class StatsStubTest {

    static final String TOKEN = "fake-gh-stubTokenA1b2C3d4E5f6";
    static final RepositoryId REPO = RepositoryId.of("octo", "hello");
    static final String REPOSITORY = "/repos/octo/hello";
    static final String RELEASES = "/repos/octo/hello/releases";
    static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");

    /** A {@code full-repository} answer, abridged but with the fields around the counters. */
    static final String REPOSITORY_JSON = """
            {"id":1296269,"node_id":"MDEwOlJlcG9zaXRvcnkxMjk2MjY5","name":"hello","full_name":"octo/hello",
             "owner":{"login":"octo","id":1},"private":false,"fork":false,
             "forks_count":9,"stargazers_count":80,"watchers_count":80,"size":108,"default_branch":"main",
             "open_issues_count":4,"open_issues":4,"watchers":80,"forks":9,"subscribers_count":42,
             "network_count":9,"pushed_at":"2026-11-19T20:00:00Z","permissions":{"admin":false,"push":true,"pull":true}}
            """;

    StubGitHub stub;
    final List<GitHubTrafficSource> sources = new ArrayList<>();

    @BeforeEach
    void start() {
        stub = new StubGitHub();
    }

    @AfterEach
    void stop() {
        sources.forEach(GitHubTrafficSource::close);
        stub.close();
    }

    GitHubTrafficSource source() {
        GitHubTrafficSource source = new GitHubTrafficSource(TestConfig.of(stub.baseUrl(), TOKEN), new TestClock(NOW));
        sources.add(source);
        return source;
    }

    @Test
    void countersAreGitHubsAtTheTimeOfItsAnswerWithSubscribersAsWatchers() {
        Instant answeredAt = Instant.parse("2026-11-20T09:00:07Z");
        stub.on(REPOSITORY, Reply.ok(REPOSITORY_JSON).date(answeredAt));

        RepositoryCounters counters = source().fetchCounters(REPO);

        assertThat(counters).isEqualTo(new RepositoryCounters(answeredAt, 80, 9, 42, 4));
        assertThat(stub.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo(REPOSITORY);
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(request.header("Accept")).isEqualTo("application/vnd.github+json");
        });
    }

    @Test
    void unchangedCountersAreAFree304StampedWithItsDate() {
        Instant first = Instant.parse("2026-11-20T09:00:00Z");
        Instant second = Instant.parse("2026-11-21T09:00:00Z");
        stub.on(REPOSITORY,
                Reply.ok(REPOSITORY_JSON).header("ETag", "W/\"r1\"").date(first),
                new Reply(304, Map.of("ETag", "W/\"r1\""), "", StubGitHub.Ending.ANSWER).date(second));
        GitHubTrafficSource source = source();

        source.fetchCounters(REPO);
        RepositoryCounters again = source.fetchCounters(REPO);

        assertThat(again).isEqualTo(new RepositoryCounters(second, 80, 9, 42, 4));
        assertThat(stub.requests().get(1).header("If-None-Match")).isEqualTo("W/\"r1\"");
    }

    @Test
    void aCounterMissingFromTheAnswerIsAnUpstreamFailureNamingIt() {
        stub.on(REPOSITORY, Reply.ok(REPOSITORY_JSON.replace("\"subscribers_count\":42,", "")));

        assertThatThrownBy(() -> source().fetchCounters(REPO))
                .isInstanceOf(SourceFailure.Upstream.class)
                .hasMessageContaining("subscribers_count")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void anUnknownRepositoryIsNotFound() {
        stub.on(REPOSITORY, Reply.error(404, "Not Found"));
        stub.on(RELEASES, Reply.error(404, "Not Found"));

        assertThatThrownBy(() -> source().fetchCounters(REPO)).isInstanceOf(SourceFailure.NotFound.class);
        assertThatThrownBy(() -> source().fetchReleases(REPO)).isInstanceOf(SourceFailure.NotFound.class);
    }

    @Test
    void releasesWithTheirAssetsAndADraftFromOnePage() {
        Instant answeredAt = Instant.parse("2026-11-20T09:30:00Z");
        stub.on(RELEASES, Reply.ok("[" + release("v2.0-rc1", null, null) + ","
                + release("v1.0.0", "\"First\"", "\"2026-01-05T10:00:00Z\"", asset(11, "tool.zip", 120), asset(12, "tool.tar.gz", 4))
                + "]").date(answeredAt)
                .header("Link", "<" + stub.baseUrl() + RELEASES + "?per_page=100&page=2>; rel=\"next\""));

        ReleaseList list = source().fetchReleases(REPO);

        assertThat(list).isEqualTo(new ReleaseList(answeredAt, List.of(
                new Release("v2.0-rc1", null, null, List.of()),
                new Release("v1.0.0", "First", Instant.parse("2026-01-05T10:00:00Z"),
                        List.of(new ReleaseAsset(11, "tool.zip", 120), new ReleaseAsset(12, "tool.tar.gz", 4))))));
        assertThat(stub.requests()).as("a page that is not full ends the list, whatever its Link says")
                .extracting(r -> r.path() + "?" + r.rawQuery()).containsExactly(RELEASES + "?per_page=100");
    }

    @Test
    void furtherPagesOnlyWhenTheFirstIsFull() {
        StringBuilder full = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            full.append(i == 0 ? "" : ",").append(release("v1." + i, null, "\"2026-01-05T10:00:00Z\"", asset(1000 + i, "a.zip", i)));
        }
        full.append(']');
        String next = stub.baseUrl() + "/repositories/1296269/releases?per_page=100&page=2";
        stub.on(RELEASES, Reply.ok(full.toString()).header("Link", "<" + next + ">; rel=\"next\""));
        stub.on("/repositories/1296269/releases", Reply.ok("[" + release("v0.1", null, "\"2025-01-05T10:00:00Z\"") + "]"));

        ReleaseList list = source().fetchReleases(REPO);

        assertThat(list.releases()).hasSize(101);
        assertThat(list.releases().get(100).tagName()).isEqualTo("v0.1");
        assertThat(stub.requests()).extracting(r -> r.path() + "?" + r.rawQuery()).containsExactly(
                RELEASES + "?per_page=100", "/repositories/1296269/releases?per_page=100&page=2");
    }

    @Test
    void aReleaseWithoutTagOrAnAssetWithoutCountIsAnUpstreamFailure() {
        stub.on(RELEASES, Reply.ok("[" + release("v1", null, null, "{\"id\":5,\"name\":\"a.zip\"}") + "]"));

        assertThatThrownBy(() -> source().fetchReleases(REPO))
                .isInstanceOf(SourceFailure.Upstream.class)
                .hasMessageContaining("releases[0].assets[0].download_count");
    }

    @Test
    void metricsNameTheEndpointsWithoutTheRepository() {
        assertThat(RequestMetrics.endpointOf("GET /repos/octo/hello")).isEqualTo("repository");
        assertThat(RequestMetrics.endpointOf("GET /repos/octo/hello/releases?per_page=100")).isEqualTo("releases");
        assertThat(RequestMetrics.endpointOf("GET /repositories/1296269/releases?per_page=100&page=2")).isEqualTo("releases");
    }

    /** A {@code release} in GitHub's shape, with the fields Tidemark does not read. */
    static String release(String tag, String name, String publishedAt, String... assets) {
        return "{\"url\":\"https://api.github.com/repos/octo/hello/releases/1\",\"id\":1,\"tag_name\":\"" + tag + "\","
                + "\"target_commitish\":\"main\",\"name\":" + name + ",\"draft\":" + (publishedAt == null) + ","
                + "\"prerelease\":false,\"created_at\":\"2026-01-05T09:00:00Z\",\"published_at\":" + publishedAt + ","
                + "\"author\":{\"login\":\"octo\"},\"assets\":[" + String.join(",", assets) + "],\"body\":\"notes\"}";
    }

    /** A {@code release-asset} in GitHub's shape. */
    static String asset(long id, String name, int downloads) {
        return "{\"url\":\"https://api.github.com/repos/octo/hello/releases/assets/" + id + "\",\"id\":" + id + ","
                + "\"name\":\"" + name + "\",\"label\":\"\",\"state\":\"uploaded\",\"content_type\":\"application/zip\","
                + "\"size\":1024,\"download_count\":" + downloads + ",\"created_at\":\"2026-01-05T09:00:00Z\","
                + "\"updated_at\":\"2026-01-05T09:00:00Z\",\"uploader\":{\"login\":\"octo\"}}";
    }
}
