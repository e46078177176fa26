package io.tidemark.github;

import io.quarkus.arc.Unremovable;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.model.Release;
import io.tidemark.core.model.ReleaseList;
import io.tidemark.core.model.RepositoryCounters;
import io.tidemark.core.model.StargazerPage;
import io.tidemark.core.port.out.RepositoryStatsSource;
import io.tidemark.core.port.out.SourceFailure;
import io.tidemark.core.port.out.TrafficSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link TrafficSource} and {@link RepositoryStatsSource} over GitHub's REST API ({@code
 * tidemark.github.*}, see {@link GitHubConfig}).
 *
 * <ul>
 *   <li>Times ({@code fetchedAt}, {@code takenAt}) are GitHub's: the response's {@code Date}
 *       header, else the injected {@link Clock} (the system UTC clock if there is no {@code Clock}
 *       bean).
 *   <li>Requests for the token are made one at a time (configurable), keep
 *       {@code rate-limit.reserve} requests of the budget back, and never wait for a rate limit:
 *       they fail at once with {@link SourceFailure.RateLimited} naming when to resume.
 *   <li>Every URL is fetched conditionally once its {@code ETag} is known; a 304 reuses the
 *       earlier answer, stamped with the 304's {@code Date}, and costs no budget.
 *   <li>5xx, timeouts, connection errors and unusable bodies are retried ({@code retry.*}) and
 *       then fail as {@link SourceFailure.Upstream}; 401, 403, 404 and rate limits are not retried.
 * </ul>
 *
 * <p>{@link #listReadableRepositories} asks {@code /orgs/{owner}/repos} first and, when GitHub
 * knows no such organisation (404), {@code /users/{owner}/repos} (public repositories only) plus
 * the user's repositories in {@code /user/repos} (which adds the private ones the token can
 * push to); it follows every {@code Link: rel="next"} and keeps the repositories with {@code
 * permissions.push}.
 *
 * <p>{@link #fetchCounters} asks {@code /repos/{owner}/{repo}} ({@code stargazers_count}, {@code
 * forks_count}, {@code subscribers_count} as watchers, {@code open_issues_count});
 * {@link #fetchReleases} asks {@code /repos/{owner}/{repo}/releases?per_page=100} and follows
 * {@code Link: rel="next"} only while a page is full (100 releases), so a repository with at most
 * 100 releases costs one call. Both are conditional like every other request. {@link
 * #fetchStargazers} asks {@code /repos/{owner}/{repo}/stargazers?per_page=100&page=N} with {@code
 * Accept: application/vnd.github.star+json} (each stargazer with its {@code starred_at}); the page
 * is the last when its {@code Link} header has no {@code rel="next"}.
 *
 * <p>The bean is named {@value #NAME}: an application selects it by that name (Tidemark's {@code
 * TIDEMARK_SOURCES}) among the other sources in its build. The name is no qualifier of its own:
 * the bean also keeps {@code @Default}, so where it is the only source it is injected as it is.
 */
@ApplicationScoped
@Named(GitHubTrafficSource.NAME)
@Unremovable // the library's product: kept even when an application only looks it up programmatically
public class GitHubTrafficSource implements TrafficSource, RepositoryStatsSource, AutoCloseable {

    /** The bean's name, by which an application selects this source. */
    public static final String NAME = "github";

    private static final GenericType<List<GitHubJson.ReferrerTraffic>> REFERRERS = new GenericType<>() {};
    private static final GenericType<List<GitHubJson.ContentTraffic>> PATHS = new GenericType<>() {};
    private static final GenericType<List<GitHubJson.Repository>> REPOSITORIES = new GenericType<>() {};
    private static final GenericType<List<GitHubJson.Release>> RELEASES = new GenericType<>() {};
    private static final GenericType<List<GitHubJson.Stargazer>> STARGAZERS = new GenericType<>() {};

    /** Guards against a pagination that never ends: 1,000 pages are 100,000 repositories. */
    private static final int MAX_PAGES = 1_000;

    /** One page of a repository listing: the pushable repositories and the next page's URL. */
    private record Page(List<RepositoryId> pushable, String next) {}

    private final GitHubRequests requests;

    /**
     * CDI: the configuration, a {@link Clock} bean if the application has one, and a Micrometer
     * registry if the application has one (for request and rate-limit metrics).
     */
    @Inject
    public GitHubTrafficSource(GitHubConfig config, Instance<Clock> clock, Instance<MeterRegistry> registry) {
        this.requests = new GitHubRequests(
                config,
                clock.isResolvable() ? clock.get() : Clock.systemUTC(),
                registry.isResolvable() ? registry.get() : null);
    }

    /** Outside CDI, or with another clock. */
    public GitHubTrafficSource(GitHubConfig config, Clock clock) {
        this.requests = new GitHubRequests(config, clock);
    }

    @Override
    public TrafficWindow fetchWindow(RepositoryId repository, TrafficKind kind, Granularity granularity) {
        String owner = repository.owner();
        String repo = repository.name();
        String per = granularity == Granularity.WEEK ? "week" : "day";
        String path = "/repos/" + repository.nameWithOwner() + "/traffic/"
                + (kind == TrafficKind.VIEWS ? "views" : "clones") + "?per=" + per;
        return requests.get(new GitHubRequests.Request<GitHubJson.Traffic, TrafficWindow>(
                "GET " + path,
                key(path),
                etag -> kind == TrafficKind.VIEWS
                        ? api().views(owner, repo, per, etag)
                        : api().clones(owner, repo, per, etag),
                response -> response.readEntity(GitHubJson.Traffic.class),
                (json, at) -> GitHubMapping.window(json, kind, granularity, at)));
    }

    @Override
    public TopReferrers fetchTopReferrers(RepositoryId repository) {
        String path = "/repos/" + repository.nameWithOwner() + "/traffic/popular/referrers";
        return requests.get(new GitHubRequests.Request<List<GitHubJson.ReferrerTraffic>, TopReferrers>(
                "GET " + path,
                key(path),
                etag -> api().referrers(repository.owner(), repository.name(), etag),
                response -> response.readEntity(REFERRERS),
                GitHubMapping::referrers));
    }

    @Override
    public TopPaths fetchTopPaths(RepositoryId repository) {
        String path = "/repos/" + repository.nameWithOwner() + "/traffic/popular/paths";
        return requests.get(new GitHubRequests.Request<List<GitHubJson.ContentTraffic>, TopPaths>(
                "GET " + path,
                key(path),
                etag -> api().paths(repository.owner(), repository.name(), etag),
                response -> response.readEntity(PATHS),
                GitHubMapping::paths));
    }

    @Override
    public RepositoryCounters fetchCounters(RepositoryId repository) {
        String path = "/repos/" + repository.nameWithOwner();
        return requests.get(new GitHubRequests.Request<GitHubJson.FullRepository, RepositoryCounters>(
                "GET " + path,
                key(path),
                etag -> api().repository(repository.owner(), repository.name(), etag),
                response -> response.readEntity(GitHubJson.FullRepository.class),
                GitHubMapping::counters));
    }

    /** What a stargazer page held: the times of its stars, and whether a page follows. */
    private record StarsPage(List<Instant> starredAt, boolean hasNext) {}

    @Override
    public StargazerPage fetchStargazers(RepositoryId repository, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1, was " + page);
        }
        String path = "/repos/" + repository.nameWithOwner() + "/stargazers?per_page=" + GitHubApi.PER_PAGE
                + "&page=" + page;
        return requests.get(new GitHubRequests.Request<StarsPage, StargazerPage>(
                "GET " + path,
                key(path),
                etag -> api().stargazers(repository.owner(), repository.name(), GitHubApi.PER_PAGE, page, etag),
                response -> new StarsPage(GitHubMapping.starredAt(response.readEntity(STARGAZERS)),
                        LinkHeader.next(response.getHeaderString("Link")) != null),
                (stars, at) -> new StargazerPage(at, page, stars.starredAt(), !stars.hasNext())));
    }

    /** One page of releases: the releases, whether the page was full, and the next page's URL. */
    private record ReleasePage(List<Release> releases, boolean full, String next) {}

    @Override
    public ReleaseList fetchReleases(RepositoryId repository) {
        String path = "/repos/" + repository.nameWithOwner() + "/releases?per_page=" + GitHubApi.PER_PAGE;
        Instant[] answeredAt = new Instant[1];
        ReleasePage page = requests.get(releasePageRequest(path,
                etag -> api().releases(repository.owner(), repository.name(), GitHubApi.PER_PAGE, etag), answeredAt));
        Instant fetchedAt = answeredAt[0];
        List<Release> releases = new ArrayList<>(page.releases());
        Set<String> followed = new HashSet<>();
        while (page.full() && page.next() != null) {
            if (!followed.add(page.next()) || followed.size() > MAX_PAGES) {
                throw new SourceFailure.Upstream(
                        "GitHub's pagination of the releases of " + repository + " does not end", null);
            }
            URI next = requests.pageUrl(page.next());
            String url = next.toString();
            page = requests.get(releasePageRequest(requests.relative(next), etag -> api().page(url, etag), answeredAt));
            releases.addAll(page.releases());
        }
        try {
            return new ReleaseList(fetchedAt, releases);
        } catch (io.tidemark.core.model.InvalidInputException e) {
            throw new SourceFailure.Upstream("GitHub's releases of " + repository + " are unusable: " + e.getMessage(), null);
        }
    }

    private GitHubRequests.Request<ReleasePage, ReleasePage> releasePageRequest(
            String path, java.util.function.Function<String, Response> call, Instant[] answeredAt) {
        return new GitHubRequests.Request<>(
                "GET " + path,
                key(path),
                call,
                response -> {
                    List<GitHubJson.Release> json = response.readEntity(RELEASES);
                    return new ReleasePage(GitHubMapping.releases(json), json.size() >= GitHubApi.PER_PAGE,
                            LinkHeader.next(response.getHeaderString("Link")));
                },
                (page, at) -> {
                    if (answeredAt[0] == null) {
                        answeredAt[0] = at;
                    }
                    return page;
                });
    }

    @Override
    public List<RepositoryId> listReadableRepositories(String owner) {
        String login = RepositoryId.validOwner(owner);
        Set<RepositoryId> readable;
        try {
            String path = "/orgs/" + login + "/repos?per_page=" + GitHubApi.PER_PAGE;
            readable = walk(login, requests.get(pageRequest(
                    path, etag -> api().organizationRepositories(login, GitHubApi.PER_PAGE, etag))));
        } catch (SourceFailure.NotFound notAnOrganisation) {
            String path = "/users/" + login + "/repos?per_page=" + GitHubApi.PER_PAGE;
            try {
                readable = walk(login, requests.get(pageRequest(
                        path, etag -> api().userRepositories(login, GitHubApi.PER_PAGE, etag))));
            } catch (SourceFailure.NotFound neither) {
                throw new SourceFailure.NotFound(
                        "GitHub knows no user or organisation '" + login + "' visible to the token");
            }
            // A user's listing shows public repositories only; the token's own listing adds the
            // private ones of this user that it can push to.
            String own = "/user/repos?per_page=" + GitHubApi.PER_PAGE;
            walk(login, requests.get(pageRequest(own, etag -> api().ownRepositories(GitHubApi.PER_PAGE, etag))))
                    .stream()
                    .filter(repository -> repository.owner().equalsIgnoreCase(login))
                    .forEach(readable::add);
        }
        return List.copyOf(new ArrayList<>(readable));
    }

    /** The pushable repositories of a first page and of every page its {@code Link: rel="next"} leads to. */
    private Set<RepositoryId> walk(String login, Page first) {
        Page page = first;
        Set<RepositoryId> readable = new LinkedHashSet<>(page.pushable());
        Set<String> followed = new HashSet<>();
        while (page.next() != null) {
            if (!followed.add(page.next()) || followed.size() > MAX_PAGES) {
                throw new SourceFailure.Upstream(
                        "GitHub's pagination of the repositories of '" + login + "' does not end", null);
            }
            URI next = requests.pageUrl(page.next());
            String url = next.toString();
            page = requests.get(pageRequest(requests.relative(next), etag -> api().page(url, etag)));
            readable.addAll(page.pushable());
        }
        return readable;
    }

    private GitHubRequests.Request<Page, Page> pageRequest(
            String path, java.util.function.Function<String, Response> call) {
        return new GitHubRequests.Request<>(
                "GET " + path,
                key(path),
                call,
                response -> new Page(
                        GitHubMapping.pushable(response.readEntity(REPOSITORIES)),
                        LinkHeader.next(response.getHeaderString("Link"))),
                (page, at) -> page);
    }

    private String key(String path) {
        return path;
    }

    private GitHubApi api() {
        return requests.api();
    }

    /** Closes the REST client. */
    @PreDestroy
    @Override
    public void close() {
        requests.close();
    }

    /** For tests in this package. */
    GitHubRequests requests() {
        return requests;
    }

    @Override
    public String toString() {
        return "GitHubTrafficSource[" + requests + "]";
    }
}
