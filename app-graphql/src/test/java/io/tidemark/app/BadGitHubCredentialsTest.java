package io.tidemark.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A GitHub token GitHub rejects is UPSTREAM_ERROR, for a sync and for tracking an owner, and the
 * answer, the kept lastSyncError and the error message never show the token.
 */
@QuarkusTest
@QuarkusTestResource(value = UnknownGitHubTokenResource.class, restrictToAnnotatedClass = true)
class BadGitHubCredentialsTest {

    private static final String ADMIN = GitHubSimulatorResource.ADMIN_TOKEN;
    private static final String TOKEN = UnknownGitHubTokenResource.UNKNOWN_GITHUB_TOKEN;

    @Test
    void aSyncWithARejectedGitHubTokenIsUpstreamErrorWithoutTheToken() {
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }");

        String body = Gql.post(ADMIN, "mutation { syncRepository(owner: \"octo\", name: \"hello\") { syncedAt } }")
                .statusCode(200).extract().asString();
        JsonPath json = JsonPath.from(body);
        assertThat(json.getString("errors[0].extensions.code")).isEqualTo("UPSTREAM_ERROR");
        assertThat(json.getString("errors[0].message")).contains("GitHub rejected the configured token");
        assertThat(body).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(0, 12));

        await().atMost(Duration.ofSeconds(30)).until(() -> lastSyncError() != null);
        assertThat(lastSyncError()).containsIgnoringCase("token").doesNotContain(TOKEN)
                .doesNotContain(TOKEN.substring(0, 12));
        assertThat(Gql.admin("{ repository(owner: \"octo\", name: \"hello\") { lastSyncedAt } }")
                .getString("data.repository.lastSyncedAt")).isNull();
    }

    @Test
    void trackingAnOwnerWithARejectedGitHubTokenIsUpstreamErrorWithoutTheToken() {
        String body = Gql.post(ADMIN, "mutation { trackOwner(owner: \"octo\") { name } }")
                .statusCode(200).extract().asString();
        JsonPath json = JsonPath.from(body);
        assertThat(json.getString("errors[0].extensions.code")).isEqualTo("UPSTREAM_ERROR");
        assertThat(json.getString("errors[0].message")).contains("rejected the configured token");
        assertThat(body).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(0, 12));
    }

    private static String lastSyncError() {
        return Gql.admin("{ repository(owner: \"octo\", name: \"hello\") { lastSyncError } }")
                .getString("data.repository.lastSyncError");
    }
}
