package io.tidemark.app;

import java.util.HashMap;
import java.util.Map;

/** The simulator as GitHub, with the scheduler on: a tick every second and every repository due at once. */
public class ScheduledSyncResource extends GitHubSimulatorResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("quarkus.scheduler.enabled", "true");
        config.put("tidemark.sync-tick", "0.5s");
        config.put("tidemark.sync-delay", "0s");
        config.put("tidemark.sync-interval", "PT0.001S");
        config.put("tidemark.github.rate-limit.reserve", "0");
        return config;
    }
}
