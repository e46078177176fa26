package io.tidemark.core.service;

import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.port.in.TrackRepositoryUseCase;
import io.tidemark.core.port.in.SourceUnavailableException;
import io.tidemark.core.port.in.SourceUnavailableException.Problem;
import io.tidemark.core.port.out.SourceFailure;
import io.tidemark.core.port.out.TrafficSource;
import io.tidemark.core.port.out.RepositoryRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Implements {@link TrackRepositoryUseCase} over the registry and the source. */
public final class TrackingService implements TrackRepositoryUseCase {

    private final TrafficSource source;
    private final RepositoryRegistry registry;
    private final Clock clock;

    public TrackingService(TrafficSource source, RepositoryRegistry registry, Clock clock) {
        this.source = Objects.requireNonNull(source);
        this.registry = Objects.requireNonNull(registry);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public TrackedRepository track(RepositoryId repository) {
        return registry.track(Objects.requireNonNull(repository), clock.instant());
    }

    @Override
    public boolean untrack(RepositoryId repository) {
        return registry.untrack(Objects.requireNonNull(repository));
    }

    /**
     * @throws SourceUnavailableException if the source cannot list the owner's repositories;
     *     nothing is tracked then
     */
    @Override
    public List<TrackedRepository> trackOwner(String owner) {
        String validOwner = RepositoryId.validOwner(owner);
        List<RepositoryId> readable;
        try {
            readable = source.listReadableRepositories(validOwner);
        } catch (SourceFailure failure) {
            throw unavailable(failure);
        }
        registry.trackOwner(validOwner, clock.instant());
        List<TrackedRepository> tracked = new ArrayList<>(readable.size());
        for (RepositoryId repository : readable) {
            tracked.add(registry.track(repository, clock.instant()));
        }
        return List.copyOf(tracked);
    }

    /**
     * Tracks the repositories that appeared under every remembered owner since the last look.
     * Repositories that disappeared keep their history. An owner that cannot be listed now is
     * skipped, unless the rate limit ran out, which ends the refresh.
     *
     * @return the repositories newly tracked
     */
    @Override
    public List<TrackedRepository> refreshOwners() {
        List<TrackedRepository> added = new ArrayList<>();
        for (String owner : registry.trackedOwners()) {
            List<RepositoryId> readable;
            try {
                readable = source.listReadableRepositories(owner);
            } catch (SourceFailure.RateLimited limited) {
                throw unavailable(limited);
            } catch (SourceFailure failure) {
                continue;
            }
            for (RepositoryId repository : readable) {
                if (registry.find(repository).isEmpty()) {
                    added.add(registry.track(repository, clock.instant()));
                }
            }
        }
        return List.copyOf(added);
    }

    /** The in-port's view of a source's failure. */
    static SourceUnavailableException unavailable(SourceFailure failure) {
        if (failure instanceof SourceFailure.RateLimited limited) {
            return new SourceUnavailableException(Problem.RATE_LIMITED, limited.getMessage(), limited.resumeAt());
        }
        Problem problem = failure instanceof SourceFailure.BadCredentials ? Problem.BAD_CREDENTIALS
                : failure instanceof SourceFailure.NotPermitted ? Problem.NOT_PERMITTED
                : failure instanceof SourceFailure.NotFound ? Problem.NOT_FOUND
                : Problem.UPSTREAM_ERROR;
        return new SourceUnavailableException(problem, failure.getMessage(), null);
    }

    @Override
    public boolean deleteHistory(RepositoryId repository) {
        return registry.deleteHistory(Objects.requireNonNull(repository));
    }
}
