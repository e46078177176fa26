package io.tidemark.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With TIDEMARK_ANONYMOUS_READ=true anyone may query, and still only admins may change anything. */
@QuarkusTest
@TestProfile(AnonymousReadTest.AnonymousRead.class)
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class AnonymousReadTest {

    public static class AnonymousRead implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tidemark.anonymous-read", "true");
        }
    }

    @Test
    void queriesNeedNoTokenButMutationsStillNeedAnAdmin() {
        assertThat(Gql.ok(null, "{ repositories { totalCount } }").getInt("data.repositories.totalCount")).isZero();
        assertThat(Gql.errorCode(null, "mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }"))
                .isEqualTo("FORBIDDEN");
        Gql.post("wrong-token", "{ __typename }").statusCode(401);
        assertThat(Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }")
                .getString("data.trackRepository.name")).isEqualTo("hello");
    }
}
