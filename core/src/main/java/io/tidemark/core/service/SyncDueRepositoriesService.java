package io.tidemark.core.service;

import io.tidemark.core.model.SyncOutcome;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.port.in.SyncDueRepositoriesUseCase;
import io.tidemark.core.port.in.SyncRepositoryUseCase;
import io.tidemark.core.port.out.RepositoryRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Implements {@link SyncDueRepositoriesUseCase}. Repositories at risk of losing history (no
 * success for {@link io.tidemark.core.model.SyncStatus#STALE_AFTER}) are synced before the rest,
 * so that a short rate-limit budget goes where GitHub is about to forget.
 */
public final class SyncDueRepositoriesService implements SyncDueRepositoriesUseCase {

    private final SyncRepositoryUseCase sync;
    private final RepositoryRegistry registry;
    private final Clock clock;

    public SyncDueRepositoriesService(SyncRepositoryUseCase sync, RepositoryRegistry registry, Clock clock) {
        this.sync = Objects.requireNonNull(sync);
        this.registry = Objects.requireNonNull(registry);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public SyncRun syncDue() {
        Instant now = clock.instant();
        // GitHub forgets after 14 days: repositories not synced for 10 go first, then the most overdue.
        List<TrackedRepository> active = new ArrayList<>(registry.active());
        active.sort(Comparator.comparing((TrackedRepository r) -> !r.sync().isStale(now)));
        int synced = 0;
        int partlySynced = 0;
        int failed = 0;
        int notDue = 0;
        for (int i = 0; i < active.size(); i++) {
            TrackedRepository repository = active.get(i);
            Instant due = repository.sync().nextDueAt();
            if (due != null && due.isAfter(now)) {
                notDue++;
                continue;
            }
            SyncOutcome outcome = sync.sync(repository.id());
            if (outcome instanceof SyncOutcome.Synced) {
                synced++;
            } else if (outcome instanceof SyncOutcome.PartlySynced) {
                partlySynced++;
            } else if (outcome instanceof SyncOutcome.Failed) {
                failed++;
            } else if (outcome instanceof SyncOutcome.RateLimited limited) {
                int deferred = 1;
                for (int j = i + 1; j < active.size(); j++) {
                    Instant laterDue = active.get(j).sync().nextDueAt();
                    if (laterDue == null || !laterDue.isAfter(now)) {
                        deferred++;
                    } else {
                        notDue++;
                    }
                }
                return new SyncRun(synced, partlySynced, failed, notDue, deferred, limited.resumeAt());
            }
        }
        return new SyncRun(synced, partlySynced, failed, notDue, 0, null);
    }
}
