package io.tidemark.app;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@link OwnerViewScenario} on the embedded H2 database. */
@QuarkusTest
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class OwnerViewTest extends OwnerViewScenario {}
