package io.tidemark.core.service;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.OwnerBucket;
import io.tidemark.core.model.OwnerReferrer;
import io.tidemark.core.model.RankedPage;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.RepositoryOrder;
import io.tidemark.core.model.RepositoryPage;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.port.in.OwnerTrafficUseCase;
import io.tidemark.core.port.in.QueryTrafficUseCase;
import io.tidemark.core.port.out.RepositoryRegistry;
import io.tidemark.core.port.out.RepositoryStatsStore;
import io.tidemark.core.port.out.SnapshotStore;
import io.tidemark.core.port.out.TrafficAggregates;
import io.tidemark.core.port.out.TrafficHistory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Implements {@link OwnerTrafficUseCase}: with the store's {@link TrafficAggregates} when it has
 * them (one aggregate query each), otherwise by {@link ComputedAggregates} from plain reads.
 */
public final class OwnerTrafficService implements OwnerTrafficUseCase {

    private final RepositoryRegistry registry;
    private final TrafficAggregates aggregates;
    private final Clock clock;

    /**
     * @param aggregates the store's aggregates, or null when the store has none (then they are
     *     computed from {@code history} and {@code snapshots})
     */
    public OwnerTrafficService(RepositoryRegistry registry, TrafficHistory history, SnapshotStore snapshots,
            TrafficAggregates aggregates, Clock clock) {
        this.registry = Objects.requireNonNull(registry);
        this.aggregates = aggregates != null ? aggregates : new ComputedAggregates(registry, history, snapshots);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Optional<String> owner(String login) {
        String owner = RepositoryId.validOwner(login);
        RepositoryPage first = registry.list(owner, null, 1);
        return first.repositories().stream().findFirst().map(repository -> repository.id().owner());
    }

    @Override
    public List<OwnerBucket> ownerSeries(String login, TrafficKind kind, Granularity granularity, DateRange range) {
        return aggregates.ownerSeries(RepositoryId.validOwner(login), Objects.requireNonNull(kind),
                Objects.requireNonNull(granularity), Objects.requireNonNull(range));
    }

    @Override
    public List<OwnerReferrer> ownerReferrers(String login, LocalDate at, int first) {
        if (first < 1 || first > MAX_REFERRERS) {
            throw new InvalidInputException("first", "first must be between 1 and " + MAX_REFERRERS + ", was " + first);
        }
        return aggregates.ownerReferrers(RepositoryId.validOwner(login), at, first);
    }

    @Override
    public RankedPage repositories(String owner, int first, String after, RepositoryOrder.Field field,
            RepositoryOrder.Direction direction, LocalDate since, LocalDate until) {
        if (first < 1 || first > QueryTrafficUseCase.MAX_PAGE_SIZE) {
            throw new InvalidInputException("first", "first must be between 1 and "
                    + QueryTrafficUseCase.MAX_PAGE_SIZE + ", was " + first);
        }
        String validOwner = owner == null ? null : RepositoryId.validOwner(owner);
        int offset = after == null ? 0 : RankedPage.offsetOf(after);
        return aggregates.rank(validOwner, new RepositoryOrder(Objects.requireNonNull(field),
                direction == null ? RepositoryOrder.Direction.DESC : direction, range(since, until)), offset, first);
    }

    /**
     * {@link TrafficAggregates} computed from a store's plain reads: what core uses for a store
     * without aggregates of its own, and the reference an adapter's own can be compared with.
     */
    public static TrafficAggregates computedFrom(RepositoryRegistry registry, TrafficHistory history, SnapshotStore snapshots) {
        return new ComputedAggregates(Objects.requireNonNull(registry), Objects.requireNonNull(history),
                Objects.requireNonNull(snapshots));
    }

    /** The range an order by counts adds up: as given, or the last 14 full UTC days. */
    DateRange range(LocalDate since, LocalDate until) {
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        LocalDate end = until != null ? until : (since != null ? null : yesterday);
        LocalDate start = since != null ? since : (until != null ? null : yesterday.minusDays(13));
        return new DateRange(start, end);
    }

    /**
     * {@link TrafficAggregates} computed from a store's plain reads, for stores without their own:
     * the owner's repositories page by page, their series a page at a time.
     */
    static final class ComputedAggregates implements TrafficAggregates {

        private static final int PAGE = 100;

        private final RepositoryRegistry registry;
        private final TrafficHistory history;
        private final SnapshotStore snapshots;

        ComputedAggregates(RepositoryRegistry registry, TrafficHistory history, SnapshotStore snapshots) {
            this.registry = registry;
            this.history = history;
            this.snapshots = snapshots;
        }

        private List<TrackedRepository> all(String owner) {
            List<TrackedRepository> all = new ArrayList<>();
            String after = null;
            RepositoryPage page;
            do {
                page = registry.list(owner, after, PAGE);
                all.addAll(page.repositories());
                if (!page.repositories().isEmpty()) {
                    after = page.repositories().get(page.repositories().size() - 1).id().key();
                }
            } while (page.hasNextPage() && !page.repositories().isEmpty());
            return all;
        }

        @Override
        public List<OwnerBucket> ownerSeries(String owner, TrafficKind kind, Granularity granularity, DateRange range) {
            Objects.requireNonNull(owner, "owner");
            TreeMap<LocalDate, long[]> sums = new TreeMap<>();
            List<TrackedRepository> repositories = all(owner);
            for (int from = 0; from < repositories.size(); from += PAGE) {
                List<RepositoryId> ids = repositories.subList(from, Math.min(repositories.size(), from + PAGE))
                        .stream().map(TrackedRepository::id).toList();
                for (List<KeptBucket> buckets : history.series(ids, kind, granularity, range).values()) {
                    for (KeptBucket bucket : buckets) {
                        long[] sum = sums.computeIfAbsent(bucket.start(), s -> new long[3]);
                        sum[0] += bucket.count();
                        sum[1]++;
                        sum[2] += bucket.complete() ? 1 : 0;
                    }
                }
            }
            List<OwnerBucket> series = new ArrayList<>(sums.size());
            sums.forEach((start, sum) -> series.add(new OwnerBucket(start, sum[0], (int) sum[1], (int) sum[2])));
            return series;
        }

        @Override
        public List<OwnerReferrer> ownerReferrers(String owner, LocalDate at, int first) {
            Objects.requireNonNull(owner, "owner");
            Map<String, long[]> sums = new HashMap<>();
            for (TrackedRepository repository : all(owner)) {
                Optional<TopReferrers> snapshot = snapshots.topReferrers(repository.id(), at);
                if (snapshot.isEmpty()) {
                    continue;
                }
                for (Referrer referrer : snapshot.get().referrers()) {
                    long[] sum = sums.computeIfAbsent(referrer.referrer(), r -> new long[2]);
                    sum[0] += referrer.count();
                    sum[1]++;
                }
            }
            return sums.entrySet().stream()
                    .map(e -> new OwnerReferrer(e.getKey(), e.getValue()[0], (int) e.getValue()[1]))
                    .sorted(Comparator.comparingLong(OwnerReferrer::count).reversed().thenComparing(OwnerReferrer::referrer))
                    .limit(first)
                    .toList();
        }

        @Override
        public RankedPage rank(String owner, RepositoryOrder order, int offset, int limit) {
            Objects.requireNonNull(order, "order");
            List<TrackedRepository> repositories = all(owner);
            Map<RepositoryId, Long> values = values(repositories, order);
            Comparator<TrackedRepository> byValue = Comparator.comparing(r -> values.get(r.id()),
                    order.direction() == RepositoryOrder.Direction.ASC
                            ? Comparator.nullsLast(Comparator.<Long>naturalOrder())
                            : Comparator.nullsLast(Comparator.<Long>reverseOrder()));
            Comparator<TrackedRepository> byKey = Comparator.comparing(r -> r.id().key());
            List<TrackedRepository> ranked = new ArrayList<>(repositories);
            if (order.field() == RepositoryOrder.Field.NAME) {
                ranked.sort(order.direction() == RepositoryOrder.Direction.ASC ? byKey : byKey.reversed());
            } else {
                ranked.sort(byValue.thenComparing(byKey));
            }
            int end = Math.min(ranked.size(), offset + limit);
            List<TrackedRepository> page = offset >= ranked.size() ? List.of() : ranked.subList(offset, end);
            List<Long> pageValues = new ArrayList<>();
            page.forEach(r -> pageValues.add(order.field() == RepositoryOrder.Field.NAME ? null : values.get(r.id())));
            return new RankedPage(page, pageValues, end < ranked.size(), ranked.size(),
                    page.isEmpty() ? null : RankedPage.cursorAt(end));
        }

        private Map<RepositoryId, Long> values(Collection<TrackedRepository> repositories, RepositoryOrder order) {
            Map<RepositoryId, Long> values = new HashMap<>();
            if (order.field() == RepositoryOrder.Field.STARS) {
                // The stars of each repository's latest day with stars; unknown without a counter store.
                if (history instanceof RepositoryStatsStore stats) {
                    List<RepositoryId> ids = repositories.stream().map(TrackedRepository::id).toList();
                    stats.latestStars(ids).forEach((id, stars) -> values.put(id, (long) stars));
                }
                return values;
            }
            if (order.field() != RepositoryOrder.Field.VIEWS && order.field() != RepositoryOrder.Field.CLONES) {
                return values;
            }
            TrafficKind kind = order.field() == RepositoryOrder.Field.VIEWS ? TrafficKind.VIEWS : TrafficKind.CLONES;
            List<RepositoryId> ids = repositories.stream().map(TrackedRepository::id).toList();
            for (int from = 0; from < ids.size(); from += PAGE) {
                history.series(ids.subList(from, Math.min(ids.size(), from + PAGE)), kind, Granularity.DAY, order.range())
                        .forEach((id, buckets) -> {
                            if (!buckets.isEmpty()) {
                                values.put(id, buckets.stream().mapToLong(KeptBucket::count).sum());
                            }
                        });
            }
            return values;
        }
    }
}
