package io.tidemark.github;

import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.model.PopularPath;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.Release;
import io.tidemark.core.model.ReleaseAsset;
import io.tidemark.core.model.RepositoryCounters;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrafficBucket;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub's JSON to core values. Every method either returns a fully validated value or throws
 * {@link MalformedResponseException}; nothing half-parsed leaves it.
 */
final class GitHubMapping {

    private GitHubMapping() {}

    /** A views or clones answer. */
    static TrafficWindow window(
            GitHubJson.Traffic json, TrafficKind kind, Granularity granularity, Instant fetchedAt) {
        if (json == null) {
            throw new MalformedResponseException("the " + name(kind) + " answer is empty");
        }
        List<GitHubJson.Bucket> items = kind == TrafficKind.VIEWS ? json.views() : json.clones();
        String field = name(kind);
        int count = required(json.count(), "count");
        int uniques = required(json.uniques(), "uniques");
        if (items == null) {
            throw new MalformedResponseException("the " + field + " answer has no '" + field + "' array");
        }
        List<TrafficBucket> buckets = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            GitHubJson.Bucket item = items.get(i);
            String at = field + "[" + i + "]";
            if (item == null) {
                throw new MalformedResponseException(at + " is null");
            }
            buckets.add(validated(() -> TrafficBucket.at(
                    timestamp(item.timestamp(), at + ".timestamp"),
                    required(item.count(), at + ".count"),
                    required(item.uniques(), at + ".uniques"))));
        }
        return validated(() -> new TrafficWindow(kind, granularity, fetchedAt, count, uniques, buckets));
    }

    /** A top-referrers answer. */
    static TopReferrers referrers(List<GitHubJson.ReferrerTraffic> json, Instant takenAt) {
        if (json == null) {
            throw new MalformedResponseException("the referrers answer is not an array");
        }
        List<Referrer> referrers = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            GitHubJson.ReferrerTraffic item = json.get(i);
            String at = "referrers[" + i + "]";
            if (item == null) {
                throw new MalformedResponseException(at + " is null");
            }
            referrers.add(validated(() -> new Referrer(
                    item.referrer(), required(item.count(), at + ".count"), required(item.uniques(), at + ".uniques"))));
        }
        return validated(() -> new TopReferrers(takenAt, referrers));
    }

    /** A popular-paths answer. */
    static TopPaths paths(List<GitHubJson.ContentTraffic> json, Instant takenAt) {
        if (json == null) {
            throw new MalformedResponseException("the popular paths answer is not an array");
        }
        List<PopularPath> paths = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            GitHubJson.ContentTraffic item = json.get(i);
            String at = "paths[" + i + "]";
            if (item == null) {
                throw new MalformedResponseException(at + " is null");
            }
            paths.add(validated(() -> new PopularPath(
                    item.path(),
                    requiredText(item.title(), at + ".title"),
                    required(item.count(), at + ".count"),
                    required(item.uniques(), at + ".uniques"))));
        }
        return validated(() -> new TopPaths(takenAt, paths));
    }

    /** A repository answer's counters. */
    static RepositoryCounters counters(GitHubJson.FullRepository json, Instant fetchedAt) {
        if (json == null) {
            throw new MalformedResponseException("the repository answer is empty");
        }
        return validated(() -> new RepositoryCounters(
                fetchedAt,
                required(json.stargazersCount(), "stargazers_count"),
                required(json.forksCount(), "forks_count"),
                required(json.subscribersCount(), "subscribers_count"),
                required(json.openIssuesCount(), "open_issues_count")));
    }

    /** One page of a stargazers answer ({@code star+json}): when each stargazer starred. */
    static List<Instant> starredAt(List<GitHubJson.Stargazer> json) {
        if (json == null) {
            throw new MalformedResponseException("the stargazers answer is not an array");
        }
        List<Instant> starredAt = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            GitHubJson.Stargazer item = json.get(i);
            if (item == null) {
                throw new MalformedResponseException("stargazers[" + i + "] is null");
            }
            starredAt.add(timestamp(item.starredAt(), "stargazers[" + i + "].starred_at"));
        }
        return starredAt;
    }

    /** One page of a releases answer, as core releases. */
    static List<Release> releases(List<GitHubJson.Release> json) {
        if (json == null) {
            throw new MalformedResponseException("the releases answer is not an array");
        }
        List<Release> releases = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            GitHubJson.Release item = json.get(i);
            String at = "releases[" + i + "]";
            if (item == null) {
                throw new MalformedResponseException(at + " is null");
            }
            List<ReleaseAsset> assets = new ArrayList<>();
            List<GitHubJson.ReleaseAsset> items = item.assets() == null ? List.of() : item.assets();
            for (int a = 0; a < items.size(); a++) {
                GitHubJson.ReleaseAsset asset = items.get(a);
                String assetAt = at + ".assets[" + a + "]";
                if (asset == null) {
                    throw new MalformedResponseException(assetAt + " is null");
                }
                assets.add(validated(() -> new ReleaseAsset(
                        required(asset.id(), assetAt + ".id"),
                        requiredText(asset.name(), assetAt + ".name"),
                        required(asset.downloadCount(), assetAt + ".download_count"))));
            }
            Instant published = item.publishedAt() == null ? null : timestamp(item.publishedAt(), at + ".published_at");
            releases.add(validated(() -> new Release(
                    requiredText(item.tagName(), at + ".tag_name"), item.name(), published, assets)));
        }
        return releases;
    }

    /** The repositories of one listing page the token can push to (and so read traffic of). */
    static List<RepositoryId> pushable(List<GitHubJson.Repository> json) {
        if (json == null) {
            throw new MalformedResponseException("the repository list is not an array");
        }
        List<RepositoryId> pushable = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            GitHubJson.Repository item = json.get(i);
            if (item == null) {
                throw new MalformedResponseException("repositories[" + i + "] is null");
            }
            RepositoryId id = repositoryId(item, "repositories[" + i + "]");
            if (item.permissions() != null && Boolean.TRUE.equals(item.permissions().push())) {
                pushable.add(id);
            }
        }
        return List.copyOf(pushable);
    }

    private static RepositoryId repositoryId(GitHubJson.Repository item, String at) {
        return validated(() -> {
            if (item.owner() != null && item.owner().login() != null && item.name() != null) {
                return RepositoryId.of(item.owner().login(), item.name());
            }
            if (item.fullName() != null) {
                return RepositoryId.parse(item.fullName());
            }
            throw new MalformedResponseException(at + " has neither owner.login and name nor full_name");
        });
    }

    private static String name(TrafficKind kind) {
        return kind == TrafficKind.VIEWS ? "views" : "clones";
    }

    private static long required(Long value, String field) {
        if (value == null) {
            throw new MalformedResponseException("'" + field + "' is missing");
        }
        return value;
    }

    private static int required(Integer value, String field) {
        if (value == null) {
            throw new MalformedResponseException("'" + field + "' is missing");
        }
        return value;
    }

    private static String requiredText(String value, String field) {
        if (value == null) {
            throw new MalformedResponseException("'" + field + "' is missing");
        }
        return value;
    }

    private static Instant timestamp(String value, String field) {
        if (value == null) {
            throw new MalformedResponseException("'" + field + "' is missing");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedResponseException("'" + field + "' is not a date-time: " + abbreviate(value), e);
        }
    }

    private static <T> T validated(java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidInputException e) {
            throw new MalformedResponseException(e.getMessage(), e);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
