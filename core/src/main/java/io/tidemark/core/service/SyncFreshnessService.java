package io.tidemark.core.service;

import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.SyncFreshness;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.port.in.SyncFreshnessUseCase;
import io.tidemark.core.port.out.RepositoryRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Implements {@link SyncFreshnessUseCase} over the registry's active repositories. */
public final class SyncFreshnessService implements SyncFreshnessUseCase {

    private final RepositoryRegistry registry;
    private final Clock clock;

    public SyncFreshnessService(RepositoryRegistry registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public SyncFreshness freshness() {
        Instant now = clock.instant();
        List<TrackedRepository> active = registry.active();
        List<RepositoryId> stale = active.stream()
                .filter(repository -> repository.isStale(now))
                .map(TrackedRepository::id)
                .sorted(Comparator.comparing(RepositoryId::key))
                .toList();
        return new SyncFreshness(active.size(), stale);
    }
}
