package io.tidemark.app;

import io.tidemark.core.testing.RequiresPostgres;
import java.util.HashMap;
import java.util.Map;

/** {@link GitHubSimulatorResource} with the real PostgreSQL instead of an in-memory H2. */
public class PostgresSimulatorResource extends GitHubSimulatorResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("quarkus.datasource.jdbc.url", RequiresPostgres.jdbcUrl() + "?currentSchema=tidemark_e2e&reWriteBatchedInserts=true");
        config.put("quarkus.datasource.username", RequiresPostgres.user());
        return config;
    }
}
