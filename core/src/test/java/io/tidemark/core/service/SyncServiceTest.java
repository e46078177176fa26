package io.tidemark.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncOutcome;
import io.tidemark.core.model.SyncStatus;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.port.in.SyncDueRepositoriesUseCase.SyncRun;
import io.tidemark.core.port.out.SourceFailure;
import io.tidemark.core.testing.InMemoryTrafficStore;
import io.tidemark.core.testing.MutableClock;
import io.tidemark.core.testing.ScriptedTrafficSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class SyncServiceTest {

    private static final RepositoryId HELLO = RepositoryId.of("octo", "hello");
    private static final RepositoryId WORLD = RepositoryId.of("octo", "world");
    private static final RepositoryId OTHER = RepositoryId.of("octo", "other");
    private static final Duration INTERVAL = Duration.ofHours(6);

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-15T10:00:00Z"));
    private final ScriptedTrafficSource source = new ScriptedTrafficSource(clock)
            .repository(HELLO, ScriptedTrafficSource.randomTraffic(1, LocalDate.parse("2024-02-01"), 60))
            .repository(WORLD, ScriptedTrafficSource.randomTraffic(2, LocalDate.parse("2024-02-01"), 60))
            .repository(OTHER, ScriptedTrafficSource.randomTraffic(3, LocalDate.parse("2024-02-01"), 60));
    private final InMemoryTrafficStore store = new InMemoryTrafficStore();
    private final SyncService sync = new SyncService(source, store, clock, INTERVAL);
    private final SyncDueRepositoriesService due = new SyncDueRepositoriesService(sync, store, clock);

    @Test
    void aSyncKeepsFourWindowsAndTwoSnapshotsAndSchedulesTheNext() {
        store.track(HELLO, clock.instant());

        SyncOutcome outcome = sync.sync(HELLO);

        assertThat(outcome).isEqualTo(new SyncOutcome.Synced(HELLO, clock.instant()));
        assertThat(source.calls()).containsExactly(
                "octo/hello VIEWS DAY", "octo/hello VIEWS WEEK", "octo/hello CLONES DAY", "octo/hello CLONES WEEK",
                "octo/hello referrers", "octo/hello paths");
        assertThat(days(HELLO)).hasSize(15);
        assertThat(store.topReferrers(HELLO, null)).isPresent();
        assertThat(store.find(HELLO).orElseThrow().sync())
                .isEqualTo(new SyncStatus(clock.instant(), clock.instant(), null, clock.instant().plus(INTERVAL)));
    }

    @Test
    void aRateLimitPartWayKeepsWhatArrivedAndSaysWhenToResume() {
        store.track(HELLO, clock.instant());
        Instant reset = clock.instant().plus(Duration.ofMinutes(40));
        source.failAfter(HELLO, 1, () -> new SourceFailure.RateLimited("rate limited until " + reset, reset));

        SyncOutcome outcome = sync.sync(HELLO);

        assertThat(outcome).isEqualTo(new SyncOutcome.RateLimited(HELLO, reset));
        assertThat(days(HELLO)).as("the daily views fetched before the limit are kept").hasSize(15);
        SyncStatus status = store.find(HELLO).orElseThrow().sync();
        assertThat(status.lastSuccessAt()).isNull();
        assertThat(status.nextDueAt()).isEqualTo(reset);
        assertThat(status.lastError()).contains("rate limited");
    }

    @Test
    void aFailureIsAnOutcomeRecordedOnTheRepository() {
        store.track(HELLO, clock.instant());
        source.failAfter(HELLO, 0, () -> new SourceFailure.NotPermitted("Must have push access to octo/hello"));

        SyncOutcome outcome = sync.sync(HELLO);

        assertThat(outcome).isEqualTo(new SyncOutcome.Failed(
                HELLO, SyncOutcome.Reason.NOT_PERMITTED, "Must have push access to octo/hello"));
        assertThat(store.find(HELLO).orElseThrow().sync().lastError()).isEqualTo("Must have push access to octo/hello");
        assertThat(days(HELLO)).isEmpty();
    }

    @Test
    void syncingAnUntrackedRepositoryIsAnError() {
        assertThatThrownBy(() -> sync.sync(HELLO)).isInstanceOf(NoSuchElementException.class)
                .hasMessage("octo/hello is not tracked");
    }

    @Test
    void oneRepositoryFailingNeverStopsTheOthers() {
        store.track(HELLO, clock.instant());
        store.track(WORLD, clock.instant());
        store.track(OTHER, clock.instant());
        source.failAfter(WORLD, 0, () -> new SourceFailure.Upstream("GitHub answered 502", null));

        SyncRun run = due.syncDue();

        assertThat(run).isEqualTo(new SyncRun(2, 0, 1, 0, 0, null));
        assertThat(days(HELLO)).isNotEmpty();
        assertThat(days(OTHER)).isNotEmpty();
    }

    @Test
    void aSpentRateLimitEndsTheRunAndTheRestCatchUpAfterTheReset() {
        store.track(HELLO, clock.instant());
        store.track(WORLD, clock.instant());
        store.track(OTHER, clock.instant());
        Instant reset = clock.instant().plus(Duration.ofMinutes(30));
        source.failAfter(WORLD, 0, () -> new SourceFailure.RateLimited("limited", reset));

        SyncRun limited = due.syncDue();

        assertThat(limited.resumeAt()).isEqualTo(reset);
        assertThat(limited.synced() + limited.deferred()).isEqualTo(3);
        assertThat(limited.deferred()).isPositive();

        source.heal(WORLD);
        clock.set(reset);
        SyncRun resumed = due.syncDue();

        assertThat(resumed.synced()).isEqualTo(limited.deferred());
        assertThat(resumed.notDue()).isEqualTo(limited.synced());
        assertThat(List.of(HELLO, WORLD, OTHER)).allSatisfy(r -> assertThat(days(r)).isNotEmpty());
    }

    @Test
    void repositoriesAboutToLoseHistoryAreSyncedFirst() {
        store.track(HELLO, clock.instant());
        store.track(WORLD, clock.instant());
        Instant now = clock.instant();
        store.recordSync(HELLO, new SyncStatus(now.minus(Duration.ofDays(1)), now, null, now.minus(Duration.ofDays(2))));
        store.recordSync(WORLD, new SyncStatus(now.minus(Duration.ofDays(11)), now, "down", now.minus(Duration.ofHours(1))));
        Instant reset = now.plus(Duration.ofMinutes(10));
        source.failAfter(HELLO, 0, () -> new SourceFailure.RateLimited("limited", reset));
        source.failAfter(WORLD, 6, () -> new SourceFailure.RateLimited("limited", reset));

        SyncRun run = due.syncDue();

        assertThat(run.synced()).as("the stale repository went first and got the budget").isEqualTo(1);
        assertThat(source.calls()).allMatch(call -> call.startsWith("octo/world"));
        assertThat(run.deferred()).isEqualTo(1);
    }

    @Test
    void repositoriesAreNotSyncedBeforeTheyAreDue() {
        store.track(HELLO, clock.instant());
        due.syncDue();
        clock.advance(INTERVAL.minusMinutes(1));

        assertThat(due.syncDue()).isEqualTo(new SyncRun(0, 0, 0, 1, 0, null));

        clock.advance(Duration.ofMinutes(1));
        assertThat(due.syncDue().synced()).isEqualTo(1);
    }

    private List<KeptBucket> days(RepositoryId repository) {
        return store.series(List.of(repository), TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL).get(repository);
    }
}
