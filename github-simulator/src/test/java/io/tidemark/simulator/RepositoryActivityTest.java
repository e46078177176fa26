package io.tidemark.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /repos/{owner}/{repo}}, {@code /releases} and {@code /stargazers} against the ground truth. */
class RepositoryActivityTest {

    private static final Instant NOW = Instant.parse("2024-05-15T10:00:00Z");
    private static final String TOKEN = "t-admin";
    private static final String STAR_JSON = "application/vnd.github.star+json";
    private static GitHubSimulator sim;
    private static Http http;

    @BeforeAll
    static void start() {
        sim = GitHubSimulator.builder()
                .now(NOW)
                .seed(7)
                .organization("octo")
                .generatedRepository("octo", "busy", 150)
                .generatedRepository("octo", "replaced", 20)
                .activity("octo", "replaced", new RepositoryActivity.Profile(3, 4, 1.0))
                .privateRepository("octo", "secret", TrafficModel.empty())
                .token(TOKEN, Permission.ADMIN, "octo/*")
                .token("t-read", Permission.PULL, "octo/busy")
                .token("t-none", Permission.ADMIN, "other/*")
                .start();
        http = new Http(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.clock().set(NOW);
        sim.faults().clear();
        sim.requests().reset();
    }

    private static GroundTruth truth(String repo) {
        return sim.groundTruth("octo", repo);
    }

    private static HttpResponse<String> get(String path, String token, String accept) {
        return Http.send(http.request(path, token).header("Accept", accept).GET().build());
    }

    /** Every stargazer, following the {@code next} links from page one. */
    private static List<JsonNode> allStargazers(String repo, int perPage) {
        List<JsonNode> all = new ArrayList<>();
        String url = sim.baseUrl() + "/repos/octo/" + repo + "/stargazers?per_page=" + perPage;
        while (url != null) {
            HttpResponse<String> page = Http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + TOKEN).header("Accept", STAR_JSON).build());
            assertThat(page.statusCode()).isEqualTo(200);
            Http.json(page).forEach(all::add);
            url = RepositoryListingTest.links(page).get("next");
        }
        return all;
    }

    @Test
    void repositoryCountersFollowTheGroundTruthOverSimulatedTime() {
        Set<Long> seenStars = new HashSet<>();
        for (int day = 0; day < 30; day++) {
            JsonNode repo = http.getJson("/repos/octo/busy", TOKEN);
            RepositoryCounters expected = truth("busy").counters(sim.clock().now());
            assertThat(repo.get("stargazers_count").asLong()).isEqualTo(expected.stars());
            assertThat(repo.get("watchers_count").asLong()).isEqualTo(expected.stars());
            assertThat(repo.get("watchers").asLong()).isEqualTo(expected.stars());
            assertThat(repo.get("forks_count").asLong()).isEqualTo(expected.forks());
            assertThat(repo.get("forks").asLong()).isEqualTo(expected.forks());
            assertThat(repo.get("subscribers_count").asLong()).isEqualTo(expected.watchers());
            assertThat(repo.get("open_issues_count").asLong()).isEqualTo(expected.openIssues());
            assertThat(repo.get("open_issues").asLong()).isEqualTo(expected.openIssues());
            assertThat(Instant.parse(repo.get("updated_at").asText())).isBeforeOrEqualTo(sim.clock().now());
            assertThat(Instant.parse(repo.get("pushed_at").asText())).isBeforeOrEqualTo(sim.clock().now());
            assertThat(Instant.parse(repo.get("created_at").asText())).isBefore(NOW.minus(Duration.ofDays(300)));
            seenStars.add(expected.stars());
            sim.clock().advanceDays(1);
        }
        assertThat(seenStars).hasSizeGreaterThan(10); // the counters move
    }

    @Test
    void starsAndForksMostlyGrowWhileStarsSometimesDrop() {
        RepositoryActivity activity = truth("busy").activity();
        LocalDate first = LocalDate.ofInstant(activity.createdAt(), ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(NOW, ZoneOffset.UTC).plusDays(60);
        int drops = 0;
        int days = 0;
        RepositoryCounters previous = activity.countersOn(first);
        for (LocalDate day = first.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            RepositoryCounters counters = activity.countersOn(day);
            assertThat(counters.forks()).as(day.toString()).isGreaterThanOrEqualTo(previous.forks());
            if (counters.stars() < previous.stars()) {
                drops++;
            }
            assertThat(counters.watchers()).isPositive();
            assertThat(counters.openIssues()).isNotNegative();
            previous = counters;
            days++;
        }
        assertThat(drops).as("days with fewer stars than the day before").isPositive().isLessThan(days / 10);
        assertThat(activity.countersOn(last).stars()).isGreaterThan(activity.countersOn(first.plusDays(30)).stars());
        assertThat(activity.countersAt(activity.createdAt()).stars()).isZero();
    }

    @Test
    void theStargazerListIsConsistentWithTheCountDayAfterDay() {
        List<JsonNode> before = null;
        Instant previousNow = null;
        for (int day = 0; day < 4; day++) {
            Instant now = sim.clock().now();
            long count = http.getJson("/repos/octo/busy", TOKEN).get("stargazers_count").asLong();
            List<JsonNode> stargazers = allStargazers("busy", 100);
            assertThat(stargazers).hasSize((int) count);
            List<Instant> times = stargazers.stream().map(s -> Instant.parse(s.get("starred_at").asText())).toList();
            assertThat(times).isSorted().allSatisfy(t -> assertThat(t).isBeforeOrEqualTo(now));
            assertThat(stargazers.stream().map(s -> s.get("user").get("login").asText()).toList())
                    .isEqualTo(truth("busy").stargazers(now).stream().map(RepositoryActivity.Star::login).toList())
                    .doesNotHaveDuplicates();
            if (before != null) {
                // day N+1 = day N - the stars taken back since + the stars given since
                Instant since = previousNow;
                Set<Long> expected = new HashSet<>();
                before.forEach(s -> expected.add(s.get("user").get("id").asLong()));
                truth("busy").activity().stars().forEach(star -> {
                    if (star.unstarredAt() != null && star.unstarredAt().isAfter(since) && !star.unstarredAt().isAfter(now)) {
                        expected.remove(star.userId());
                    }
                    if (star.starredAt().isAfter(since) && star.activeAt(now)) {
                        expected.add(star.userId());
                    }
                });
                Set<Long> actual = new HashSet<>();
                stargazers.forEach(s -> actual.add(s.get("user").get("id").asLong()));
                assertThat(actual).isEqualTo(expected);
                assertThat(stargazers.size()).isGreaterThan(before.size() - 5);
            }
            before = stargazers;
            previousNow = now;
            sim.clock().advanceDays(1);
        }
    }

    @Test
    void stargazersAreUsersUnlessStarTimesAreAskedFor() {
        JsonNode users = http.getJson("/repos/octo/busy/stargazers?per_page=5", TOKEN);
        assertThat(users.size()).isEqualTo(5);
        assertThat(users.get(0).has("login")).isTrue();
        assertThat(users.get(0).has("starred_at")).isFalse();
        assertThat(users.get(0).get("type").asText()).isEqualTo("User");
        JsonNode stargazers = Http.json(get("/repos/octo/busy/stargazers?per_page=5", TOKEN, STAR_JSON));
        assertThat(stargazers.get(0).fieldNames()).toIterable().containsExactly("starred_at", "user");
        assertThat(stargazers.get(0).get("user")).isEqualTo(users.get(0));
    }

    @Test
    void stargazersArePaginatedWithLinkHeaders() {
        int total = truth("busy").stargazers(NOW).size();
        assertThat(total).isGreaterThan(250);
        int lastPage = (total + 9) / 10;
        String base = sim.baseUrl() + "/repos/octo/busy/stargazers?per_page=10&page=";

        HttpResponse<String> first = http.get("/repos/octo/busy/stargazers?per_page=10", TOKEN);
        assertThat(RepositoryListingTest.links(first))
                .containsExactly(Map.entry("next", base + 2), Map.entry("last", base + lastPage));
        HttpResponse<String> second = http.get("/repos/octo/busy/stargazers?per_page=10&page=2", TOKEN);
        assertThat(RepositoryListingTest.links(second)).containsOnly(
                Map.entry("prev", base + 1), Map.entry("next", base + 3),
                Map.entry("last", base + lastPage), Map.entry("first", base + 1));
        HttpResponse<String> last = http.get("/repos/octo/busy/stargazers?per_page=10&page=" + lastPage, TOKEN);
        assertThat(RepositoryListingTest.links(last)).containsOnlyKeys("prev", "first");
        assertThat(Http.json(last).size()).isEqualTo(total - (lastPage - 1) * 10);

        assertThat(Http.json(http.get("/repos/octo/busy/stargazers", TOKEN)).size()).isEqualTo(30); // default
        assertThat(Http.json(http.get("/repos/octo/busy/stargazers?per_page=500", TOKEN)).size()).isEqualTo(100); // max
        assertThat(RepositoryListingTest.links(http.get("/repos/octo/busy/stargazers?per_page=100", TOKEN)).get("last"))
                .endsWith("per_page=100&page=" + (total + 99) / 100);
    }

    @Test
    void releasesAppearOverTimeNewestFirstAndDownloadsNeverDecrease() {
        Map<Long, Long> downloads = new HashMap<>();
        int releases = 0;
        boolean grew = false;
        for (int step = 0; step < 60; step++) {
            Instant now = sim.clock().now();
            JsonNode page = http.getJson("/repos/octo/busy/releases?per_page=100", TOKEN);
            assertThat(page.size()).isGreaterThanOrEqualTo(releases);
            grew |= page.size() > releases && releases > 0;
            releases = page.size();
            List<Instant> published = new ArrayList<>();
            Map<Long, Long> counts = new HashMap<>();
            for (JsonNode release : page) {
                Instant at = Instant.parse(release.get("published_at").asText());
                assertThat(at).as("never published in the future").isBeforeOrEqualTo(now);
                assertThat(Instant.parse(release.get("created_at").asText())).isBeforeOrEqualTo(at);
                published.add(at);
                assertThat(release.get("assets").size()).isBetween(0, 3);
                for (JsonNode asset : release.get("assets")) {
                    long id = asset.get("id").asLong();
                    long count = asset.get("download_count").asLong();
                    assertThat(count).as("asset " + id).isGreaterThanOrEqualTo(downloads.getOrDefault(id, 0L));
                    downloads.put(id, count);
                    counts.put(id, count);
                }
            }
            assertThat(published).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(counts).isEqualTo(truth("busy").downloads(now));
            assertThat(page.size()).isEqualTo(truth("busy").releases(now).size());
            sim.clock().advanceHours(7);
        }
        assertThat(grew).as("a release was published during the 17 days").isTrue();
        RepositoryActivity activity = truth("busy").activity();
        assertThat(activity.releases()).anyMatch(r -> r.publishedAt().isAfter(sim.clock().now())); // future ones exist, unlisted
    }

    @Test
    void aReplacedAssetComesBackUnderTheSameNameWithANewIdCountingFromZero() {
        RepositoryActivity activity = truth("replaced").activity();
        RepositoryActivity.Release release = null;
        RepositoryActivity.Asset old = null;
        search:
        for (RepositoryActivity.Release r : activity.releases()) {
            for (RepositoryActivity.Asset a : r.assets()) {
                if (a.deletedAt() != null && a.deletedAt().isBefore(NOW)
                        && !r.publishedAt().isAfter(a.deletedAt().minus(Duration.ofHours(1)))
                        && a.downloadCount(a.deletedAt().minus(Duration.ofHours(1))) >= 5) {
                    release = r;
                    old = a;
                    break search;
                }
            }
        }
        assertThat(old).as("a replaced asset of a published release").isNotNull();
        String path = "/repos/octo/replaced/releases?per_page=100";

        sim.clock().set(old.deletedAt().minus(Duration.ofHours(1)));
        JsonNode beforeAsset = asset(http.getJson(path, TOKEN), release.tagName(), old.name());
        assertThat(beforeAsset.get("id").asLong()).isEqualTo(old.id());
        long countBefore = beforeAsset.get("download_count").asLong();

        sim.clock().set(old.deletedAt());
        JsonNode afterAsset = asset(http.getJson(path, TOKEN), release.tagName(), old.name());
        assertThat(afterAsset.get("id").asLong()).isGreaterThan(old.id());
        assertThat(afterAsset.get("download_count").asLong()).isZero();
        assertThat(Instant.parse(afterAsset.get("created_at").asText())).isEqualTo(old.deletedAt());
        sim.clock().advanceHours(1);
        JsonNode later = asset(http.getJson(path, TOKEN), release.tagName(), old.name());
        assertThat(later.get("id")).isEqualTo(afterAsset.get("id"));
        assertThat(later.get("download_count").asLong()).isLessThan(countBefore);
        assertThat(http.getJson(path, TOKEN).findValues("id")).noneMatch(id -> id.asLong() == beforeAsset.get("id").asLong());
    }

    private static JsonNode asset(JsonNode releases, String tag, String name) {
        for (JsonNode release : releases) {
            if (release.get("tag_name").asText().equals(tag)) {
                List<JsonNode> named = new ArrayList<>();
                release.get("assets").forEach(a -> {
                    if (a.get("name").asText().equals(name)) {
                        named.add(a);
                    }
                });
                assertThat(named).hasSize(1);
                return named.get(0);
            }
        }
        throw new AssertionError("no release " + tag);
    }

    @Test
    void unchangedAnswersAreFreeNotModified() {
        for (String path : new String[] {"/repos/octo/busy", "/repos/octo/busy/releases", "/repos/octo/busy/stargazers"}) {
            HttpResponse<String> first = http.get(path, TOKEN);
            String etag = first.headers().firstValue("etag").orElseThrow();
            long remaining = Long.parseLong(first.headers().firstValue("x-ratelimit-remaining").orElseThrow());
            HttpResponse<String> again = http.get(path, TOKEN, etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.headers().firstValue("x-ratelimit-remaining")).contains(Long.toString(remaining));
        }
        assertThat(sim.requests().count(EndpointKind.REPOSITORY, 304)).isEqualTo(1);
        assertThat(sim.requests().count(EndpointKind.RELEASES, 304)).isEqualTo(1);
        assertThat(sim.requests().count(EndpointKind.STARGAZERS, 304)).isEqualTo(1);
        assertThat(sim.requests().costingBudget()).isEqualTo(3);

        // the star+json answer is another body, so another ETag
        String plain = http.get("/repos/octo/busy/stargazers", TOKEN).headers().firstValue("etag").orElseThrow();
        assertThat(get("/repos/octo/busy/stargazers", TOKEN, STAR_JSON).headers().firstValue("etag")).isNotEqualTo(
                java.util.Optional.of(plain));

        // a week later the repository has changed
        String etag = http.get("/repos/octo/busy", TOKEN).headers().firstValue("etag").orElseThrow();
        sim.clock().advanceDays(7);
        assertThat(http.get("/repos/octo/busy", TOKEN, etag).statusCode()).isEqualTo(200);
    }

    @Test
    void pullAccessReadsAndInvisibleOrUnknownRepositoriesAreNotFound() {
        for (String suffix : new String[] {"", "/releases", "/stargazers"}) {
            assertThat(http.get("/repos/octo/busy" + suffix, "t-read").statusCode()).isEqualTo(200);
            assertThat(http.get("/repos/OCTO/Busy" + suffix, "t-read").statusCode()).isEqualTo(200);
            assertThat(http.get("/repos/octo/busy" + suffix, "t-none").statusCode()).isEqualTo(200); // public
            assertThat(http.get("/repos/octo/secret" + suffix, "t-none").statusCode()).isEqualTo(404);
            assertThat(http.get("/repos/octo/secret" + suffix, TOKEN).statusCode()).isEqualTo(200);
            assertThat(http.get("/repos/octo/nope" + suffix, TOKEN).statusCode()).isEqualTo(404);
            assertThat(http.get("/repos/nobody/busy" + suffix, TOKEN).statusCode()).isEqualTo(404);
            assertThat(http.get("/repos/octo/busy" + suffix, null).statusCode()).isEqualTo(401);
        }
        assertThat(http.get("/repos/octo/busy/traffic/views", "t-read").statusCode()).isEqualTo(403);
        JsonNode permissions = http.getJson("/repos/octo/busy", "t-read").get("permissions");
        assertThat(permissions.get("pull").asBoolean()).isTrue();
        assertThat(permissions.get("push").asBoolean()).isFalse();
        JsonNode owner = http.getJson("/repos/octo/busy", TOKEN).get("owner");
        assertThat(owner.get("type").asText()).isEqualTo("Organization");
    }

    @Test
    void everyCallCostsBudgetAndIsCountedUnderItsOwnKind() {
        int before = sim.rateLimit().remaining(TOKEN);
        http.get("/repos/octo/busy", TOKEN);
        http.get("/repos/octo/busy/releases", TOKEN);
        http.get("/repos/octo/busy/releases?page=2", TOKEN);
        http.get("/repos/octo/busy/stargazers", TOKEN);
        http.get("/repos/octo/nope/stargazers", TOKEN);
        assertThat(sim.rateLimit().remaining(TOKEN)).isEqualTo(before - 5);
        assertThat(sim.requests().count(EndpointKind.REPOSITORY, 200)).isEqualTo(1);
        assertThat(sim.requests().count(EndpointKind.RELEASES, 200)).isEqualTo(2);
        assertThat(sim.requests().count(EndpointKind.STARGAZERS, 200)).isEqualTo(1);
        assertThat(sim.requests().count(EndpointKind.STARGAZERS, 404)).isEqualTo(1);
        assertThat(sim.requests().costingBudget()).isEqualTo(5);
        assertThat(sim.requests().count(EndpointKind.OTHER)).isZero();
    }

    @Test
    void faultsHitTheNewKindsLikeTheOthers() {
        sim.faults().inject(EndpointKind.RELEASES, Fault.serverError(502), 1);
        assertThat(http.get("/repos/octo/busy", TOKEN).statusCode()).isEqualTo(200);
        assertThat(http.get("/repos/octo/busy/releases", TOKEN).statusCode()).isEqualTo(502);
        assertThat(http.get("/repos/octo/busy/releases", TOKEN).statusCode()).isEqualTo(200);
        assertThat(Http.send(http.request("/_simulator/faults?kind=stargazers&fault=503&times=1", null)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(200);
        assertThat(http.get("/repos/octo/busy/stargazers", TOKEN).statusCode()).isEqualTo(503);
    }

    @Test
    void theActivityIsDeterministicFromTheSeed() {
        Instant created = Instant.parse("2023-01-01T00:00:00Z");
        Instant until = Instant.parse("2024-01-01T00:00:00Z");
        var profile = RepositoryActivity.Profile.forViews(100);
        RepositoryActivity a = RepositoryActivity.generated("o/r", 1, created, until, profile);
        RepositoryActivity b = RepositoryActivity.generated("o/r", 1, created, until, profile);
        RepositoryActivity c = RepositoryActivity.generated("o/r", 2, created, until, profile);
        assertThat(a.stars()).isEqualTo(b.stars()).isNotEqualTo(c.stars());
        assertThat(a.releases()).isEqualTo(b.releases());
        assertThat(a.countersOn(LocalDate.parse("2023-06-01"))).isEqualTo(b.countersOn(LocalDate.parse("2023-06-01")));
        assertThat(a.stars()).allSatisfy(star -> assertThat(star.starredAt()).isBetween(created, until));
    }

    /**
     * A repository's release tags are unique, as on GitHub (release candidates of one version are
     * -rc.1, -rc.2, ...): seen when a repository had two candidates in a row, which Tidemark rightly
     * refused as an unusable answer.
     */
    @Test
    void releaseTagsAreUniquePerRepository() {
        Instant created = Instant.parse("2024-01-01T00:00:00Z");
        Instant until = created.plus(java.time.Duration.ofDays(400));
        RepositoryActivity.Profile busy = new RepositoryActivity.Profile(5, 12, 0.05);
        for (long seed = 0; seed < 300; seed++) {
            List<String> tags = RepositoryActivity.generated("o/r", seed, created, until, busy).releases().stream()
                    .map(RepositoryActivity.Release::tagName).toList();
            assertThat(tags).as("seed %d", seed).doesNotHaveDuplicates();
        }
    }
}
