package io.tidemark.app;

import java.util.HashMap;
import java.util.Map;

/** {@link GitHubSimulatorResource} with the real PostgreSQL instead of an in-memory H2. */
public class PostgresSimulatorResource extends GitHubSimulatorResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("quarkus.datasource.jdbc.url", PostgresAvailable.URL + "?currentSchema=tidemark_e2e&reWriteBatchedInserts=true");
        config.put("quarkus.datasource.username", "postgres");
        return config;
    }
}
