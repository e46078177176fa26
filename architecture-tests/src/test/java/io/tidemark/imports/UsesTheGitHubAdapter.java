package io.tidemark.imports;

import io.tidemark.github.GitHubTrafficSource;

/** Test fixture: a class of a new adapter that uses another adapter. Must be refused. */
public class UsesTheGitHubAdapter {

    private final GitHubTrafficSource github;

    public UsesTheGitHubAdapter(GitHubTrafficSource github) {
        this.github = github;
    }

    @Override
    public String toString() {
        return "imports via " + github;
    }
}
