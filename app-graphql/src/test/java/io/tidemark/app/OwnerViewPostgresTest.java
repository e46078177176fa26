package io.tidemark.app;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tidemark.core.testing.RequiresPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link OwnerViewScenario} with the application built for, and running on, PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@ExtendWith(RequiresPostgres.class)
@QuarkusTestResource(value = PostgresSimulatorResource.class, restrictToAnnotatedClass = true)
class OwnerViewPostgresTest extends OwnerViewScenario {}
