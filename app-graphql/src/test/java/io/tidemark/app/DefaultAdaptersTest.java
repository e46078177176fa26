package io.tidemark.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidemark.app.wiring.Adapters;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.port.out.TrafficSource;
import io.tidemark.core.port.out.TrafficStore;
import io.tidemark.simulator.EndpointKind;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Without any setting, the application uses GitHub and the database although its build has a
 * second source ({@link FixtureTrafficSource}) and a second store ({@link MemoryStoreBean}).
 * Before the adapters were chosen by name, the fixture source alone failed the build: "Ambiguous
 * dependencies for type TrafficSource and qualifiers [@Default]" at {@code CoreServices#sync()}.
 */
@QuarkusTest
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class DefaultAdaptersTest {

    @Inject
    @Any
    Instance<TrafficSource> everySource;

    @Inject
    @Any
    Instance<TrafficStore> everyStore;

    @Inject
    Adapters adapters;

    @Inject
    @Named("jpa")
    TrafficStore database;

    @Inject
    @Named(MemoryStoreBean.NAME)
    TrafficStore memory;

    private static List<String> names(Instance<?> beans) {
        return StreamSupport.stream(beans.handles().spliterator(), false)
                .map(handle -> handle.getBean().getName())
                .sorted()
                .collect(Collectors.toList());
    }

    @Test
    void theBuildHasTwoSourcesAndTwoStoresAndTheDefaultsAreGitHubAndTheDatabase() {
        assertThat(names(everySource)).containsExactly("fixture", "github");
        assertThat(names(everyStore)).containsExactly("jpa", "memory");
        assertThat(adapters.sources()).containsOnlyKeys("github");

        long gitHubViews = GitHubSimulatorResource.simulator().requests().count(EndpointKind.VIEWS, 200);
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }");
        JsonPath synced = Gql.admin("mutation { syncRepository(owner: \"octo\", name: \"hello\") {"
                + " repository { views { buckets { count } } } } }");

        List<Integer> views = synced.getList("data.syncRepository.repository.views.buckets.count", Integer.class);
        assertThat(views).as("GitHub's 15 days, not the fixture's three").hasSize(15)
                .doesNotContain(FixtureTrafficSource.VIEWS_PER_DAY);
        assertThat(GitHubSimulatorResource.simulator().requests().count(EndpointKind.VIEWS, 200))
                .as("GitHub was asked").isGreaterThan(gitHubViews);
        RepositoryId hello = RepositoryId.of("octo", "hello");
        assertThat(database.find(hello)).as("kept in the database").isPresent();
        assertThat(memory.find(hello)).as("the unused store saw nothing").isEmpty();
    }
}
