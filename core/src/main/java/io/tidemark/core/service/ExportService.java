package io.tidemark.core.service;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.HistoryFact;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.RepositoryPage;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.WindowTotals;
import io.tidemark.core.port.in.ExportHistoryUseCase;
import io.tidemark.core.model.RepositoryStats;
import io.tidemark.core.port.out.RepositoryRegistry;
import io.tidemark.core.port.out.RepositoryStatsStore;
import io.tidemark.core.port.out.SnapshotStore;
import io.tidemark.core.port.out.TrafficHistory;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Implements {@link ExportHistoryUseCase} over the stores, one repository at a time. */
public final class ExportService implements ExportHistoryUseCase {

    /** Repositories read per page of the registry. */
    static final int PAGE = 200;

    private final RepositoryRegistry registry;
    private final TrafficHistory history;
    private final SnapshotStore snapshots;
    private final RepositoryStatsStore stats;

    public ExportService(RepositoryRegistry registry, TrafficHistory history, SnapshotStore snapshots) {
        this(registry, history, snapshots, null);
    }

    /** @param stats the kept repository counters, or null when the store keeps none */
    public ExportService(RepositoryRegistry registry, TrafficHistory history, SnapshotStore snapshots,
            RepositoryStatsStore stats) {
        this.stats = stats;
        this.registry = Objects.requireNonNull(registry);
        this.history = Objects.requireNonNull(history);
        this.snapshots = Objects.requireNonNull(snapshots);
    }

    @Override
    public void export(Scope scope, Consumer<HistoryFact> facts) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(facts, "facts");
        if (scope.repository() != null) {
            TrackedRepository repository = registry.find(scope.repository())
                    .orElseThrow(() -> new NoSuchElementException("repository " + scope.repository() + " is not known"));
            export(repository, facts);
            return;
        }
        String owner = scope.owner() == null ? null : RepositoryId.validOwner(scope.owner());
        for (String tracked : registry.trackedOwners()) {
            if (owner == null || tracked.toLowerCase(Locale.ROOT).equals(owner.toLowerCase(Locale.ROOT))) {
                facts.accept(new HistoryFact.TrackedOwner(tracked));
            }
        }
        String after = null;
        RepositoryPage page;
        do {
            page = registry.list(owner, after, PAGE);
            for (TrackedRepository repository : page.repositories()) {
                export(repository, facts);
                after = repository.id().key();
            }
        } while (page.hasNextPage() && !page.repositories().isEmpty());
    }

    private void export(TrackedRepository tracked, Consumer<HistoryFact> facts) {
        RepositoryId id = tracked.id();
        facts.accept(new HistoryFact.Tracked(id, tracked.active()));
        for (TrafficKind kind : TrafficKind.values()) {
            for (Granularity granularity : Granularity.values()) {
                List<KeptBucket> buckets = history.series(List.of(id), kind, granularity, DateRange.ALL)
                        .getOrDefault(id, List.of());
                for (KeptBucket bucket : buckets) {
                    facts.accept(new HistoryFact.Bucket(id, kind, granularity, bucket));
                }
            }
        }
        for (TrafficKind kind : TrafficKind.values()) {
            for (Granularity granularity : Granularity.values()) {
                for (WindowTotals totals : history.windowTotals(List.of(id), kind, granularity, DateRange.ALL)
                        .getOrDefault(id, List.of())) {
                    facts.accept(new HistoryFact.Totals(id, totals));
                }
            }
        }
        everySnapshot(day -> snapshots.topReferrers(id, day), TopReferrers::day)
                .forEach(snapshot -> facts.accept(new HistoryFact.Referrers(id, snapshot)));
        everySnapshot(day -> snapshots.topPaths(id, day), TopPaths::day)
                .forEach(snapshot -> facts.accept(new HistoryFact.Paths(id, snapshot)));
        if (stats != null) {
            for (RepositoryStats day : stats.stats(List.of(id), DateRange.ALL).getOrDefault(id, List.of())) {
                for (HistoryFact.Counter counter : HistoryFact.Counter.values()) {
                    Integer value = day.get(counter);
                    if (value != null) {
                        facts.accept(new HistoryFact.Stat(id, day.day(), counter, value));
                    }
                }
            }
        }
    }

    /**
     * Every kept snapshot of one repository, oldest first, found with the port's one read (the
     * latest on or before a day) walking back a day before each one found.
     */
    private static <S> Deque<S> everySnapshot(Function<LocalDate, Optional<S>> latestOnOrBefore, Function<S, LocalDate> dayOf) {
        Deque<S> found = new ArrayDeque<>();
        Optional<S> snapshot = latestOnOrBefore.apply(null);
        while (snapshot.isPresent()) {
            found.addFirst(snapshot.get());
            snapshot = latestOnOrBefore.apply(dayOf.apply(snapshot.get()).minusDays(1));
        }
        return found;
    }
}
