package io.tidemark.app;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link TrafficHistoryScenario} against the packaged application, as users run it. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class TrafficHistoryIT extends TrafficHistoryScenario {}
