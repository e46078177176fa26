package io.tidemark.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One request may return only so many traffic buckets (here 40 instead of 25,000; the default is
 * checked at its edge by {@link DefaultLimitsTest}): a request asking for more gets RESULT_TOO_LARGE
 * with advice, and never takes the server down.
 */
@QuarkusTest
@TestProfile(ResultBudgetTest.FortyBuckets.class)
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class ResultBudgetTest {

    public static class FortyBuckets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tidemark.graphql.max-buckets", "40");
        }
    }

    private static final String ADMIN = GitHubSimulatorResource.ADMIN_TOKEN;

    @BeforeEach
    void twoSyncedRepositoriesOfFifteenDays() {
        for (String name : new String[] {"hello", "world"}) {
            Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"" + name + "\") { name } }");
            Gql.admin("mutation { syncRepository(owner: \"octo\", name: \"" + name + "\") { syncedAt } }");
        }
    }

    @Test
    void bucketsWithinTheBudgetAreAnswered() {
        // 2 repositories x 15 days of views = 30 buckets
        JsonPath json = Gql.admin("{ a: repository(owner: \"octo\", name: \"hello\") { views { buckets { count } } }"
                + " b: repository(owner: \"octo\", name: \"world\") { views { buckets { count } } } }");
        assertThat(json.getList("data.a.views.buckets")).hasSize(15);
        assertThat(json.getList("data.b.views.buckets")).hasSize(15);
    }

    @Test
    void moreBucketsThanTheBudgetGetResultTooLargeWithAdvice() {
        // 2 repositories x 15 days x (views, clones) = 60 buckets
        String tooMany = "{ a: repository(owner: \"octo\", name: \"hello\") { views { buckets { count } } clones { buckets { count } } }"
                + " b: repository(owner: \"octo\", name: \"world\") { views { buckets { count } } clones { buckets { count } } } }";
        JsonPath json = Gql.post(ADMIN, tooMany).statusCode(200).extract().jsonPath();

        assertThat(json.getString("errors[0].extensions.code")).isEqualTo("RESULT_TOO_LARGE");
        assertThat(json.getString("errors[0].message"))
                .contains("more than 40 traffic buckets").contains("per: WEEK").doesNotContain("Exception");
    }

    @Test
    void exactlyTheBudgetIsAnsweredAndOneBucketMoreIsRefused() {
        // 15 + 15 buckets of hello, and world's views from a start day that leaves 10 (40) or 11 (41) of its 15
        String lastDay = Gql.admin("{ repository(owner: \"octo\", name: \"world\") { views { buckets { timestamp } } } }")
                .getString("data.repository.views.buckets[-1].timestamp").substring(0, 10);
        LocalDate tenDaysFromEnd = LocalDate.parse(lastDay).minusDays(9);
        JsonPath forty = Gql.admin(helloAndWorldSince(tenDaysFromEnd));
        assertThat(forty.getList("data.b.views.buckets")).hasSize(10);

        JsonPath fortyOne = Gql.post(ADMIN, helloAndWorldSince(tenDaysFromEnd.minusDays(1)))
                .statusCode(200).extract().jsonPath();
        assertThat(fortyOne.getString("errors[0].extensions.code")).isEqualTo("RESULT_TOO_LARGE");
    }

    private static String helloAndWorldSince(LocalDate since) {
        return "{ a: repository(owner: \"octo\", name: \"hello\") { views { buckets { count } } clones { buckets { count } } }"
                + " b: repository(owner: \"octo\", name: \"world\") { views(since: \"" + since + "\") { buckets { count } } } }";
    }

    @Test
    void countsAreFreeAndTheBudgetIsPerRequest() {
        String counts = "{ repositories { nodes { views { count } clones { count } } } }";
        for (int i = 0; i < 3; i++) {
            assertThat(Gql.admin(counts).getList("data.repositories.nodes")).hasSizeGreaterThanOrEqualTo(2);
        }
        String thirtyBuckets = "{ a: repository(owner: \"octo\", name: \"hello\") { views { buckets { count } } }"
                + " b: repository(owner: \"octo\", name: \"world\") { views { buckets { count } } } }";
        Gql.admin(thirtyBuckets);
        Gql.admin(thirtyBuckets); // a second request starts with a full budget
    }
}
