package io.tidemark.app;

import java.util.HashMap;
import java.util.Map;

/** The simulator as GitHub, with Tidemark configured with a token GitHub does not know (revoked, mistyped). */
public class UnknownGitHubTokenResource extends GitHubSimulatorResource {

    public static final String UNKNOWN_GITHUB_TOKEN = "revoked-token-github-no-longer-knows-0123456789";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("tidemark.github.token", UNKNOWN_GITHUB_TOKEN);
        return config;
    }
}
