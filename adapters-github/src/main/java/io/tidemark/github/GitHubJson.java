package io.tidemark.github;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * GitHub's JSON, as far as Tidemark reads it. Fields GitHub adds later are ignored; fields
 * Tidemark needs are boxed so that a missing one is noticed by {@link GitHubMapping} instead of
 * silently becoming 0.
 */
final class GitHubJson {

    private GitHubJson() {}

    /** {@code view-traffic} and {@code clone-traffic}: totals and buckets. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Traffic(Integer count, Integer uniques, List<Bucket> views, List<Bucket> clones) {}

    /** {@code traffic}: one day or week. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Bucket(String timestamp, Integer count, Integer uniques) {}

    /** {@code referrer-traffic}. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferrerTraffic(String referrer, Integer count, Integer uniques) {}

    /** {@code content-traffic}. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContentTraffic(String path, String title, Integer count, Integer uniques) {}

    /** {@code minimal-repository}, as listed by {@code /orgs/{org}/repos} and {@code /users/{username}/repos}. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Repository(
            String name,
            @JsonProperty("full_name") String fullName,
            Owner owner,
            Permissions permissions) {}

    /** The owner of a listed repository. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Owner(String login) {}

    /** The token's permissions on a listed repository (absent for anonymous calls). */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Permissions(Boolean admin, Boolean maintain, Boolean push, Boolean triage, Boolean pull) {}

    /** {@code full-repository}, as far as its counters go. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FullRepository(
            @JsonProperty("stargazers_count") Integer stargazersCount,
            @JsonProperty("forks_count") Integer forksCount,
            @JsonProperty("subscribers_count") Integer subscribersCount,
            @JsonProperty("open_issues_count") Integer openIssuesCount) {}

    /** {@code release}: tag, title, publication and assets. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Release(
            @JsonProperty("tag_name") String tagName,
            String name,
            @JsonProperty("published_at") String publishedAt,
            List<ReleaseAsset> assets) {}

    /** {@code release-asset}: id, file name and cumulative downloads. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReleaseAsset(Long id, String name, @JsonProperty("download_count") Integer downloadCount) {}

    /** {@code stargazer} (media type {@code star+json}): when the user starred the repository. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stargazer(@JsonProperty("starred_at") String starredAt, Owner user) {}

    /** {@code basic-error}: what GitHub says when it refuses. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(String message, @JsonProperty("documentation_url") String documentationUrl) {}
}
