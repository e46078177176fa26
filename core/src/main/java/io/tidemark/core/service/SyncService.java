package io.tidemark.core.service;

import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncOutcome;
import io.tidemark.core.model.SyncStatus;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.port.in.SyncRepositoryUseCase;
import io.tidemark.core.port.out.SourceFailure;
import io.tidemark.core.port.out.TrafficSource;
import io.tidemark.core.port.out.TrafficStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Implements {@link SyncRepositoryUseCase}: fetches the four windows and the two snapshots of a
 * repository and keeps each as soon as it arrives.
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
            for (TrafficKind kind : TrafficKind.values()) {
                for (Granularity granularity : Granularity.values()) {
                    store.merge(repository, source.fetchWindow(repository, kind, granularity));
                }
            }
            store.save(repository, source.fetchTopReferrers(repository));
            store.save(repository, source.fetchTopPaths(repository));
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
