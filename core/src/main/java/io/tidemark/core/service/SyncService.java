package io.tidemark.core.service;

import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncOutcome;
import io.tidemark.core.model.SyncStatus;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.port.in.SyncRepositoryUseCase;
import io.tidemark.core.port.out.SourceFailure;
import io.tidemark.core.port.out.TrafficSource;
import io.tidemark.core.port.out.TrafficStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.NoSuchElementException;
import java.util.Objects;

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
 *   <li>The week windows and the referrer and path snapshots are fetched at most once per UTC
 *       day. GitHub recomputes referrers and paths once a day; a week window adds nothing the day
 *       windows do not already refresh except the weekly uniques, and one fetch a day keeps every
 *       week complete (a week is complete in any window fetched in the 7 days after its Sunday).
 *   <li>"Today" is GitHub's day: the {@code Date} of the first answer of the sync (the daily
 *       views), so that it matches the day the snapshots are kept under. The daily part is done
 *       for the day when the store already keeps a referrer and a path snapshot of that day;
 *       they are fetched after the week windows, so a sync that failed part-way fetches the
 *       whole daily part again (a repeat is usually a free {@code 304}).
 * </ul>
 *
 * The policy needs no state of its own: the kept snapshots are the record of the daily part.
 */
public final class SyncService implements SyncRepositoryUseCase {

    private final TrafficSource source;
    private final TrafficStore store;
    private final Clock clock;
    private final Duration interval;

    /**
     * @param interval how long after a sync the repository is due again
     */
    public SyncService(TrafficSource source, TrafficStore store, Clock clock, Duration interval) {
        this.source = Objects.requireNonNull(source);
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the sync interval must be positive, was " + interval);
        }
        this.interval = interval;
    }

    @Override
    public SyncOutcome sync(RepositoryId repository) {
        TrackedRepository tracked = store.find(repository)
                .orElseThrow(() -> new NoSuchElementException(repository + " is not tracked"));
        Instant startedAt = clock.instant();
        Instant lastSuccess = tracked.sync().lastSuccessAt();
        try {
            LocalDate githubDay = null;
            boolean dailyPartDone = false;
            for (TrafficKind kind : TrafficKind.values()) {
                for (Granularity granularity : Granularity.values()) {
                    if (granularity == Granularity.WEEK && dailyPartDone) {
                        continue;
                    }
                    TrafficWindow window = source.fetchWindow(repository, kind, granularity);
                    store.merge(repository, window.observations());
                    if (githubDay == null) {
                        githubDay = LocalDate.ofInstant(window.fetchedAt(), ZoneOffset.UTC);
                        dailyPartDone = dailyPartDone(repository, githubDay);
                    }
                }
            }
            if (!dailyPartDone) {
                store.save(repository, source.fetchTopReferrers(repository));
                store.save(repository, source.fetchTopPaths(repository));
            }
        } catch (SourceFailure.RateLimited limited) {
            store.recordSync(repository, new SyncStatus(
                    lastSuccess, startedAt, limited.getMessage(), limited.resumeAt()));
            return new SyncOutcome.RateLimited(repository, limited.resumeAt());
        } catch (SourceFailure failure) {
            store.recordSync(repository, new SyncStatus(
                    lastSuccess, startedAt, failure.getMessage(), startedAt.plus(interval)));
            return new SyncOutcome.Failed(repository, reasonOf(failure), failure.getMessage());
        }
        Instant syncedAt = clock.instant();
        store.recordSync(repository, new SyncStatus(syncedAt, startedAt, null, syncedAt.plus(interval)));
        return new SyncOutcome.Synced(repository, syncedAt);
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
