package io.tidemark.github;

import io.quarkus.rest.client.reactive.Url;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * GitHub's REST endpoints Tidemark calls. Package-private: {@link GitHubTrafficSource} builds it
 * with {@code QuarkusRestClientBuilder} (base URL {@code tidemark.github.api-url}, timeouts,
 * User-Agent and the {@code Authorization} filter) and is the only user.
 *
 * <p>Every method answers the raw {@link Response} with the default exception mapper disabled,
 * because the status, {@code Date}, {@code ETag}, {@code Link} and rate-limit headers all matter
 * and 304 is a success. {@code ifNoneMatch} is {@code null} (no header) when nothing is cached.
 */
@RegisterRestClient(configKey = "github")
@ClientHeaderParam(name = "Accept", value = GitHubApi.MEDIA_TYPE)
@ClientHeaderParam(name = "X-GitHub-Api-Version", value = GitHubApi.API_VERSION)
interface GitHubApi {

    String MEDIA_TYPE = "application/vnd.github+json";
    String API_VERSION = "2022-11-28";
    /** The media type of stargazers with the time of their star ({@code starred_at}). */
    String STAR_MEDIA_TYPE = "application/vnd.github.star+json";
    int PER_PAGE = 100;

    /** {@code repos/get-views}. {@code per} is {@code day} or {@code week}. */
    @GET
    @Path("/repos/{owner}/{repo}/traffic/views")
    Response views(
            @PathParam("owner") String owner,
            @PathParam("repo") String repo,
            @QueryParam("per") String per,
            @HeaderParam("If-None-Match") String ifNoneMatch);

    /** {@code repos/get-clones}. {@code per} is {@code day} or {@code week}. */
    @GET
    @Path("/repos/{owner}/{repo}/traffic/clones")
    Response clones(
            @PathParam("owner") String owner,
            @PathParam("repo") String repo,
            @QueryParam("per") String per,
            @HeaderParam("If-None-Match") String ifNoneMatch);

    /** {@code repos/get-top-referrers}. */
    @GET
    @Path("/repos/{owner}/{repo}/traffic/popular/referrers")
    Response referrers(
            @PathParam("owner") String owner,
            @PathParam("repo") String repo,
            @HeaderParam("If-None-Match") String ifNoneMatch);

    /** {@code repos/get-top-paths}. */
    @GET
    @Path("/repos/{owner}/{repo}/traffic/popular/paths")
    Response paths(
            @PathParam("owner") String owner,
            @PathParam("repo") String repo,
            @HeaderParam("If-None-Match") String ifNoneMatch);

    /** {@code repos/get}: the repository with its counters. */
    @GET
    @Path("/repos/{owner}/{repo}")
    Response repository(
            @PathParam("owner") String owner,
            @PathParam("repo") String repo,
            @HeaderParam("If-None-Match") String ifNoneMatch);

    /** {@code repos/list-releases}, first page. */
    @GET
    @Path("/repos/{owner}/{repo}/releases")
    Response releases(
            @PathParam("owner") String owner,
            @PathParam("repo") String repo,
            @QueryParam("per_page") int perPage,
            @HeaderParam("If-None-Match") String ifNoneMatch);

    /** {@code activity/list-stargazers-for-repo}, one page, each with {@code starred_at}. */
    @GET
    @Path("/repos/{owner}/{repo}/stargazers")
    @ClientHeaderParam(name = "Accept", value = GitHubApi.STAR_MEDIA_TYPE)
    Response stargazers(
            @PathParam("owner") String owner,
            @PathParam("repo") String repo,
            @QueryParam("per_page") int perPage,
            @QueryParam("page") int page,
            @HeaderParam("If-None-Match") String ifNoneMatch);

    /** {@code repos/list-for-org}, first page. */
    @GET
    @Path("/orgs/{org}/repos")
    Response organizationRepositories(
            @PathParam("org") String org,
            @QueryParam("per_page") int perPage,
            @HeaderParam("If-None-Match") String ifNoneMatch);

    /** {@code repos/list-for-user}, first page. */
    @GET
    @Path("/users/{username}/repos")
    Response userRepositories(
            @PathParam("username") String username,
            @QueryParam("per_page") int perPage,
            @HeaderParam("If-None-Match") String ifNoneMatch);

    /** The repositories the token's user can access: own, collaborator and organisation member. */
    @GET
    @Path("/user/repos")
    Response ownRepositories(
            @QueryParam("per_page") int perPage,
            @HeaderParam("If-None-Match") String ifNoneMatch);

    /**
     * A further page, exactly as GitHub's {@code Link: <...>; rel="next"} names it. The caller
     * checks first that the URL lies under {@code api-url}, so the token never leaves for another
     * host.
     */
    @GET
    Response page(@Url String url, @HeaderParam("If-None-Match") String ifNoneMatch);
}
