package io.tidemark.app.sync;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The clock of scheduled syncs: every tick ({@code TIDEMARK_SYNC_TICK}) it hands a run of due
 * repositories to the sync thread; each repository is due every {@code TIDEMARK_SYNC_INTERVAL}.
 * Owners are listed for new repositories every {@code TIDEMARK_OWNER_REFRESH}.
 */
@ApplicationScoped
public class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class);

    private final SyncCoordinator coordinator;
    private final AtomicBoolean runQueued = new AtomicBoolean();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();

    public SyncScheduler(SyncCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Scheduled(identity = "sync-due", every = "${tidemark.sync-tick:1m}", delayed = "${tidemark.sync-delay:5s}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void syncDue() {
        coordinator.submitOnce(runQueued, () -> guarded("scheduled sync", coordinator::runDue));
    }

    @Scheduled(identity = "owner-refresh", every = "${tidemark.owner-refresh:24h}", delayed = "${tidemark.sync-delay:5s}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void refreshOwners() {
        coordinator.submitOnce(refreshQueued, () -> guarded("owner refresh", coordinator::refreshOwners));
    }

    private static void guarded(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warnf("The %s failed and will be retried at the next tick: %s", what, e.getClass().getSimpleName());
        }
    }
}
