package io.tidemark.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.RepositoryStats;
import io.tidemark.core.model.SyncOutcome;
import io.tidemark.core.port.out.SourceFailure;
import io.tidemark.core.testing.InMemoryTrafficStore;
import io.tidemark.core.testing.MutableClock;
import io.tidemark.core.testing.ScriptedTrafficSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sync policy of the optional stars backfill: no stargazer call when it is off; when it is
 * on, at most the configured pages per repository and UTC day, resumed where the last sync
 * stopped, none once the list is read; the backfilled days never replace a fetched one.
 */
class StarsBackfillPolicyTest {

    private static final RepositoryId HELLO = RepositoryId.of("octo", "hello");
    private static final Duration INTERVAL = Duration.ofHours(6);
    private static final Instant START = Instant.parse("2024-03-15T01:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final ScriptedTrafficSource source = new ScriptedTrafficSource(clock)
            .repository(HELLO, ScriptedTrafficSource.randomTraffic(1, LocalDate.parse("2024-02-01"), 60));
    private final InMemoryTrafficStore store = new InMemoryTrafficStore();
    private final SyncService plain = new SyncService(source, store, source, store, clock, INTERVAL);

    /** 450 stars from 2023-11-01 on, a few a day, two of them after the start: five pages. */
    private static List<Instant> stars() {
        List<Instant> stars = new ArrayList<>();
        for (int i = 0; i < 448; i++) {
            stars.add(Instant.parse("2023-11-01T09:00:00Z").plus(Duration.ofHours(7L * i)));
        }
        stars.add(Instant.parse("2024-03-15T12:00:00Z"));
        stars.add(Instant.parse("2024-03-16T12:00:00Z"));
        return stars;
    }

    @Test
    void offMakesNoStargazerCallAtAll() {
        source.stargazers(HELLO, stars());
        store.track(HELLO, clock.instant());

        for (int i = 0; i < 12; i++) {
            assertThat(plain.sync(HELLO)).isInstanceOf(SyncOutcome.Synced.class);
            clock.advance(INTERVAL);
        }

        assertThat(source.calls()).noneMatch(call -> call.contains("stargazers"));
        assertThat(store.starsBackfill(HELLO)).isEmpty();
        assertThat(store.stats(List.of(HELLO), DateRange.ALL).get(HELLO)).extracting(RepositoryStats::day)
                .containsExactly(LocalDate.parse("2024-03-15"), LocalDate.parse("2024-03-16"), LocalDate.parse("2024-03-17"));
    }

    @Test
    void atMostTheConfiguredPagesADayResumedNextDayUntilTheListIsRead() {
        source.stargazers(HELLO, stars());
        store.track(HELLO, clock.instant());
        SyncService sync = plain.withStarsBackfill(2);
        List<List<String>> pagesPerDay = new ArrayList<>();

        for (int day = 0; day < 5; day++) {
            List<String> pages = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int before = source.calls().size();
                assertThat(sync.sync(HELLO)).isInstanceOf(SyncOutcome.Synced.class);
                source.calls().stream().skip(before).filter(call -> call.contains("stargazers")).forEach(pages::add);
                clock.advance(INTERVAL);
            }
            pagesPerDay.add(pages);
        }

        assertThat(pagesPerDay).containsExactly(
                List.of("octo/hello stargazers 1", "octo/hello stargazers 2"),
                List.of("octo/hello stargazers 3", "octo/hello stargazers 4"),
                List.of("octo/hello stargazers 5"),
                List.of(),
                List.of());
        List<RepositoryStats> kept = store.stats(List.of(HELLO), DateRange.ALL).get(HELLO);
        LocalDate firstStar = LocalDate.parse("2023-11-01");
        LocalDate tracked = LocalDate.parse("2024-03-15");
        assertThat(kept.get(0).day()).isEqualTo(firstStar);
        // the list as read on the third day (2024-03-17), counted day by day
        List<Instant> listed = stars().stream().filter(at -> at.isBefore(Instant.parse("2024-03-17T01:00:00Z"))).toList();
        for (RepositoryStats day : kept) {
            if (day.day().isBefore(tracked)) {
                long expected = listed.stream().filter(at -> !LocalDate.ofInstant(at, ZoneOffset.UTC).isAfter(day.day())).count();
                assertThat(day).as("backfilled %s", day.day())
                        .isEqualTo(new RepositoryStats(day.day(), (int) expected, null, null, null));
            } else {
                int fetched = (int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse("2024-01-01"), day.day());
                assertThat(day).as("fetched %s", day.day()).isEqualTo(new RepositoryStats(day.day(), fetched, 3, 2, 1));
            }
        }
        assertThat(kept).extracting(RepositoryStats::day)
                .containsExactlyElementsOf(firstStar.datesUntil(LocalDate.parse("2024-03-20")).toList());
    }

    @Test
    void aFailedPageCountsAgainstTheDayAndIsAskedForAgain() {
        source.stargazers(HELLO, stars());
        store.track(HELLO, clock.instant());
        SyncService sync = plain.withStarsBackfill(2);
        source.failPart(HELLO, "stargazers 1", () -> new SourceFailure.Upstream("GitHub answered 502", null));

        SyncOutcome first = sync.sync(HELLO);
        assertThat(first).isInstanceOf(SyncOutcome.PartlySynced.class);
        assertThat(((SyncOutcome.PartlySynced) first).failed()).extracting(SyncOutcome.FailedPart::part)
                .containsExactly(SyncOutcome.Part.STARS_BACKFILL);
        assertThat(store.find(HELLO).orElseThrow().sync().lastError()).isEqualTo("stars backfill failed: GitHub answered 502");
        clock.advance(INTERVAL);
        assertThat(sync.sync(HELLO)).as("the second call of the day, failed too").isInstanceOf(SyncOutcome.PartlySynced.class);
        clock.advance(INTERVAL);
        assertThat(sync.sync(HELLO)).as("no call left today").isInstanceOf(SyncOutcome.Synced.class);

        assertThat(store.starsBackfill(HELLO)).hasValueSatisfying(progress -> {
            assertThat(progress.nextPage()).isEqualTo(1);
            assertThat(progress.callsOn(LocalDate.parse("2024-03-15"))).isEqualTo(2);
        });

        source.heal(HELLO);
        clock.set(Instant.parse("2024-03-16T00:30:00Z"));
        int before = source.calls().size();
        assertThat(sync.sync(HELLO)).isInstanceOf(SyncOutcome.Synced.class);
        assertThat(source.calls().subList(before, source.calls().size())).filteredOn(call -> call.contains("stargazers"))
                .containsExactly("octo/hello stargazers 1", "octo/hello stargazers 2");
    }

    @Test
    void aBackfilledDayNeverReplacesFetchedOrImportedStars() {
        LocalDate imported = LocalDate.parse("2024-03-01");
        store.track(HELLO, clock.instant());
        store.saveStats(HELLO, RepositoryStats.of(imported, io.tidemark.core.model.HistoryFact.Counter.STARS, 7),
                imported.atStartOfDay(ZoneOffset.UTC).toInstant());
        source.stargazers(HELLO, stars());

        plain.withStarsBackfill(10).sync(HELLO);

        List<RepositoryStats> kept = store.stats(List.of(HELLO), DateRange.ALL).get(HELLO);
        assertThat(kept).filteredOn(day -> day.day().equals(imported)).singleElement()
                .isEqualTo(new RepositoryStats(imported, 7, null, null, null));
        assertThat(kept).filteredOn(day -> day.day().equals(LocalDate.parse("2024-03-15"))).singleElement()
                .isEqualTo(new RepositoryStats(LocalDate.parse("2024-03-15"), 74, 3, 2, 1));
        assertThat(store.starsBackfill(HELLO)).hasValueSatisfying(progress -> assertThat(progress.complete()).isTrue());
    }
}
