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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sync policy for the repository's counters and releases: at most once per (GitHub's) UTC day
 * each, each on the evidence of its own kept data, with the failure isolation of every part.
 */
class StatsSyncPolicyTest {

    private static final RepositoryId HELLO = RepositoryId.of("octo", "hello");
    private static final Duration INTERVAL = Duration.ofHours(6);
    private static final List<String> EVERYTHING = List.of(
            "octo/hello VIEWS DAY", "octo/hello VIEWS WEEK", "octo/hello CLONES DAY", "octo/hello CLONES WEEK",
            "octo/hello referrers", "octo/hello paths", "octo/hello counters", "octo/hello releases");
    private static final List<String> DAY_WINDOWS_ONLY = List.of("octo/hello VIEWS DAY", "octo/hello CLONES DAY");

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-15T01:00:00Z"));
    private final ScriptedTrafficSource source = new ScriptedTrafficSource(clock)
            .repository(HELLO, ScriptedTrafficSource.randomTraffic(1, LocalDate.parse("2024-02-01"), 60));
    private final InMemoryTrafficStore store = new InMemoryTrafficStore();
    private final SyncService sync = new SyncService(source, store, source, store, clock, INTERVAL);

    @Test
    void countersAndReleasesAreFetchedOncePerUtcDay() {
        store.track(HELLO, clock.instant());

        assertThat(sync.sync(HELLO)).isInstanceOf(SyncOutcome.Synced.class);
        assertThat(calls()).containsExactlyElementsOf(EVERYTHING);
        for (int i = 0; i < 3; i++) {
            clock.advance(INTERVAL);
            assertThat(sync.sync(HELLO)).isInstanceOf(SyncOutcome.Synced.class);
            assertThat(calls()).as("sync at %s", clock.instant()).containsExactlyElementsOf(DAY_WINDOWS_ONLY);
        }

        clock.set(Instant.parse("2024-03-16T00:30:00Z"));
        sync.sync(HELLO);

        assertThat(calls()).containsExactlyElementsOf(EVERYTHING);
        assertThat(store.stats(List.of(HELLO), DateRange.ALL).get(HELLO)).containsExactly(
                new RepositoryStats(LocalDate.parse("2024-03-15"), 74, 3, 2, 1),
                new RepositoryStats(LocalDate.parse("2024-03-16"), 75, 3, 2, 1));
        assertThat(store.releases(HELLO, 10)).singleElement().satisfies(release ->
                assertThat(release.downloadsPerDay()).extracting(d -> d.count()).containsExactly(10L));
    }

    @Test
    void failedCountersAreFetchedAgainOnTheNextSyncAndKeptReleasesAreNot() {
        store.track(HELLO, clock.instant());
        source.failPart(HELLO, "counters", () -> new SourceFailure.Upstream("GitHub answered 502", null));

        SyncOutcome outcome = sync.sync(HELLO);

        assertThat(outcome).isInstanceOf(SyncOutcome.PartlySynced.class);
        SyncOutcome.PartlySynced partly = (SyncOutcome.PartlySynced) outcome;
        assertThat(partly.failed()).extracting(SyncOutcome.FailedPart::part)
                .containsExactly(SyncOutcome.Part.REPOSITORY_STATS);
        assertThat(partly.kept()).contains(SyncOutcome.Part.RELEASES);
        assertThat(store.find(HELLO).orElseThrow().sync().lastError()).isEqualTo(
                "repository counters failed: GitHub answered 502");
        assertThat(store.hasReleasesOf(HELLO, LocalDate.parse("2024-03-15"))).isTrue();
        calls();

        source.heal(HELLO);
        clock.advance(INTERVAL);
        assertThat(sync.sync(HELLO)).isInstanceOf(SyncOutcome.Synced.class);

        // the week windows and snapshots follow the rule of the daily part (the last sync was not
        // clean); the releases of the day are kept and not fetched again
        assertThat(calls()).contains("octo/hello counters").doesNotContain("octo/hello releases");
        clock.advance(INTERVAL);
        sync.sync(HELLO);
        assertThat(calls()).containsExactlyElementsOf(DAY_WINDOWS_ONLY);
    }

    @Test
    void failedReleasesAloneAreFetchedAgain() {
        store.track(HELLO, clock.instant());
        source.failPart(HELLO, "releases", () -> new SourceFailure.Upstream("GitHub answered 502", null));
        assertThat(sync.sync(HELLO)).isInstanceOf(SyncOutcome.PartlySynced.class);
        assertThat(store.stats(List.of(HELLO), DateRange.ALL).get(HELLO)).hasSize(1);
        calls();

        source.heal(HELLO);
        clock.advance(INTERVAL);
        sync.sync(HELLO);

        assertThat(calls()).contains("octo/hello releases").doesNotContain("octo/hello counters");
    }

    @Test
    void whenEveryWindowFailsTheCountersTellGitHubsDay() {
        store.track(HELLO, clock.instant());
        sync.sync(HELLO);
        calls();
        clock.set(Instant.parse("2024-03-16T00:30:00Z"));
        for (String window : List.of("VIEWS DAY", "VIEWS WEEK", "CLONES DAY")) {
            source.failPart(HELLO, window, () -> new SourceFailure.Upstream("GitHub answered 502", null));
        }

        assertThat(sync.sync(HELLO)).isInstanceOf(SyncOutcome.Failed.class);
        assertThat(calls()).as("three failed parts: GitHub is down, nothing more is tried").isEmpty();

        source.heal(HELLO);
        source.failPart(HELLO, "VIEWS DAY", () -> new SourceFailure.Upstream("GitHub answered 502", null));
        source.failPart(HELLO, "CLONES DAY", () -> new SourceFailure.Upstream("GitHub answered 502", null));
        sync.sync(HELLO);

        assertThat(calls()).contains("octo/hello counters", "octo/hello releases");
        assertThat(store.hasReleasesOf(HELLO, LocalDate.parse("2024-03-16"))).isTrue();
    }

    @Test
    void aSyncWithoutAStatsSourceFetchesNoCountersNorReleases() {
        store.track(HELLO, clock.instant());

        new SyncService(source, store, clock, INTERVAL).sync(HELLO);

        assertThat(calls()).doesNotContain("octo/hello counters", "octo/hello releases");
        assertThat(store.stats(List.of(HELLO), DateRange.ALL).get(HELLO)).isEmpty();
    }

    private int seen;

    /** The calls since the last time this was asked. */
    private List<String> calls() {
        List<String> all = source.calls();
        List<String> recent = all.subList(seen, all.size());
        seen = all.size();
        return recent;
    }
}
