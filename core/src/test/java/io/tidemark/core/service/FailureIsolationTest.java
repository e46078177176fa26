package io.tidemark.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.StarsBackfill;
import io.tidemark.core.model.SyncOutcome;
import io.tidemark.core.model.SyncOutcome.FailedPart;
import io.tidemark.core.model.SyncOutcome.Part;
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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * One failed answer costs only itself: every part of a sync (a window or a snapshot) is fetched
 * and kept on its own, an upstream failure of one part never stops the others, and a sync with a
 * failed part is not a success.
 */
class FailureIsolationTest {

    private static final RepositoryId HELLO = RepositoryId.of("octo", "hello");
    private static final RepositoryId WORLD = RepositoryId.of("octo", "world");
    private static final Duration INTERVAL = Duration.ofHours(6);
    private static final Instant NOW = Instant.parse("2024-03-15T10:00:00Z");

    /** How the scripted source names each part in its calls. */
    private static String call(Part part) {
        return switch (part) {
            case VIEWS_PER_DAY -> "VIEWS DAY";
            case VIEWS_PER_WEEK -> "VIEWS WEEK";
            case CLONES_PER_DAY -> "CLONES DAY";
            case CLONES_PER_WEEK -> "CLONES WEEK";
            case TOP_REFERRERS -> "referrers";
            case POPULAR_PATHS -> "paths";
            case REPOSITORY_STATS -> "counters";
            case RELEASES -> "releases";
            case STARS_BACKFILL -> "stargazers 1";
        };
    }

    private static SourceFailure.Upstream upstream(Part part) {
        return new SourceFailure.Upstream("GitHub answered 502 for " + call(part) + " (gave up after 4 attempts)", null);
    }

    private final MutableClock clock = new MutableClock(NOW);
    private final ScriptedTrafficSource source = new ScriptedTrafficSource(clock)
            .repository(HELLO, ScriptedTrafficSource.randomTraffic(1, LocalDate.parse("2024-02-01"), 60))
            .repository(WORLD, ScriptedTrafficSource.randomTraffic(2, LocalDate.parse("2024-02-01"), 60));
    private final InMemoryTrafficStore store = new InMemoryTrafficStore();
    private final SyncService sync = new SyncService(source, store, clock, INTERVAL);

    /**
     * Whatever parts fail upstream, every other part is fetched and kept, the outcome names
     * exactly the failed parts in the order they were fetched, and the last success stays where
     * it was. The one exception: when the first three parts all fail, the source is down and
     * the sync stops as a failure.
     */
    @Property(tries = 200)
    void everyPartThatDidNotFailIsKept(@ForAll @Size(min = 1) Set<Part> failing) {
        MutableClock clock = new MutableClock(NOW);
        ScriptedTrafficSource source = new ScriptedTrafficSource(clock)
                .repository(HELLO, ScriptedTrafficSource.randomTraffic(1, LocalDate.parse("2024-02-01"), 60));
        InMemoryTrafficStore store = new InMemoryTrafficStore();
        store.track(HELLO, NOW.minus(Duration.ofDays(1)));
        source.stargazers(HELLO, List.of(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(2))));
        failing.forEach(part -> source.failPart(HELLO, call(part), () -> upstream(part)));

        SyncOutcome outcome = new SyncService(source, store, source, store, clock, INTERVAL).withStarsBackfill(1).sync(HELLO);

        List<Part> inOrder = Arrays.stream(Part.values()).toList();
        List<Part> failed = inOrder.stream().filter(failing::contains).toList();
        List<Part> kept = inOrder.stream().filter(part -> !failing.contains(part)).toList();
        SyncStatus status = store.find(HELLO).orElseThrow().sync();
        assertThat(status.lastSuccessAt()).isNull();
        assertThat(status.lastAttemptAt()).isEqualTo(NOW);
        assertThat(status.nextDueAt()).isEqualTo(NOW.plus(INTERVAL));
        if (failing.containsAll(inOrder.subList(0, SyncService.PARTS_BEFORE_GIVING_UP))) {
            assertThat(outcome).isInstanceOf(SyncOutcome.Failed.class);
            assertThat(((SyncOutcome.Failed) outcome).reason()).isEqualTo(SyncOutcome.Reason.UPSTREAM_ERROR);
            assertThat(source.calls()).as("the source is down: the rest is not tried").isEmpty();
            assertThat(Arrays.stream(Part.values())).noneMatch(part -> isKept(store, part));
            assertThat(status.lastError()).contains("views per day failed", "views per week failed",
                    "clones per day failed");
            return;
        }
        assertThat(outcome).isInstanceOf(SyncOutcome.PartlySynced.class);
        SyncOutcome.PartlySynced partly = (SyncOutcome.PartlySynced) outcome;
        assertThat(partly.kept()).containsExactlyElementsOf(kept);
        assertThat(partly.failed()).extracting(FailedPart::part).containsExactlyElementsOf(failed);
        assertThat(partly.failed()).allSatisfy(f -> assertThat(f.message()).isEqualTo(upstream(f.part()).getMessage()));
        assertThat(kept).allMatch(part -> isKept(store, part));
        assertThat(failed).noneMatch(part -> isKept(store, part));
        assertThat(status.lastError()).isEqualTo(partly.message());
        assertThat(failed).allSatisfy(part -> assertThat(status.lastError()).contains(part.label() + " failed"));
    }

    @Test
    void aPersistentFailureOfTheClonesKeepsTheViewsAndSnapshotsAndSaysSo() {
        store.track(HELLO, NOW);
        source.failPart(HELLO, "CLONES DAY", () -> upstream(Part.CLONES_PER_DAY));
        source.failPart(HELLO, "CLONES WEEK", () -> upstream(Part.CLONES_PER_WEEK));

        SyncOutcome outcome = sync.sync(HELLO);

        assertThat(outcome).isEqualTo(new SyncOutcome.PartlySynced(HELLO, NOW,
                List.of(Part.VIEWS_PER_DAY, Part.VIEWS_PER_WEEK, Part.TOP_REFERRERS, Part.POPULAR_PATHS),
                List.of(new FailedPart(Part.CLONES_PER_DAY, upstream(Part.CLONES_PER_DAY).getMessage()),
                        new FailedPart(Part.CLONES_PER_WEEK, upstream(Part.CLONES_PER_WEEK).getMessage()))));
        assertThat(store.find(HELLO).orElseThrow().sync().lastError()).isEqualTo(
                "clones per day failed: GitHub answered 502 for CLONES DAY (gave up after 4 attempts);"
                        + " clones per week failed: GitHub answered 502 for CLONES WEEK (gave up after 4 attempts)");
        assertThat(isKept(store, Part.VIEWS_PER_WEEK)).isTrue();
        assertThat(isKept(store, Part.CLONES_PER_DAY)).isFalse();
    }

    @Test
    void aRepositorySyncedOnlyInPartForElevenDaysIsStale() {
        store.track(HELLO, NOW);
        source.failPart(HELLO, "referrers", () -> upstream(Part.TOP_REFERRERS));

        for (int i = 0; i < 11 * 4; i++) {
            assertThat(sync.sync(HELLO)).isInstanceOf(SyncOutcome.PartlySynced.class);
            clock.advance(INTERVAL);
        }

        assertThat(store.find(HELLO).orElseThrow().isStale(clock.instant()))
                .as("kept views and clones do not make up for a part that never arrives").isTrue();
        source.heal(HELLO);
        assertThat(sync.sync(HELLO)).isInstanceOf(SyncOutcome.Synced.class);
        assertThat(store.find(HELLO).orElseThrow().isStale(clock.instant())).isFalse();
        assertThat(store.find(HELLO).orElseThrow().sync().lastError()).isNull();
    }

    @Test
    void aRateLimitStillStopsTheSyncAfterAFailedPart() {
        store.track(HELLO, NOW);
        Instant reset = NOW.plus(Duration.ofMinutes(30));
        source.failPart(HELLO, "VIEWS WEEK", () -> upstream(Part.VIEWS_PER_WEEK));
        source.failPart(HELLO, "CLONES DAY", () -> new SourceFailure.RateLimited("rate limited until " + reset, reset));

        assertThat(sync.sync(HELLO)).isEqualTo(new SyncOutcome.RateLimited(HELLO, reset));

        assertThat(source.calls()).containsExactly("octo/hello VIEWS DAY");
        SyncStatus status = store.find(HELLO).orElseThrow().sync();
        assertThat(status.nextDueAt()).isEqualTo(reset);
        assertThat(status.lastSuccessAt()).isNull();
    }

    @Test
    void badCredentialsStillStopTheSync() {
        store.track(HELLO, NOW);
        source.failPart(HELLO, "VIEWS WEEK", () -> new SourceFailure.BadCredentials("GitHub rejected the token"));

        SyncOutcome outcome = sync.sync(HELLO);

        assertThat(outcome).isEqualTo(new SyncOutcome.Failed(
                HELLO, SyncOutcome.Reason.BAD_CREDENTIALS, "GitHub rejected the token"));
        assertThat(source.calls()).containsExactly("octo/hello VIEWS DAY");
        assertThat(store.find(HELLO).orElseThrow().sync().lastError()).isEqualTo("GitHub rejected the token");
    }

    @Test
    void aRepositoryThatIsGoneOrForbiddenStillStopsTheSync() {
        store.track(HELLO, NOW);
        source.failPart(HELLO, "CLONES DAY", () -> new SourceFailure.NotFound("GitHub found nothing"));
        store.track(WORLD, NOW);
        source.failPart(WORLD, "CLONES DAY", () -> new SourceFailure.NotPermitted("Must have push access"));

        assertThat(sync.sync(HELLO)).isInstanceOf(SyncOutcome.Failed.class)
                .extracting(o -> ((SyncOutcome.Failed) o).reason()).isEqualTo(SyncOutcome.Reason.NOT_FOUND);
        assertThat(sync.sync(WORLD)).isInstanceOf(SyncOutcome.Failed.class)
                .extracting(o -> ((SyncOutcome.Failed) o).reason()).isEqualTo(SyncOutcome.Reason.NOT_PERMITTED);
        assertThat(source.calls()).containsExactly(
                "octo/hello VIEWS DAY", "octo/hello VIEWS WEEK", "octo/world VIEWS DAY", "octo/world VIEWS WEEK");
    }

    @Test
    void aScheduledRunCountsAPartlySyncedRepositoryApart() {
        store.track(HELLO, NOW);
        store.track(WORLD, NOW);
        source.failPart(WORLD, "paths", () -> upstream(Part.POPULAR_PATHS));

        SyncRun run = new SyncDueRepositoriesService(sync, store, clock).syncDue();

        assertThat(run).isEqualTo(new SyncRun(1, 1, 0, 0, 0, null));
        assertThat(store.find(WORLD).orElseThrow().sync().nextDueAt()).isEqualTo(NOW.plus(INTERVAL));
    }

    private static boolean isKept(InMemoryTrafficStore store, Part part) {
        return switch (part) {
            case VIEWS_PER_DAY -> !series(store, TrafficKind.VIEWS, Granularity.DAY).isEmpty();
            case VIEWS_PER_WEEK -> !series(store, TrafficKind.VIEWS, Granularity.WEEK).isEmpty();
            case CLONES_PER_DAY -> !series(store, TrafficKind.CLONES, Granularity.DAY).isEmpty();
            case CLONES_PER_WEEK -> !series(store, TrafficKind.CLONES, Granularity.WEEK).isEmpty();
            case TOP_REFERRERS -> store.topReferrers(HELLO, null).isPresent();
            case POPULAR_PATHS -> store.topPaths(HELLO, null).isPresent();
            case REPOSITORY_STATS -> store.stats(List.of(HELLO), DateRange.ALL).get(HELLO).stream()
                    .anyMatch(day -> day.forks() != null);
            case RELEASES -> !store.releases(HELLO, 10).isEmpty();
            case STARS_BACKFILL -> store.starsBackfill(HELLO).filter(StarsBackfill::complete).isPresent();
        };
    }

    private static List<?> series(InMemoryTrafficStore store, TrafficKind kind, Granularity granularity) {
        return store.series(List.of(HELLO), kind, granularity, DateRange.ALL).get(HELLO);
    }
}
