package io.tidemark.core.service;

import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.ReleaseList;
import io.tidemark.core.model.RepositoryCounters;
import io.tidemark.core.model.RepositoryStats;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.StargazerPage;
import io.tidemark.core.model.StarsBackfill;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

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
 *   <li>The stars backfill ({@link #withStarsBackfill}, off unless asked for): while the
 *       repository's stargazer list is not read to its end, at most {@code maxCallsPerDay} pages of
 *       it per repository and UTC day (GitHub's day, as above; failed calls count), from where the
 *       last sync stopped ({@link StarsBackfill}, kept in the store, so a restart resumes there).
 *       Each page keeps the stars of the days it completes, as seen at the start of their day and
 *       only on days with no stars kept, so a fetched or imported figure is never replaced. Once
 *       the list is read, no call is made for it any more. Two syncs of one repository at once
 *       (a sync asked for while another runs) never backfill at once: the later one skips the
 *       backfill, so the calls stay within the day's bound. GitHub lists {@value #STARGAZER_PAGES}
 *       pages at most (40,000 stars): the backfill ends there.
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
    private final int starsBackfillCalls;
    /** One lock per repository: two syncs of one repository never backfill at once. */
    private final ConcurrentMap<String, ReentrantLock> backfilling = new ConcurrentHashMap<>();

    /** The most stargazer pages GitHub lists (page 401 is refused with 422). */
    static final int STARGAZER_PAGES = 400;

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
        this(source, store, stats, clock, interval, 0);
    }

    private SyncService(TrafficSource source, TrafficStore store, Optional<Stats> stats, Clock clock, Duration interval,
            int starsBackfillCalls) {
        this.starsBackfillCalls = starsBackfillCalls;
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

    /**
     * This sync with the stars backfill on: at most {@code maxCallsPerDay} stargazer pages per
     * repository and UTC day until a repository's list is read to its end (see the class
     * comment). Needs the counters source and store.
     *
     * @param maxCallsPerDay at least 1
     * @throws IllegalStateException when this sync has no counters source and store
     */
    public SyncService withStarsBackfill(int maxCallsPerDay) {
        if (maxCallsPerDay < 1) {
            throw new IllegalArgumentException("the stars backfill needs at least 1 call a day, was " + maxCallsPerDay);
        }
        if (statsSource == null) {
            throw new IllegalStateException("the stars backfill needs a counters source and store");
        }
        return new SyncService(source, store, Optional.of(new Stats(statsSource, statsStore)), clock, interval,
                maxCallsPerDay);
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
                ReentrantLock backfill = starsBackfillCalls > 0
                        ? backfilling.computeIfAbsent(repository.key(), key -> new ReentrantLock())
                        : null;
                if (backfill != null && backfill.tryLock()) { // else another sync of it is backfilling now
                    try {
                        LocalDate day = githubDay[0] != null ? githubDay[0] : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
                        StarsBackfill progress = statsStore.starsBackfill(repository).orElse(StarsBackfill.NOT_STARTED);
                        if (!progress.complete() && progress.callsOn(day) < starsBackfillCalls) {
                            parts.keep(SyncOutcome.Part.STARS_BACKFILL, () -> backfillStars(repository, progress, day));
                        }
                    } finally {
                        backfill.unlock();
                    }
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

    /**
     * Reads stargazer pages from where {@code progress} stopped, while calls of {@code day} are
     * left and the list goes on, keeping the completed days and the progress after every page
     * (after a failed call too, which counts).
     */
    private void backfillStars(RepositoryId repository, StarsBackfill progress, LocalDate day) {
        StarsBackfill current = progress;
        while (!current.complete() && current.callsOn(day) < starsBackfillCalls) {
            current = current.called(day);
            StargazerPage page;
            try {
                page = statsSource.fetchStargazers(repository, current.nextPage());
            } catch (SourceFailure failure) {
                statsStore.saveStarsBackfill(repository, current);
                throw failure;
            }
            StarsBackfill.Step step = current.read(page, STARGAZER_PAGES);
            keepWhereNoStars(repository, step.days());
            current = step.progress();
            statsStore.saveStarsBackfill(repository, current);
        }
    }

    /** Keeps backfilled days as seen at the start of their day, on days with no stars kept. */
    private void keepWhereNoStars(RepositoryId repository, List<RepositoryStats> days) {
        if (days.isEmpty()) {
            return;
        }
        DateRange range = new DateRange(days.get(0).day(), days.get(days.size() - 1).day());
        Set<LocalDate> withStars = statsStore.stats(List.of(repository), range).getOrDefault(repository, List.of())
                .stream().filter(kept -> kept.stars() != null).map(RepositoryStats::day).collect(Collectors.toSet());
        for (RepositoryStats backfilled : days) {
            if (!withStars.contains(backfilled.day())) {
                statsStore.saveStats(repository, backfilled, backfilled.day().atStartOfDay(ZoneOffset.UTC).toInstant());
            }
        }
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
