package io.tidemark.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.InvalidRepositoryIdException;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.port.out.SourceFailure;
import io.tidemark.core.port.out.TrafficSource;
import jakarta.enterprise.inject.spi.CDI;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The bean an application gets: configured from tidemark.github.* (see test application.properties). */
@QuarkusTest
class CdiWiringTest {

    // looked up rather than field-injected: the project injects through constructors only
    private final TrafficSource source = CDI.current().select(TrafficSource.class).get();
    private final GitHubConfig config = CDI.current().select(GitHubConfig.class).get();

    @Test
    void theTrafficSourceIsTheGitHubAdapterFollowingApiUrl() {
        GitHubTrafficSource github = (GitHubTrafficSource) ClientProxy.unwrap(source);

        assertThat(config.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9/api/v3/"));
        assertThat(github.requests().apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9/api/v3"));
        assertThat(config.retry().maxRetries()).isEqualTo(1);
        assertThat(config.rateLimit().reserve()).isEqualTo(50);
    }

    @Test
    void nothingListensThereSoCallsFailAsUpstream() {
        assertThatThrownBy(() -> source.fetchWindow(RepositoryId.of("octo", "hello"), TrafficKind.CLONES, Granularity.WEEK))
                .isInstanceOf(SourceFailure.Upstream.class)
                .hasMessageContaining("/repos/octo/hello/traffic/clones?per=week")
                .hasMessageContaining("2 attempts");
    }

    @Test
    void anInvalidOwnerIsRejectedBeforeAnyCall() {
        assertThatThrownBy(() -> source.listReadableRepositories("not an owner"))
                .isInstanceOf(InvalidRepositoryIdException.class);
    }

    @Test
    void neitherTheBeanNorItsConfigurationShowTheToken() {
        assertThat(source.toString()).doesNotContain("cdi-token-6f1c0b7e");
        assertThat(ClientProxy.unwrap(source).toString()).doesNotContain("cdi-token-6f1c0b7e");
        assertThat(config.toString()).doesNotContain("cdi-token-6f1c0b7e");
    }
}
