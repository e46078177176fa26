package io.tidemark.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The backfilled star history: a stargazer list read page by page, in any number of sittings,
 * gives for every day from the first star's day to the day of the last answer the number of
 * stargazers who had starred by the end of that day; no day before the first star.
 */
class StarsBackfillProperties {

    private static final Instant NOW = Instant.parse("2024-03-15T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2024-03-15");

    /** The oracle: counted on the whole list, day by day. */
    private static List<RepositoryStats> expected(List<Instant> stars, LocalDate until) {
        List<RepositoryStats> days = new ArrayList<>();
        if (stars.isEmpty()) {
            return days;
        }
        LocalDate first = stars.stream().map(StarsBackfillProperties::day).min(LocalDate::compareTo).orElseThrow();
        for (LocalDate d = first; !d.isAfter(until); d = d.plusDays(1)) {
            LocalDate end = d;
            int count = (int) stars.stream().filter(at -> !day(at).isAfter(end)).count();
            days.add(new RepositoryStats(d, count, null, null, null));
        }
        return days;
    }

    /** Reads the whole list from {@code progress} on, page by page as a source lists it. */
    private static List<RepositoryStats> backfill(List<Instant> stars, int lastPage) {
        List<Instant> sorted = stars.stream().sorted().toList();
        List<RepositoryStats> kept = new ArrayList<>();
        StarsBackfill progress = StarsBackfill.NOT_STARTED;
        while (!progress.complete()) {
            int page = progress.nextPage();
            int from = Math.min(sorted.size(), (page - 1) * StarsBackfill.PER_PAGE);
            int to = Math.min(sorted.size(), from + StarsBackfill.PER_PAGE);
            StarsBackfill.Step step = progress.read(
                    new StargazerPage(NOW, page, sorted.subList(from, to), to >= sorted.size()), lastPage);
            kept.addAll(step.days());
            // a restart between pages: only the record survives
            progress = new StarsBackfill(step.progress().nextPage(), step.progress().pendingFrom(),
                    step.progress().callDay(), step.progress().callsOnCallDay(), step.progress().complete());
        }
        return kept;
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    @Provide
    Arbitrary<List<Instant>> stargazers() {
        Arbitrary<Instant> clustered = Arbitraries.integers().between(0, 40).map(d -> NOW.minusSeconds(86_400L * d)
                .minusSeconds(d * 977L % 86_400));
        Arbitrary<Instant> spread = Arbitraries.longs().between(0, 3L * 365 * 86_400).map(NOW::minusSeconds);
        return Arbitraries.oneOf(clustered, spread).list().ofMaxSize(450);
    }

    @Property(tries = 300)
    void everyDayFromTheFirstStarHoldsTheStarsOfItsEnd(@ForAll("stargazers") List<Instant> stars) {
        assertThat(backfill(stars, 400)).containsExactlyElementsOf(expected(stars, TODAY));
    }

    @Property(tries = 100)
    void aListLongerThanThePagesGitHubListsEndsWithTheLastPageRead(
            @ForAll("stargazers") List<Instant> stars, @ForAll @IntRange(min = 1, max = 5) int lastPage) {
        List<Instant> listed = stars.stream().sorted().limit((long) lastPage * StarsBackfill.PER_PAGE).toList();

        assertThat(backfill(stars, lastPage)).containsExactlyElementsOf(expected(listed, TODAY));
    }

    @Test
    void noStarNoDay() {
        assertThat(backfill(List.of(), 400)).isEmpty();
    }

    @Test
    void aDayStraddlingTwoPagesIsKeptOnceWithAllItsStars() {
        List<Instant> stars = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            stars.add(Instant.parse("2024-03-10T00:00:00Z").plusSeconds(i));
        }
        stars.add(Instant.parse("2024-03-12T08:00:00Z"));

        assertThat(backfill(stars, 400)).containsExactly(
                new RepositoryStats(LocalDate.parse("2024-03-10"), 150, null, null, null),
                new RepositoryStats(LocalDate.parse("2024-03-11"), 150, null, null, null),
                new RepositoryStats(LocalDate.parse("2024-03-12"), 151, null, null, null),
                new RepositoryStats(LocalDate.parse("2024-03-13"), 151, null, null, null),
                new RepositoryStats(LocalDate.parse("2024-03-14"), 151, null, null, null),
                new RepositoryStats(LocalDate.parse("2024-03-15"), 151, null, null, null));
    }
}
