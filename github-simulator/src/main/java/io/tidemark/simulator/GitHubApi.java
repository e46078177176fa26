package io.tidemark.simulator;

import io.tidemark.simulator.Accounts.Repo;
import io.tidemark.simulator.HttpTransport.Delivery;
import io.tidemark.simulator.HttpTransport.Request;
import io.tidemark.simulator.HttpTransport.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's REST endpoints: traffic and repository listings, with authentication, rate limits,
 * ETags and injected faults. Thread-safe (all state lives in thread-safe collaborators).
 */
final class GitHubApi {

    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                    .withZone(ZoneOffset.UTC);

    private static final String DOCS = "https://docs.github.com/rest";
    private static final String TRAFFIC_DOCS = "https://docs.github.com/rest/metrics/traffic";
    private static final String RATE_DOCS =
            "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";
    private static final int DEFAULT_PER_PAGE = 30;
    private static final int MAX_PER_PAGE = 100;
    private static final int TOP = 10;

    private static final Pattern TRAFFIC =
            Pattern.compile("/repos/([^/]+)/([^/]+)/traffic/(views|clones|popular/referrers|popular/paths)");
    private static final Pattern ORG_REPOS = Pattern.compile("/orgs/([^/]+)/repos");
    private static final Pattern USER_REPOS = Pattern.compile("/users/([^/]+)/repos");
    private static final Pattern REPOSITORY = Pattern.compile("/repos/([^/]+)/([^/]+)");
    private static final Pattern RELEASES = Pattern.compile("/repos/([^/]+)/([^/]+)/releases");
    private static final Pattern STARGAZERS = Pattern.compile("/repos/([^/]+)/([^/]+)/stargazers");

    /** The {@code *_url} properties of a full repository: name and suffix of the repository's API URL. */
    private static final String[][] URL_TEMPLATES = {
        {"archive_url", "/{archive_format}{/ref}"}, {"assignees_url", "/assignees{/user}"},
        {"blobs_url", "/git/blobs{/sha}"}, {"branches_url", "/branches{/branch}"},
        {"collaborators_url", "/collaborators{/collaborator}"}, {"comments_url", "/comments{/number}"},
        {"commits_url", "/commits{/sha}"}, {"compare_url", "/compare/{base}...{head}"},
        {"contents_url", "/contents/{+path}"}, {"contributors_url", "/contributors"},
        {"deployments_url", "/deployments"}, {"downloads_url", "/downloads"}, {"events_url", "/events"},
        {"forks_url", "/forks"}, {"git_commits_url", "/git/commits{/sha}"}, {"git_refs_url", "/git/refs{/sha}"},
        {"git_tags_url", "/git/tags{/sha}"}, {"hooks_url", "/hooks"},
        {"issue_comment_url", "/issues/comments{/number}"}, {"issue_events_url", "/issues/events{/number}"},
        {"issues_url", "/issues{/number}"}, {"keys_url", "/keys{/key_id}"}, {"labels_url", "/labels{/name}"},
        {"languages_url", "/languages"}, {"merges_url", "/merges"}, {"milestones_url", "/milestones{/number}"},
        {"notifications_url", "/notifications{?since,all,participating}"}, {"pulls_url", "/pulls{/number}"},
        {"releases_url", "/releases{/id}"}, {"stargazers_url", "/stargazers"},
        {"statuses_url", "/statuses/{sha}"}, {"subscribers_url", "/subscribers"},
        {"subscription_url", "/subscription"}, {"tags_url", "/tags"}, {"teams_url", "/teams"},
        {"trees_url", "/git/trees{/sha}"}
    };

    /** The author and uploader of generated releases. */
    private final ObjectNode bot;

    private final SimulatedClock clock;
    private final Accounts accounts;
    private final RateLimit rateLimit;
    private final Faults faults;
    private final RequestCounters counters;
    private final String baseUrl;

    GitHubApi(
            SimulatedClock clock,
            Accounts accounts,
            RateLimit rateLimit,
            Faults faults,
            RequestCounters counters,
            String baseUrl) {
        this.clock = clock;
        this.accounts = accounts;
        this.rateLimit = rateLimit;
        this.faults = faults;
        this.counters = counters;
        this.baseUrl = baseUrl;
        this.bot = user("github-actions[bot]", 41898282, "Bot");
    }

    /** A computed answer before rate limiting, faults and conditional requests. */
    private record Answer(int status, JsonNode body, Map<String, String> headers) {
        Answer(int status, JsonNode body) {
            this(status, body, Map.of());
        }
    }

    Response handle(Request request) {
        String path = request.path().length() > 1 && request.path().endsWith("/")
                ? request.path().substring(0, request.path().length() - 1)
                : request.path();
        EndpointKind kind = kindOf(path);
        String token = token(request);
        if (!accounts.isToken(token)) {
            var anonymous = new RateLimit.Snapshot(60, 60, 0, rateLimit.clock().instant().plusSeconds(3600), false);
            return finish(kind, error(401, "Bad credentials", DOCS), anonymous, false);
        }
        if (rateLimit.takeSecondary()) {
            Answer refused = error(403,
                    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                    RATE_DOCS + "#about-secondary-rate-limits",
                    Map.of("retry-after", Long.toString(rateLimit.retryAfter().toSeconds())));
            return finish(kind, refused, rateLimit.peek(token), false);
        }

        Answer answer = request.method().equals("GET") || request.method().equals("HEAD")
                ? answer(kind, path, request, token)
                : error(404, "Not Found", DOCS);
        String json = Json.write(answer.body());
        String etag = answer.status() == 200 ? etag(json) : null;
        boolean notModified = etag != null && matches(request.header("if-none-match"), etag);

        RateLimit.Snapshot limit = rateLimit.acquire(token, !notModified);
        if (limit.exceeded()) {
            return finish(kind, error(rateLimit.exceededStatus(), "API rate limit exceeded for user ID 1.",
                    RATE_DOCS + "#about-the-primary-rate-limit"), limit, false);
        }

        Duration delay = Duration.ZERO;
        boolean weeklySeries = (kind == EndpointKind.VIEWS || kind == EndpointKind.CLONES)
                && answer.status() == 200 && "week".equals(request.query().get("per"));
        Optional<Fault> fault = faults.next(kind, weeklySeries);
        if (fault.isPresent() && fault.get() instanceof Fault.DailyBucketsForWeeks) {
            // the per=day answer in place of the weekly one, costing what the request costs
            var daily = new LinkedHashMap<>(request.query());
            daily.put("per", "day");
            answer = answer(kind, path, new Request(request.method(), request.path(), request.version(),
                    Map.copyOf(daily), request.headers()), token);
            json = Json.write(answer.body());
            etag = answer.status() == 200 ? etag(json) : null;
            notModified = etag != null && matches(request.header("if-none-match"), etag);
        } else if (fault.isPresent()) {
            Fault f = fault.get();
            if (f instanceof Fault.ServerError e) {
                return finish(kind, error(e.status(), "Server Error", DOCS), limit, !notModified);
            } else if (f instanceof Fault.Slow s) {
                delay = s.delay();
            } else if (f instanceof Fault.TruncatedBody) {
                return corrupted(kind, answer, json.substring(0, json.length() / 2), limit, !notModified);
            } else if (f instanceof Fault.MalformedBody) {
                return corrupted(kind, answer, json.charAt(0) + "," + json.substring(1), limit, !notModified);
            } else if (f instanceof Fault.CutBody) {
                Response whole = corrupted(kind, answer, json, limit, !notModified);
                return new Response(whole.status(), whole.headers(), whole.body(), Duration.ZERO, Delivery.CUT_BODY);
            } else if (f instanceof Fault.Disconnect) {
                counters.record(kind, 0, !notModified);
                return new Response(0, Map.of(), new byte[0], Duration.ZERO, Delivery.DISCONNECT);
            }
        }
        var headers = headers(limit);
        headers.putAll(answer.headers());
        counters.record(kind, notModified ? 304 : answer.status(), !notModified);
        if (notModified) {
            headers.put("ETag", etag);
            return new Response(304, headers, new byte[0], delay);
        }
        if (etag != null) {
            headers.put("ETag", etag);
            headers.put("Cache-Control", "private, max-age=60, s-maxage=60");
        }
        return new Response(answer.status(), headers, json.getBytes(StandardCharsets.UTF_8), delay);
    }

    private Response finish(EndpointKind kind, Answer answer, RateLimit.Snapshot limit, boolean cost) {
        var headers = headers(limit);
        headers.putAll(answer.headers());
        counters.record(kind, answer.status(), cost);
        return new Response(answer.status(), headers,
                Json.write(answer.body()).getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    }

    private Response corrupted(
            EndpointKind kind, Answer answer, String body, RateLimit.Snapshot limit, boolean cost) {
        var headers = headers(limit);
        headers.putAll(answer.headers());
        counters.record(kind, answer.status(), cost);
        return new Response(answer.status(), headers, body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    }

    private Map<String, String> headers(RateLimit.Snapshot limit) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Date", HTTP_DATE.format(clock.now()));
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP");
        headers.put("x-github-api-version-selected", "2022-11-28");
        headers.put("x-ratelimit-limit", Integer.toString(limit.limit()));
        headers.put("x-ratelimit-remaining", Integer.toString(limit.remaining()));
        headers.put("x-ratelimit-reset", Long.toString(limit.reset().getEpochSecond()));
        headers.put("x-ratelimit-used", Integer.toString(limit.used()));
        headers.put("x-ratelimit-resource", "core");
        return headers;
    }

    private static EndpointKind kindOf(String path) {
        Matcher traffic = TRAFFIC.matcher(path);
        if (traffic.matches()) {
            return switch (traffic.group(3)) {
                case "views" -> EndpointKind.VIEWS;
                case "clones" -> EndpointKind.CLONES;
                case "popular/referrers" -> EndpointKind.REFERRERS;
                default -> EndpointKind.PATHS;
            };
        }
        if (path.equals("/user/repos") || ORG_REPOS.matcher(path).matches()
                || USER_REPOS.matcher(path).matches()) {
            return EndpointKind.REPOS;
        }
        if (REPOSITORY.matcher(path).matches()) {
            return EndpointKind.REPOSITORY;
        }
        if (RELEASES.matcher(path).matches()) {
            return EndpointKind.RELEASES;
        }
        if (STARGAZERS.matcher(path).matches()) {
            return EndpointKind.STARGAZERS;
        }
        return EndpointKind.OTHER;
    }

    private Answer answer(EndpointKind kind, String path, Request request, String token) {
        return switch (kind) {
            case VIEWS, CLONES, REFERRERS, PATHS -> traffic(kind, TRAFFIC.matcher(path), request, token);
            case REPOS -> listing(path, request, token);
            case REPOSITORY, RELEASES, STARGAZERS -> activity(kind, path, request, token);
            case OTHER -> error(404, "Not Found", DOCS);
        };
    }

    // ---- traffic ----------------------------------------------------------------------------

    private Answer traffic(EndpointKind kind, Matcher match, Request request, String token) {
        match.matches();
        Optional<Repo> repo = accounts.repo(match.group(1), match.group(2));
        Optional<Permission> permission = repo.flatMap(r -> accounts.permission(token, r));
        if (permission.isEmpty()) {
            return error(404, "Not Found", TRAFFIC_DOCS);
        }
        if (!permission.get().includes(Permission.PUSH)) {
            return error(403, "Must have push access to repository", TRAFFIC_DOCS);
        }
        Instant now = clock.now();
        Instant from = now.minus(Duration.ofDays(14));
        TrafficModel model = repo.get().model();
        return switch (kind) {
            case VIEWS, CLONES -> {
                String per = request.query().getOrDefault("per", "day");
                if (!per.equals("day") && !per.equals("week")) {
                    ArrayNode errors = Json.array();
                    errors.addObject().put("resource", "Traffic").put("field", "per").put("code", "invalid");
                    yield error(422, "Validation Failed", TRAFFIC_DOCS, Map.of(), errors);
                }
                TrafficKind trafficKind = kind == EndpointKind.VIEWS ? TrafficKind.VIEWS : TrafficKind.CLONES;
                yield new Answer(200, series(model.between(trafficKind, from, now), per, trafficKind));
            }
            case REFERRERS -> new Answer(200, top(model.between(TrafficKind.VIEWS, from, now),
                    TrafficEvent::referrer, (referrer, events) -> Json.object().put("referrer", referrer)));
            default -> new Answer(200, top(model.between(TrafficKind.VIEWS, from, now),
                    TrafficEvent::path,
                    (path, events) -> Json.object().put("path", path)
                            .put("title", events.get(events.size() - 1).title())));
        };
    }

    private static ObjectNode series(List<TrafficEvent> events, String per, TrafficKind kind) {
        Function<TrafficEvent, LocalDate> bucket = per.equals("week")
                ? event -> GroundTruth.mondayOf(event.day())
                : TrafficEvent::day;
        Counts total = GroundTruth.counts(events);
        ObjectNode body = Json.object().put("count", total.count()).put("uniques", total.uniques());
        ArrayNode buckets = body.putArray(kind == TrafficKind.VIEWS ? "views" : "clones");
        GroundTruth.group(events, bucket).forEach((day, counts) -> buckets.addObject()
                .put("timestamp", day.atStartOfDay().toInstant(ZoneOffset.UTC).toString())
                .put("count", counts.count())
                .put("uniques", counts.uniques()));
        return body;
    }

    /** The top 10 values of {@code key} by count (then uniques, then name), with their counts. */
    private static ArrayNode top(
            List<TrafficEvent> events,
            Function<TrafficEvent, String> key,
            BiFunction<String, List<TrafficEvent>, ObjectNode> describe) {
        var groups = new LinkedHashMap<String, List<TrafficEvent>>();
        for (TrafficEvent event : events) {
            String value = key.apply(event);
            if (value != null) {
                groups.computeIfAbsent(value, v -> new ArrayList<>()).add(event);
            }
        }
        record Entry(String value, List<TrafficEvent> events, Counts counts) {}
        ArrayNode items = Json.array();
        groups.entrySet().stream()
                .map(e -> new Entry(e.getKey(), e.getValue(), GroundTruth.counts(e.getValue())))
                .sorted(Comparator.comparingLong((Entry e) -> e.counts().count()).reversed()
                        .thenComparing(Comparator.comparingLong((Entry e) -> e.counts().uniques()).reversed())
                        .thenComparing(Entry::value))
                .limit(TOP)
                .forEach(e -> items.add(describe.apply(e.value(), e.events())
                        .put("count", e.counts().count())
                        .put("uniques", e.counts().uniques())));
        return items;
    }

    // ---- repository listings ----------------------------------------------------------------

    private Answer listing(String path, Request request, String token) {
        List<Repo> visible;
        Matcher org = ORG_REPOS.matcher(path);
        Matcher user = USER_REPOS.matcher(path);
        if (path.equals("/user/repos")) {
            visible = accounts.repos().stream()
                    .filter(repo -> accounts.granted(token, repo).isPresent())
                    .toList();
        } else {
            boolean isOrg = org.matches();
            String login = isOrg ? org.group(1) : user.matches() ? user.group(1) : "";
            Optional<Accounts.Owner> owner = accounts.owner(login)
                    .filter(o -> o.organization() || !isOrg);
            if (owner.isEmpty()) {
                return error(404, "Not Found", DOCS + "/repos/repos");
            }
            visible = accounts.repos().stream()
                    .filter(repo -> repo.owner().equals(owner.get()))
                    .filter(repo -> accounts.permission(token, repo).isPresent())
                    .toList();
        }
        return page(path, request, visible, repo -> repoJson(repo, accounts.permission(token, repo).orElseThrow()));
    }

    /** One page of {@code all} ({@code per_page}, default 30, at most 100; {@code page}), with its {@code Link} header. */
    private <T> Answer page(String path, Request request, List<T> all, Function<T, JsonNode> toJson) {
        int perPage = clamp(parse(request.query().get("per_page"), DEFAULT_PER_PAGE), 1, MAX_PER_PAGE);
        int page = Math.max(1, parse(request.query().get("page"), 1));
        int lastPage = Math.max(1, (all.size() + perPage - 1) / perPage);
        int fromIndex = (int) Math.min(all.size(), (long) (page - 1) * perPage);
        ArrayNode items = Json.array();
        all.subList(fromIndex, Math.min(all.size(), fromIndex + perPage)).forEach(item -> items.add(toJson.apply(item)));
        Map<String, String> headers = lastPage > 1
                ? Map.of("Link", link(path, perPage, page, lastPage))
                : Map.of();
        return new Answer(200, items, headers);
    }

    // ---- repository, releases, stargazers ---------------------------------------------------

    private Answer activity(EndpointKind kind, String path, Request request, String token) {
        Pattern pattern = kind == EndpointKind.REPOSITORY ? REPOSITORY
                : kind == EndpointKind.RELEASES ? RELEASES : STARGAZERS;
        Matcher match = pattern.matcher(path);
        match.matches();
        Optional<Repo> found = accounts.repo(match.group(1), match.group(2));
        Optional<Permission> permission = found.flatMap(r -> accounts.permission(token, r));
        if (permission.isEmpty()) {
            return error(404, "Not Found", switch (kind) {
                case REPOSITORY -> DOCS + "/repos/repos#get-a-repository";
                case RELEASES -> DOCS + "/releases/releases#list-releases";
                default -> DOCS + "/activity/starring#list-stargazers";
            });
        }
        Repo repo = found.get();
        RepositoryActivity activity = repo.activity();
        Instant now = clock.now();
        return switch (kind) {
            case REPOSITORY -> new Answer(200, fullRepository(repo, permission.get(), activity, now));
            case RELEASES -> page(path, request, activity.releasesAt(now), release -> releaseJson(repo, release, now));
            default -> {
                String accept = request.header("accept");
                boolean withTimes = accept != null && accept.toLowerCase(Locale.ROOT).contains("application/vnd.github.star+json");
                yield page(path, request, activity.stargazersAt(now), star -> withTimes
                        ? Json.object().put("starred_at", star.starredAt().toString())
                                .set("user", user(star.login(), star.userId(), "User"))
                        : user(star.login(), star.userId(), "User"));
            }
        };
    }

    private ObjectNode fullRepository(Repo repo, Permission permission, RepositoryActivity activity, Instant now) {
        RepositoryCounters counters = activity.countersAt(now);
        String full = repo.fullName();
        String api = baseUrl + "/repos/" + full;
        String html = "https://github.com/" + full;
        String[] languages = {"Python", "Java", "TypeScript", "Go", "Rust", "Jupyter Notebook", "Shell"};
        ObjectNode json = Json.object()
                .put("id", repo.id())
                .put("node_id", nodeId("010:Repository", repo.id()))
                .put("name", repo.name())
                .put("full_name", full)
                .put("private", repo.isPrivate());
        json.set("owner", user(repo.owner().login(), repo.owner().id(),
                repo.owner().organization() ? "Organization" : "User"));
        json.put("html_url", html)
                .put("description", "The " + repo.name() + " project of " + repo.owner().login() + ".")
                .put("fork", false)
                .put("url", api);
        for (String[] template : URL_TEMPLATES) {
            json.put(template[0], api + template[1]);
        }
        json.put("git_url", "git://github.com/" + full + ".git")
                .put("ssh_url", "git@github.com:" + full + ".git")
                .put("clone_url", html + ".git")
                .put("svn_url", html)
                .putNull("mirror_url");
        json.put("homepage", "https://" + repo.owner().login().toLowerCase(Locale.ROOT) + ".github.io/" + repo.name())
                .put("language", languages[Math.floorMod(full.hashCode(), languages.length)])
                .put("size", 120 + 37L * activity.releasesAt(now).size() + counters.openIssues())
                .put("stargazers_count", counters.stars())
                .put("watchers_count", counters.stars())
                .put("forks_count", counters.forks())
                .put("open_issues_count", counters.openIssues())
                .put("default_branch", "main")
                .put("is_template", false);
        json.putArray("topics").add("github").add("traffic");
        json.put("has_issues", true)
                .put("has_projects", true)
                .put("has_wiki", true)
                .put("has_pages", false)
                .put("has_downloads", true)
                .put("has_discussions", false)
                .put("archived", false)
                .put("disabled", false)
                .put("visibility", repo.isPrivate() ? "private" : "public")
                .put("pushed_at", activity.lastPushAt(now).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("created_at", activity.createdAt().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("updated_at", activity.lastEventAt(now).truncatedTo(ChronoUnit.SECONDS).toString())
                .set("permissions", permissions(permission));
        json.put("allow_forking", true)
                .put("web_commit_signoff_required", false);
        json.putObject("license")
                .put("key", "mit")
                .put("name", "MIT License")
                .put("spdx_id", "MIT")
                .put("url", baseUrl + "/licenses/mit")
                .put("node_id", "MDc6TGljZW5zZW1pdA==");
        if (repo.owner().organization()) {
            json.set("organization", user(repo.owner().login(), repo.owner().id(), "Organization"));
        }
        json.put("forks", counters.forks())
                .put("open_issues", counters.openIssues())
                .put("watchers", counters.stars())
                .put("network_count", counters.forks())
                .put("subscribers_count", counters.watchers());
        return json;
    }

    private ObjectNode releaseJson(Repo repo, RepositoryActivity.Release release, Instant now) {
        String full = repo.fullName();
        String api = baseUrl + "/repos/" + full;
        List<RepositoryActivity.Asset> assets = release.assetsAt(now);
        Instant updated = release.publishedAt();
        for (RepositoryActivity.Asset asset : assets) {
            updated = asset.createdAt().isAfter(updated) ? asset.createdAt() : updated;
        }
        ObjectNode json = Json.object()
                .put("url", api + "/releases/" + release.id())
                .put("html_url", "https://github.com/" + full + "/releases/tag/" + release.tagName())
                .put("assets_url", api + "/releases/" + release.id() + "/assets")
                .put("upload_url", "https://uploads.github.com/repos/" + full + "/releases/" + release.id()
                        + "/assets{?name,label}")
                .put("tarball_url", api + "/tarball/" + release.tagName())
                .put("zipball_url", api + "/zipball/" + release.tagName())
                .put("id", release.id())
                .put("node_id", nodeId("07:Release", release.id()))
                .put("tag_name", release.tagName())
                .put("target_commitish", "main")
                .put("name", release.tagName())
                .put("body", (release.prerelease() ? "Release candidate of " : "Release ") + release.tagName() + ".")
                .put("draft", false)
                .put("prerelease", release.prerelease())
                .put("immutable", false)
                .put("created_at", seconds(release.createdAt()))
                .put("published_at", seconds(release.publishedAt()))
                .put("updated_at", seconds(updated));
        json.set("author", bot);
        ArrayNode items = json.putArray("assets");
        for (RepositoryActivity.Asset asset : assets) {
            items.addObject()
                    .put("url", api + "/releases/assets/" + asset.id())
                    .put("browser_download_url", "https://github.com/" + full + "/releases/download/"
                            + release.tagName() + "/" + asset.name())
                    .put("id", asset.id())
                    .put("node_id", nodeId("012:ReleaseAsset", asset.id()))
                    .put("name", asset.name())
                    .putNull("label")
                    .put("state", "uploaded")
                    .put("content_type", asset.contentType())
                    .put("size", asset.size())
                    .put("digest", "sha256:" + etag(asset.id() + "/" + asset.name()).substring(3, 67))
                    .put("download_count", asset.downloadCount(now))
                    .put("created_at", seconds(asset.createdAt()))
                    .put("updated_at", seconds(asset.createdAt()))
                    .set("uploader", bot);
        }
        return json;
    }

    private static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A {@code simple-user} object. */
    private ObjectNode user(String login, long id, String type) {
        String escaped = login.replace("[", "%5B").replace("]", "%5D"); // github-actions[bot]
        String api = baseUrl + "/users/" + escaped;
        return Json.object()
                .put("login", login)
                .put("id", id)
                .put("node_id", nodeId(switch (type) {
                    case "Organization" -> "012:Organization";
                    case "Bot" -> "03:Bot";
                    default -> "04:User";
                }, id))
                .put("avatar_url", "https://avatars.githubusercontent.com/u/" + id + "?v=4")
                .put("gravatar_id", "")
                .put("url", api)
                .put("html_url", type.equals("Bot")
                        ? "https://github.com/apps/" + login.replace("[bot]", "")
                        : "https://github.com/" + login)
                .put("followers_url", api + "/followers")
                .put("following_url", api + "/following{/other_user}")
                .put("gists_url", api + "/gists{/gist_id}")
                .put("starred_url", api + "/starred{/owner}{/repo}")
                .put("subscriptions_url", api + "/subscriptions")
                .put("organizations_url", api + "/orgs")
                .put("repos_url", api + "/repos")
                .put("events_url", api + "/events{/privacy}")
                .put("received_events_url", api + "/received_events")
                .put("type", type)
                .put("user_view_type", "public")
                .put("site_admin", false);
    }

    /** GitHub's legacy global node id, e.g. {@code MDQ6VXNlcjE=} for user 1. */
    private static String nodeId(String prefix, long id) {
        return java.util.Base64.getEncoder().encodeToString((prefix + id).getBytes(StandardCharsets.UTF_8));
    }

    private String link(String path, int perPage, int page, int lastPage) {
        var rels = new ArrayList<String>();
        Function<Integer, String> url = p -> "<" + baseUrl + path + "?per_page=" + perPage + "&page=" + p + ">";
        if (page > 1) {
            rels.add(url.apply(Math.min(page - 1, lastPage)) + "; rel=\"prev\"");
        }
        if (page < lastPage) {
            rels.add(url.apply(page + 1) + "; rel=\"next\"");
            rels.add(url.apply(lastPage) + "; rel=\"last\"");
        }
        if (page > 1) {
            rels.add(url.apply(1) + "; rel=\"first\"");
        }
        return String.join(", ", rels);
    }

    private ObjectNode repoJson(Repo repo, Permission permission) {
        ObjectNode json = Json.object()
                .put("id", repo.id())
                .put("name", repo.name())
                .put("full_name", repo.fullName())
                .put("private", repo.isPrivate());
        json.putObject("owner")
                .put("login", repo.owner().login())
                .put("id", repo.owner().id())
                .put("type", repo.owner().organization() ? "Organization" : "User")
                .put("url", baseUrl + "/users/" + repo.owner().login());
        json.put("html_url", "https://github.com/" + repo.fullName())
                .putNull("description");
        json.put("fork", false)
                .put("url", baseUrl + "/repos/" + repo.fullName())
                .put("archived", false)
                .put("visibility", repo.isPrivate() ? "private" : "public")
                .put("default_branch", "main")
                .set("permissions", permissions(permission));
        return json;
    }

    private static ObjectNode permissions(Permission permission) {
        return Json.object()
                .put("admin", permission.includes(Permission.ADMIN))
                .put("maintain", permission.includes(Permission.ADMIN))
                .put("push", permission.includes(Permission.PUSH))
                .put("triage", permission.includes(Permission.PUSH))
                .put("pull", true);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static String token(Request request) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            return null;
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2) {
            return null;
        }
        String scheme = parts[0].toLowerCase(Locale.ROOT);
        return scheme.equals("bearer") || scheme.equals("token") ? parts[1].trim() : null;
    }

    private static Answer error(int status, String message, String documentationUrl) {
        return error(status, message, documentationUrl, Map.of());
    }

    private static Answer error(
            int status, String message, String documentationUrl, Map<String, String> headers) {
        return error(status, message, documentationUrl, headers, null);
    }

    private static Answer error(
            int status, String message, String documentationUrl, Map<String, String> headers,
            ArrayNode errors) {
        ObjectNode body = Json.object().put("message", message);
        if (errors != null) {
            body.set("errors", errors);
        }
        body.put("documentation_url", documentationUrl).put("status", Integer.toString(status));
        return new Answer(status, body, headers);
    }

    static String etag(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(hash) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Weak comparison, as GitHub does: {@code W/"x"} matches {@code "x"}; {@code *} matches all. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals(opaque) || c.equals("W/" + opaque)) {
                return true;
            }
        }
        return false;
    }

    private static int parse(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
