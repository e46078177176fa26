package io.tidemark.simulator;

/** The kinds of GitHub endpoints the simulator serves, used by request counters and faults. */
public enum EndpointKind {
    /** {@code GET /repos/{owner}/{repo}/traffic/views}. */
    VIEWS,
    /** {@code GET /repos/{owner}/{repo}/traffic/clones}. */
    CLONES,
    /** {@code GET /repos/{owner}/{repo}/traffic/popular/referrers}. */
    REFERRERS,
    /** {@code GET /repos/{owner}/{repo}/traffic/popular/paths}. */
    PATHS,
    /** Repository listings: {@code /orgs/{org}/repos}, {@code /users/{user}/repos}, {@code /user/repos}. */
    REPOS,
    /** {@code GET /repos/{owner}/{repo}}: the full repository with its counters. */
    REPOSITORY,
    /** {@code GET /repos/{owner}/{repo}/releases}. */
    RELEASES,
    /** {@code GET /repos/{owner}/{repo}/stargazers}. */
    STARGAZERS,
    /** Any other path under the API (answered 404). */
    OTHER
}
