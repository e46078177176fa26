package io.tidemark.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.tidemark.app.wiring.Adapters;
import io.tidemark.simulator.EndpointKind;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code tidemark.sources=fixture,github}: two sources are active, and the first named answers
 * syncs and owner listings, so GitHub is never asked for traffic.
 */
@QuarkusTest
@TestProfile(FixtureSourceTest.FixtureFirst.class)
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class FixtureSourceTest {

    public static class FixtureFirst implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tidemark.sources", FixtureTrafficSource.NAME + ",github");
        }
    }

    @Inject
    Adapters adapters;

    @Test
    void bothSourcesAreActiveInTheOrderNamed() {
        assertThat(adapters.sources()).containsOnlyKeys(FixtureTrafficSource.NAME, "github");
        assertThat(List.copyOf(adapters.sources().keySet())).containsExactly(FixtureTrafficSource.NAME, "github");
    }

    @Test
    void aSyncReadsTheFirstSource() {
        long gitHubTraffic = GitHubSimulatorResource.simulator().requests().count(EndpointKind.VIEWS)
                + GitHubSimulatorResource.simulator().requests().count(EndpointKind.CLONES);
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"world\") { name } }");
        JsonPath synced = Gql.admin("mutation { syncRepository(owner: \"octo\", name: \"world\") {"
                + " repository { views { buckets { count } } topReferrers { referrer } } } }");

        assertThat(synced.getList("data.syncRepository.repository.views.buckets.count", Integer.class))
                .as("the fixture's three days, and the observed zeros around them in its window")
                .filteredOn(count -> count != 0)
                .containsExactly(FixtureTrafficSource.VIEWS_PER_DAY, FixtureTrafficSource.VIEWS_PER_DAY,
                        FixtureTrafficSource.VIEWS_PER_DAY);
        assertThat(synced.getList("data.syncRepository.repository.topReferrers.referrer", String.class))
                .containsExactly(FixtureTrafficSource.REFERRER);
        assertThat(GitHubSimulatorResource.simulator().requests().count(EndpointKind.VIEWS)
                + GitHubSimulatorResource.simulator().requests().count(EndpointKind.CLONES))
                .as("GitHub was not asked").isEqualTo(gitHubTraffic);
    }

    @Test
    void anOwnerIsListedByTheFirstSource() {
        JsonPath tracked = Gql.admin("mutation { trackOwner(owner: \"someone\") { nameWithOwner } }");

        assertThat(tracked.getList("data.trackOwner.nameWithOwner", String.class))
                .containsExactlyInAnyOrder("someone/fixture-one", "someone/fixture-two");
    }
}
