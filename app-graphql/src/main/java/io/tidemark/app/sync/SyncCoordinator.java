package io.tidemark.app.sync;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncOutcome;
import io.tidemark.core.port.in.SyncDueRepositoriesUseCase;
import io.tidemark.core.port.in.SyncDueRepositoriesUseCase.SyncRun;
import io.tidemark.core.port.in.SourceUnavailableException;
import io.tidemark.core.port.in.SyncRepositoryUseCase;
import io.tidemark.core.port.in.TrackRepositoryUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Runs every sync: the scheduler's runs and the syncs a mutation asks for. Background work goes
 * through one thread, so GitHub sees one request at a time from Tidemark and a repository is
 * never synced twice at once by Tidemark itself. When GitHub's rate limit runs out, runs pause
 * until the reset without holding a thread.
 */
@ApplicationScoped
public class SyncCoordinator {

    private static final Logger LOG = Logger.getLogger(SyncCoordinator.class);

    private final SyncRepositoryUseCase sync;
    private final SyncDueRepositoriesUseCase syncDue;
    private final TrackRepositoryUseCase tracking;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tidemark-sync");
        thread.setDaemon(true);
        return thread;
    });
    /** Syncs a mutation asked for: apart from the scheduled runs, so they never queue behind one. */
    private final ExecutorService requested = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "tidemark-sync-requested");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentMap<RepositoryId, CompletableFuture<SyncOutcome>> inFlight = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);

    public SyncCoordinator(
            SyncRepositoryUseCase sync,
            SyncDueRepositoriesUseCase syncDue,
            TrackRepositoryUseCase tracking,
            Clock clock,
            MeterRegistry metrics) {
        this.sync = sync;
        this.syncDue = syncDue;
        this.tracking = tracking;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Syncs one repository now, on the caller's thread. */
    public SyncOutcome syncNow(RepositoryId repository) {
        SyncOutcome outcome = sync.sync(repository);
        record(outcome);
        return outcome;
    }

    /**
     * Syncs one repository in the background now, for a caller that waits only as long as it
     * chooses. A repository whose requested sync is still running is not synced twice: the
     * caller gets the running sync's outcome.
     */
    public CompletableFuture<SyncOutcome> syncRequested(RepositoryId repository) {
        CompletableFuture<SyncOutcome> fresh = new CompletableFuture<>();
        CompletableFuture<SyncOutcome> running = inFlight.putIfAbsent(repository, fresh);
        if (running != null) {
            return running;
        }
        try {
            requested.execute(() -> {
                try {
                    fresh.complete(syncNow(repository));
                } catch (RuntimeException e) {
                    fresh.completeExceptionally(e);
                } finally {
                    inFlight.remove(repository, fresh);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(repository, fresh);
            fresh.completeExceptionally(e);
        }
        return fresh;
    }

    /** Syncs one repository in the background, for example right after it was tracked. */
    public void syncSoon(RepositoryId repository) {
        worker.execute(() -> {
            try {
                syncNow(repository);
            } catch (RuntimeException e) {
                LOG.warnf("Sync of %s failed unexpectedly: %s", repository, e.getClass().getSimpleName());
            }
        });
    }

    /** One scheduled run: every due repository, unless GitHub's rate limit is still spent. */
    public SyncRun runDue() {
        Instant now = clock.instant();
        Instant paused = pausedUntil.get();
        if (now.isBefore(paused)) {
            return new SyncRun(0, 0, 0, 0, 0, paused);
        }
        SyncRun run = syncDue.syncDue();
        metrics.counter("tidemark.syncs", "outcome", "synced").increment(run.synced());
        metrics.counter("tidemark.syncs", "outcome", "partial").increment(run.partlySynced());
        metrics.counter("tidemark.syncs", "outcome", "failed").increment(run.failed());
        if (run.resumeAt() != null) {
            metrics.counter("tidemark.syncs", "outcome", "rate_limited").increment();
            pausedUntil.set(run.resumeAt());
        }
        if (run.synced() + run.partlySynced() + run.failed() + run.deferred() > 0) {
            LOG.infof("Sync run: %d synced, %d partly synced, %d failed, %d not due, %d deferred%s",
                    run.synced(), run.partlySynced(), run.failed(), run.notDue(), run.deferred(),
                    run.resumeAt() == null ? "" : ", rate limited until " + run.resumeAt());
        }
        return run;
    }

    /** Starts tracking repositories that appeared under tracked owners. */
    public void refreshOwners() {
        if (clock.instant().isBefore(pausedUntil.get())) {
            return;
        }
        List<?> added;
        try {
            added = tracking.refreshOwners();
        } catch (SourceUnavailableException unavailable) {
            if (unavailable.resumeAt() != null) {
                pausedUntil.set(unavailable.resumeAt());
                LOG.infof("Owner refresh paused: the source's rate limit is spent until %s", unavailable.resumeAt());
                return;
            }
            throw unavailable;
        }
        if (!added.isEmpty()) {
            LOG.infof("Owner refresh: %d new repositories tracked", added.size());
        }
    }

    /** Queues a task on the sync thread unless the same kind of task is already waiting. */
    void submitOnce(AtomicBoolean queued, Runnable task) {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                task.run();
            });
        }
    }

    /** Counts {@code tidemark.syncs{outcome}}: {@code synced}, {@code partial}, {@code failed} or {@code rate_limited}. */
    private void record(SyncOutcome outcome) {
        String name;
        if (outcome instanceof SyncOutcome.Synced) {
            name = "synced";
        } else if (outcome instanceof SyncOutcome.PartlySynced) {
            name = "partial";
        } else if (outcome instanceof SyncOutcome.RateLimited) {
            name = "rate_limited";
        } else {
            name = "failed";
        }
        metrics.counter("tidemark.syncs", "outcome", name).increment();
        if (outcome instanceof SyncOutcome.RateLimited limited) {
            pausedUntil.set(limited.resumeAt());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
        requested.shutdownNow();
    }
}
