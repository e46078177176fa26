package io.tidemark.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.tidemark.simulator.EndpointKind;
import io.tidemark.simulator.GitHubSimulator;
import io.tidemark.simulator.GroundTruth;
import io.tidemark.simulator.RepositoryActivity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code TIDEMARK_STARS_BACKFILL} on and one stargazer page a day, the daily syncs read the
 * simulator's stargazer list one page a day until its end and then never again; the API then
 * serves stars from the first star's day on: the days before tracking as the stargazer list counts
 * them, the fetched days as fetched.
 */
@QuarkusTest
@TestProfile(StarsBackfillTest.BackfillOn.class)
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class StarsBackfillTest {

    public static class BackfillOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tidemark.stars-backfill", "true", "tidemark.stars-backfill-max-calls", "1");
        }
    }

    @Test
    void theStarHistoryStartsAtTheFirstStarAfterOnePageADay() {
        GitHubSimulator simulator = GitHubSimulatorResource.simulator();
        GroundTruth truth = simulator.groundTruth("octo", "hello");
        Instant tracked = simulator.clock().now();
        LocalDate firstDay = LocalDate.ofInstant(tracked, ZoneOffset.UTC);
        int pages = 1; // page k is read on day k, from the list as it is then
        while (truth.stargazers(tracked.plus(Duration.ofDays(pages - 1))).size() > pages * 100) {
            pages++;
        }
        assertThat(pages).as("the simulated repository has several pages of stargazers").isGreaterThanOrEqualTo(2);
        Gql.admin("mutation { trackRepository(owner: \"octo\", name: \"hello\") { name } }");

        Map<LocalDate, Integer> fetchedStars = new LinkedHashMap<>();
        List<Long> stargazerCallsPerDay = new ArrayList<>();
        for (int day = 0; day < pages + 2; day++) {
            long before = simulator.requests().count(EndpointKind.STARGAZERS);
            fetchedStars.put(LocalDate.ofInstant(simulator.clock().now(), ZoneOffset.UTC),
                    (int) truth.counters(simulator.clock().now()).stars());
            sync();
            simulator.clock().advanceHours(6);
            sync(); // a second sync of the same day asks for no page
            stargazerCallsPerDay.add(simulator.requests().count(EndpointKind.STARGAZERS) - before);
            simulator.clock().advanceHours(18);
        }

        List<Long> expectedCalls = new ArrayList<>();
        for (int day = 0; day < pages + 2; day++) {
            expectedCalls.add(day < pages ? 1L : 0L);
        }
        assertThat(stargazerCallsPerDay).as("stargazer pages asked for per day").isEqualTo(expectedCalls);

        LocalDate firstStar = LocalDate.ofInstant(truth.stargazers(tracked).get(0).starredAt(), ZoneOffset.UTC);

        JsonPath served = Gql.admin("{ repository(owner: \"octo\", name: \"hello\") { stats { date stars forks } } }");
        List<String> dates = served.getList("data.repository.stats.date", String.class);
        List<Integer> stars = served.getList("data.repository.stats.stars", Integer.class);
        List<Integer> forks = served.getList("data.repository.stats.forks", Integer.class);

        List<String> expectedDates = firstStar.datesUntil(firstDay.plusDays(pages + 2)).map(LocalDate::toString).toList();
        assertThat(dates).isEqualTo(expectedDates);
        for (int i = 0; i < dates.size(); i++) {
            LocalDate day = LocalDate.parse(dates.get(i));
            if (day.isBefore(firstDay)) {
                assertThat(stars.get(i)).as("backfilled stars of %s", day)
                        .isEqualTo(countedOnThePageThatEnds(truth, tracked, pages, day));
                assertThat(forks.get(i)).as("only stars are backfilled: forks of %s", day).isNull();
            } else {
                assertThat(stars.get(i)).as("fetched stars of %s", day).isEqualTo(fetchedStars.get(day));
                assertThat(forks.get(i)).as("fetched forks of %s", day).isNotNull();
            }
        }
    }

    /**
     * The stars of a past day as the stargazer list counts them (those who starred by the end of
     * the day and still do), on the list as it was when the page holding the day's last star was
     * read: page k on day k (a star taken back meanwhile is no longer counted).
     */
    private static int countedOnThePageThatEnds(GroundTruth truth, Instant tracked, int pages, LocalDate day) {
        for (int page = 1; ; page++) {
            List<Instant> listed = truth.stargazers(tracked.plus(Duration.ofDays(page - 1))).stream()
                    .map(RepositoryActivity.Star::starredAt).toList();
            Instant lastOfPage = listed.get(Math.min(listed.size(), page * 100) - 1);
            if (page == pages || day.isBefore(LocalDate.ofInstant(lastOfPage, ZoneOffset.UTC))) {
                return (int) listed.stream().filter(at -> !LocalDate.ofInstant(at, ZoneOffset.UTC).isAfter(day)).count();
            }
        }
    }

    private static void sync() {
        Gql.admin("mutation { syncRepository(owner: \"octo\", name: \"hello\") { syncedAt } }");
    }
}
