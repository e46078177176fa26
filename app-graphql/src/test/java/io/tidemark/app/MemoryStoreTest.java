package io.tidemark.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.port.out.TrafficStore;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code tidemark.store=memory}: core's in-memory reference store ({@link MemoryStoreBean}) keeps
 * everything and the GraphQL API answers from it, end to end; the database is never written.
 */
@QuarkusTest
@TestProfile(MemoryStoreTest.MemoryStore.class)
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class MemoryStoreTest {

    public static class MemoryStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tidemark.store", MemoryStoreBean.NAME);
        }
    }

    @Inject
    @Named("jpa")
    TrafficStore database;

    @Inject
    @Named(MemoryStoreBean.NAME)
    TrafficStore memory;

    @Test
    void theChosenStoreKeepsAndServesTheHistory() {
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }");
        JsonPath synced = Gql.admin("mutation { syncRepository(owner: \"octo\", name: \"hello\") {"
                + " repository { views { count } } } }");
        JsonPath queried = Gql.admin("{ repositories { totalCount nodes { nameWithOwner"
                + " views { count buckets { count } } weekly: views(per: WEEK) { buckets { count } }"
                + " topReferrers { referrer } } } }");

        int synced15Days = synced.getInt("data.syncRepository.repository.views.count");
        assertThat(synced15Days).isPositive();
        assertThat(queried.getInt("data.repositories.totalCount")).isEqualTo(1);
        assertThat(queried.getString("data.repositories.nodes[0].nameWithOwner")).isEqualTo("octo/hello");
        assertThat(queried.getInt("data.repositories.nodes[0].views.count")).isEqualTo(synced15Days);
        assertThat(queried.getList("data.repositories.nodes[0].views.buckets")).hasSize(15);
        assertThat(queried.getList("data.repositories.nodes[0].weekly.buckets")).isNotEmpty();
        assertThat(queried.getList("data.repositories.nodes[0].topReferrers")).isNotEmpty();

        RepositoryId hello = RepositoryId.of("octo", "hello");
        assertThat(memory.find(hello)).as("kept in memory").isPresent();
        assertThat(database.find(hello)).as("the database was never written").isEmpty();
        assertThat(database.list(null, null, 100).totalCount()).isZero();
    }
}
