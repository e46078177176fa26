package io.tidemark.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncOutcome;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.port.out.SourceFailure;
import io.tidemark.core.testing.InMemoryTrafficStore;
import io.tidemark.core.testing.MutableClock;
import io.tidemark.core.testing.ScriptedTrafficSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sync policy of {@link SyncService}: day windows on every sync, week windows and snapshots at
 * most once per (GitHub's) UTC day.
 */
class SyncPolicyTest {

    private static final RepositoryId HELLO = RepositoryId.of("octo", "hello");
    private static final Duration INTERVAL = Duration.ofHours(6);
    private static final List<String> EVERYTHING = List.of(
            "octo/hello VIEWS DAY", "octo/hello VIEWS WEEK", "octo/hello CLONES DAY", "octo/hello CLONES WEEK",
            "octo/hello referrers", "octo/hello paths");
    private static final List<String> DAY_WINDOWS_ONLY = List.of("octo/hello VIEWS DAY", "octo/hello CLONES DAY");

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-15T01:00:00Z"));
    private final ScriptedTrafficSource source = new ScriptedTrafficSource(clock)
            .repository(HELLO, ScriptedTrafficSource.randomTraffic(1, LocalDate.parse("2024-02-01"), 60));
    private final InMemoryTrafficStore store = new InMemoryTrafficStore();
    private final SyncService sync = new SyncService(source, store, clock, INTERVAL);

    @Test
    void laterSyncsOfTheSameDayFetchOnlyTheDayWindows() {
        store.track(HELLO, clock.instant());

        sync.sync(HELLO);
        assertThat(callsAndReset()).containsExactlyElementsOf(EVERYTHING);

        for (int i = 0; i < 3; i++) {
            clock.advance(INTERVAL);
            assertThat(sync.sync(HELLO)).isInstanceOf(SyncOutcome.Synced.class);
            assertThat(callsAndReset()).as("sync at %s", clock.instant()).containsExactlyElementsOf(DAY_WINDOWS_ONLY);
        }
    }

    @Test
    void theFirstSyncOfANewUtcDayFetchesEverythingAgain() {
        store.track(HELLO, clock.instant());
        clock.set(Instant.parse("2024-03-15T23:59:00Z"));
        sync.sync(HELLO);
        callsAndReset();

        clock.set(Instant.parse("2024-03-16T00:01:00Z"));
        sync.sync(HELLO);

        assertThat(callsAndReset()).containsExactlyElementsOf(EVERYTHING);
        assertThat(store.topReferrers(HELLO, null)).map(TopReferrers::day).contains(LocalDate.parse("2024-03-16"));
    }

    @Test
    void aDailyPartThatFailedIsFetchedAgainOnTheNextSync() {
        store.track(HELLO, clock.instant());
        // the views (day and week) and the daily clones arrive, the weekly clones and the snapshots fail
        source.failAfter(HELLO, 3, () -> new SourceFailure.Upstream("GitHub answered 502", null));
        assertThat(sync.sync(HELLO)).isInstanceOf(SyncOutcome.PartlySynced.class);
        callsAndReset();

        source.heal(HELLO);
        clock.advance(INTERVAL);
        sync.sync(HELLO);

        assertThat(callsAndReset()).containsExactlyElementsOf(EVERYTHING);
        clock.advance(INTERVAL);
        sync.sync(HELLO);
        assertThat(callsAndReset()).containsExactlyElementsOf(DAY_WINDOWS_ONLY);
    }

    @Test
    void aFailedSnapshotMakesTheNextSyncFetchTheDailyPartAgain() {
        store.track(HELLO, clock.instant());
        source.failPart(HELLO, "paths", () -> new SourceFailure.Upstream("GitHub answered 502", null));
        assertThat(sync.sync(HELLO)).isInstanceOf(SyncOutcome.PartlySynced.class);
        assertThat(callsAndReset()).containsExactlyElementsOf(EVERYTHING.subList(0, 5));

        source.heal(HELLO);
        clock.advance(INTERVAL);
        assertThat(sync.sync(HELLO)).isInstanceOf(SyncOutcome.Synced.class);
        assertThat(callsAndReset()).containsExactlyElementsOf(EVERYTHING);

        clock.advance(INTERVAL);
        sync.sync(HELLO);
        assertThat(callsAndReset()).containsExactlyElementsOf(DAY_WINDOWS_ONLY);
    }

    @Test
    void aFailedWeekWindowIsFetchedAgainOnTheNextSyncAlthoughBothSnapshotsWereKept() {
        store.track(HELLO, clock.instant());
        source.failPart(HELLO, "CLONES WEEK", () -> new SourceFailure.Upstream("GitHub answered 502", null));
        assertThat(sync.sync(HELLO)).isInstanceOf(SyncOutcome.PartlySynced.class);
        assertThat(store.topPaths(HELLO, null)).isPresent();
        assertThat(store.topReferrers(HELLO, null)).isPresent();
        callsAndReset();

        source.heal(HELLO);
        clock.advance(INTERVAL);
        sync.sync(HELLO);

        assertThat(callsAndReset()).as("the snapshots of the day are kept, the weekly clones are not")
                .containsExactlyElementsOf(EVERYTHING);
    }

    @Test
    void whenTheDailyViewsFailGitHubsDayComesFromTheNextAnswer() {
        store.track(HELLO, clock.instant());
        sync.sync(HELLO);
        callsAndReset();
        clock.advance(INTERVAL);
        source.failPart(HELLO, "VIEWS DAY", () -> new SourceFailure.Upstream("GitHub answered 502", null));

        SyncOutcome outcome = sync.sync(HELLO);

        assertThat(outcome).isInstanceOf(SyncOutcome.PartlySynced.class);
        assertThat(callsAndReset()).as("the views per week are fetched while the day is unknown")
                .containsExactly("octo/hello VIEWS WEEK", "octo/hello CLONES DAY");
    }

    @Test
    void aDayIsGitHubsDayNotTheLocalClocks() {
        // the local clock runs a day ahead of GitHub: snapshots are kept under GitHub's day, so
        // GitHub's day decides, and the second sync of GitHub's day fetches the day windows only
        MutableClock github = new MutableClock(Instant.parse("2024-03-15T10:00:00Z"));
        ScriptedTrafficSource gitHubSource = new ScriptedTrafficSource(github)
                .repository(HELLO, ScriptedTrafficSource.randomTraffic(1, LocalDate.parse("2024-02-01"), 60));
        MutableClock local = new MutableClock(Instant.parse("2024-03-16T10:00:00Z"));
        SyncService skewed = new SyncService(gitHubSource, store, local, INTERVAL);
        store.track(HELLO, local.instant());

        skewed.sync(HELLO);
        github.advance(Duration.ofHours(6));
        local.advance(Duration.ofHours(6));
        int before = gitHubSource.calls().size();
        skewed.sync(HELLO);

        List<String> calls = gitHubSource.calls();
        assertThat(calls.subList(before, calls.size())).containsExactlyElementsOf(DAY_WINDOWS_ONLY);
    }

    @Test
    void overFourWeeksAtTheDefaultIntervalTheCallsAreTwoDayWindowsPerSyncPlusFourADay() {
        store.track(HELLO, clock.instant());
        int syncs = 0;
        for (int hour = 0; hour < 28 * 24; hour += 6) {
            sync.sync(HELLO);
            syncs++;
            clock.advance(INTERVAL);
        }
        assertThat(syncs).isEqualTo(112);
        assertThat(source.calls()).hasSize(2 * syncs + 4 * 28);
    }

    private int seen;

    /** The calls since the last time this was asked. */
    private List<String> callsAndReset() {
        List<String> all = source.calls();
        List<String> recent = all.subList(seen, all.size());
        seen = all.size();
        return recent;
    }
}
