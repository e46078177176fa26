package io.tidemark.core.service;

import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.ReleaseList;
import io.tidemark.core.model.RepositoryCounters;
import io.tidemark.core.model.RepositoryStats;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncOutcome;
import io.tidemark.core.model.SyncStatus;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.port.in.SyncRepositoryUseCase;
import io.tidemark.core.port.out.RepositoryStatsSource;
import io.tidemark.core.port.out.RepositoryStatsStore;
import io.tidemark.core.port.out.SourceFailure;
import io.tidemark.core.port.out.TrafficSource;
import io.tidemark.core.port.out.TrafficStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Implements {@link SyncRepositoryUseCase}: fetches the windows and snapshots of a repository that
 * can hold new data and keeps each as soon as it arrives.
 *
 * <p>The sync policy: never spend a GitHub call that cannot return new data.
 *
 * <ul>
 *   <li>The day windows (views, clones) are fetched on every sync: today's bucket grows all day,
 *       so the sync interval decides how fresh they are. When nothing changed, GitHub answers
 *       {@code 304} to the conditional request, which costs no budget.
 *   <li>The week windows and the referrer and path snapshots (the daily part) are fetched at most
 *       once per UTC day. GitHub recomputes referrers and paths once a day; a week window adds
 *       nothing the day windows do not already refresh except the weekly uniques, and one fetch a
 *       day keeps every week complete (a week is complete in any window fetched in the 7 days
 *       after its Sunday).
 *   <li>"Today" is GitHub's day: the {@code Date} of the first answer of the sync (the daily
 *       views, or the next part when they failed), so that it matches the day the snapshots are
 *       kept under. The daily part is done for the day when the store already keeps a referrer
 *       and a path snapshot of that day and the repository's last sync ended without an error:
 *       after a sync that failed wholly or in part, the whole daily part is fetched again (a
 *       repeat is usually a free {@code 304}). Until the day is known, the daily part counts as
 *       not done.
 *   <li>The repository's counters and its releases (when the service has a {@link
 *       RepositoryStatsSource} and a {@link RepositoryStatsStore}) are fetched at most once per UTC
 *       day too, each on the evidence of its own: the counters when the store keeps no counters of
 *       GitHub's day with every counter seen, the releases when it keeps no release list of that
 *       day. A part that failed is so fetched again on the next sync, and one that was kept is
 *       not, whatever else failed. Until the day is known, they count as not done; the counters'
 *       answer then tells the day. The releases are one call for up to 100 releases (further pages
 *       only when the first is full).
 * </ul>
 *
 * The policy needs no state of its own: the kept snapshots and the recorded sync status are the
 * record of the daily part.
 *
 * <p>One failed answer costs only itself. Each part ({@link SyncOutcome.Part}: a window or a
 * snapshot) is fetched and kept on its own: when the source fails for one part even after its
 * retries, or answers something unusable ({@link SourceFailure.Upstream}), the part is recorded
 * as failed and the others are still fetched and kept. The outcome is then {@link
 * SyncOutcome.PartlySynced}: the repository's last success is not advanced, its last error names
 * each failed part and why, and it is due again after the interval. Failures that concern the
 * whole repository or the credentials stop the sync at once, as does a spent rate limit: {@link
 * SourceFailure.BadCredentials}, {@link SourceFailure.NotPermitted}, {@link
 * SourceFailure.NotFound}, {@link SourceFailure.RateLimited}. A sync that keeps nothing is {@link
 * SyncOutcome.Failed}; when the first {@value #PARTS_BEFORE_GIVING_UP} parts it tries all fail,
 * the source is taken to be down and the sync stops there, without spending retries on the rest.
 */
public final class SyncService implements SyncRepositoryUseCase {

    /** Failed parts, with nothing kept yet, after which the source is taken to be down. */
    static final int PARTS_BEFORE_GIVING_UP = 3;

    private final TrafficSource source;
    private final TrafficStore store;
    private final RepositoryStatsSource statsSource;
    private final RepositoryStatsStore statsStore;
    private final Clock clock;
    private final Duration interval;

    /**
     * @param interval how long after a sync the repository is due again
     */
    public SyncService(TrafficSource source, TrafficStore store, Clock clock, Duration interval) {
        this(source, store, Optional.empty(), clock, interval);
    }

    /**
     * A sync that also fetches and keeps the repository's counters and releases, once per UTC day.
     *
     * @param statsSource where counters and releases come from (usually the same object as
     *     {@code source})
     * @param statsStore where they are kept (the same store as {@code store}: its repositories)
     * @param interval how long after a sync the repository is due again
     */
    public SyncService(TrafficSource source, TrafficStore store, RepositoryStatsSource statsSource,
            RepositoryStatsStore statsStore, Clock clock, Duration interval) {
        this(source, store, Optional.of(new Stats(
                Objects.requireNonNull(statsSource, "statsSource"), Objects.requireNonNull(statsStore, "statsStore"))),
                clock, interval);
    }

    private record Stats(RepositoryStatsSource source, RepositoryStatsStore store) {}

    private SyncService(TrafficSource source, TrafficStore store, Optional<Stats> stats, Clock clock, Duration interval) {
        this.source = Objects.requireNonNull(source);
        this.store = Objects.requireNonNull(store);
        this.statsSource = stats.map(Stats::source).orElse(null);
        this.statsStore = stats.map(Stats::store).orElse(null);
        this.clock = Objects.requireNonNull(clock);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the sync interval must be positive, was " + interval);
        }
        this.interval = interval;
    }

    /** The source is down: the first parts of a sync all failed. */
    private static final class SourceDown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SourceDown() {
            super(null, null, false, false);
        }
    }

    /** The parts of one sync: what was kept and what failed, in order. */
    private static final class Parts {
        final List<SyncOutcome.Part> kept = new ArrayList<>();
        final List<SyncOutcome.FailedPart> failed = new ArrayList<>();

        /**
         * Fetches and keeps one part; an upstream failure is recorded and leaves the part
         * unkept. Returns whether the part was kept.
         *
         * @throws SourceFailure every other failure, which stops the sync
         * @throws SourceDown when this was one failed part too many with nothing kept
         */
        boolean keep(SyncOutcome.Part part, Runnable fetchAndKeep) {
            try {
                fetchAndKeep.run();
            } catch (SourceFailure.Upstream failure) {
                failed.add(new SyncOutcome.FailedPart(part, failure.getMessage()));
                if (kept.isEmpty() && failed.size() >= PARTS_BEFORE_GIVING_UP) {
                    throw new SourceDown();
                }
                return false;
            }
            kept.add(part);
            return true;
        }

        String failures() {
            return SyncOutcome.FailedPart.describe(failed);
        }
    }

    @Override
    public SyncOutcome sync(RepositoryId repository) {
        TrackedRepository tracked = store.find(repository)
                .orElseThrow(() -> new NoSuchElementException(repository + " is not tracked"));
        Instant startedAt = clock.instant();
        Instant lastSuccess = tracked.sync().lastSuccessAt();
        boolean lastSyncClean = tracked.sync().lastError() == null;
        Parts parts = new Parts();
        try {
            LocalDate[] githubDay = new LocalDate[1];
            boolean dayKnown = false;
            boolean dailyPartDone = false;
            for (TrafficKind kind : TrafficKind.values()) {
                for (Granularity granularity : Granularity.values()) {
                    if (granularity == Granularity.WEEK && dailyPartDone) {
                        continue;
                    }
                    Instant[] answeredAt = new Instant[1];
                    boolean kept = parts.keep(SyncOutcome.Part.window(kind, granularity), () -> {
                        TrafficWindow window = source.fetchWindow(repository, kind, granularity);
                        store.merge(repository, window.observations());
                        answeredAt[0] = window.fetchedAt();
                    });
                    if (kept && !dayKnown) {
                        dayKnown = true;
                        githubDay[0] = LocalDate.ofInstant(answeredAt[0], ZoneOffset.UTC);
                        dailyPartDone = lastSyncClean && dailyPartDone(repository, githubDay[0]);
                    }
                }
            }
            if (!dailyPartDone) {
                parts.keep(SyncOutcome.Part.TOP_REFERRERS,
                        () -> store.save(repository, source.fetchTopReferrers(repository)));
                parts.keep(SyncOutcome.Part.POPULAR_PATHS,
                        () -> store.save(repository, source.fetchTopPaths(repository)));
            }
            if (statsSource != null) {
                if (githubDay[0] == null || !countersKept(repository, githubDay[0])) {
                    parts.keep(SyncOutcome.Part.REPOSITORY_STATS, () -> {
                        RepositoryCounters counters = statsSource.fetchCounters(repository);
                        statsStore.saveStats(repository, counters.stats(), counters.fetchedAt());
                        if (githubDay[0] == null) {
                            githubDay[0] = counters.day();
                        }
                    });
                }
                if (githubDay[0] == null || !statsStore.hasReleasesOf(repository, githubDay[0])) {
                    parts.keep(SyncOutcome.Part.RELEASES, () -> {
                        ReleaseList releases = statsSource.fetchReleases(repository);
                        statsStore.saveReleases(repository, releases);
                    });
                }
            }
        } catch (SourceDown down) {
            // falls through: nothing was kept, which makes the sync a failure below
        } catch (SourceFailure.RateLimited limited) {
            store.recordSync(repository, new SyncStatus(
                    lastSuccess, startedAt, limited.getMessage(), limited.resumeAt()));
            return new SyncOutcome.RateLimited(repository, limited.resumeAt());
        } catch (SourceFailure failure) {
            store.recordSync(repository, new SyncStatus(
                    lastSuccess, startedAt, failure.getMessage(), startedAt.plus(interval)));
            return new SyncOutcome.Failed(repository, reasonOf(failure), failure.getMessage());
        }
        if (parts.kept.isEmpty()) {
            String message = parts.failures();
            store.recordSync(repository, new SyncStatus(lastSuccess, startedAt, message, startedAt.plus(interval)));
            return new SyncOutcome.Failed(repository, SyncOutcome.Reason.UPSTREAM_ERROR, message);
        }
        if (!parts.failed.isEmpty()) {
            SyncOutcome.PartlySynced partly =
                    new SyncOutcome.PartlySynced(repository, startedAt, parts.kept, parts.failed);
            store.recordSync(repository, new SyncStatus(
                    lastSuccess, startedAt, partly.message(), startedAt.plus(interval)));
            return partly;
        }
        Instant syncedAt = clock.instant();
        store.recordSync(repository, new SyncStatus(syncedAt, startedAt, null, syncedAt.plus(interval)));
        return new SyncOutcome.Synced(repository, syncedAt);
    }

    /** Whether every counter of {@code day} is already kept. */
    private boolean countersKept(RepositoryId repository, LocalDate day) {
        return statsStore.stats(List.of(repository), new DateRange(day, day)).getOrDefault(repository, List.of())
                .stream().anyMatch(RepositoryStats::hasEveryCounter);
    }

    /** Whether the week windows and snapshots of {@code day} were already fetched and kept. */
    private boolean dailyPartDone(RepositoryId repository, LocalDate day) {
        return store.topPaths(repository, day).filter(paths -> paths.day().equals(day)).isPresent()
                && store.topReferrers(repository, day).filter(referrers -> referrers.day().equals(day)).isPresent();
    }

    static SyncOutcome.Reason reasonOf(SourceFailure failure) {
        if (failure instanceof SourceFailure.BadCredentials) {
            return SyncOutcome.Reason.BAD_CREDENTIALS;
        }
        if (failure instanceof SourceFailure.NotPermitted) {
            return SyncOutcome.Reason.NOT_PERMITTED;
        }
        if (failure instanceof SourceFailure.NotFound) {
            return SyncOutcome.Reason.NOT_FOUND;
        }
        return SyncOutcome.Reason.UPSTREAM_ERROR;
    }
}
