package io.tidemark.app;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The application built for PostgreSQL (a build-time choice), on its own schema of the test database. */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "tidemark.db", "postgresql",
                "quarkus.flyway.schemas", "tidemark_e2e",
                "quarkus.flyway.clean-disabled", "false",
                "quarkus.flyway.clean-at-start", "true");
    }
}
