package io.tidemark.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.Observations;
import io.tidemark.core.model.OwnerBucket;
import io.tidemark.core.model.OwnerReferrer;
import io.tidemark.core.model.RankedPage;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.RepositoryOrder;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.RepositoryStats;
import io.tidemark.core.port.out.RepositoryStatsStore;
import io.tidemark.core.port.out.TrafficAggregates;
import io.tidemark.core.port.out.TrafficStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TrafficAggregates}, as its Javadoc states it: extend it in the tests of a
 * store that has aggregates of its own and implement {@link #emptyStore()}.
 *
 * <p>Each test writes a seeded random history (repositories of two owners, one in two casings of
 * its login; daily buckets with gaps, zeros and a mix of complete and incomplete; referrer
 * snapshots on several days) and computes what every answer must be straight from what it wrote,
 * never from the store's reads nor from core's code.
 */
public abstract class TrafficAggregatesContract {

    private static final Instant AT = Instant.parse("2025-06-01T12:00:00Z");
    private static final LocalDate FIRST = LocalDate.of(2025, 3, 1);
    private static final int DAYS = 40;

    /** An empty store (registry, history, snapshots) that implements {@link TrafficAggregates}. */
    protected abstract TrafficStore emptyStore();

    private TrafficStore store;
    private TrafficAggregates aggregates;
    /** What was written: per repository, kind and day, the bucket kept. */
    private final Map<RepositoryId, Map<TrafficKind, Map<LocalDate, KeptBucket>>> written = new HashMap<>();
    /** Per repository, its referrer snapshots by day. */
    private final Map<RepositoryId, TreeMap<LocalDate, TopReferrers>> snapshots = new HashMap<>();
    private final List<RepositoryId> octo = new ArrayList<>();

    @BeforeEach
    void writeARandomHistory() {
        store = emptyStore();
        assertThat(store).as("the store under test implements TrafficAggregates").isInstanceOf(TrafficAggregates.class);
        aggregates = (TrafficAggregates) store;
        written.clear();
        snapshots.clear();
        octo.clear();
        Random random = new Random(20251129);
        List<RepositoryId> all = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            RepositoryId id = RepositoryId.of(i % 2 == 0 ? "Octo" : "octo", "repo-" + (char) ('a' + i));
            octo.add(id);
            all.add(id);
        }
        all.add(RepositoryId.of("other", "thing"));
        all.add(RepositoryId.of("octopus", "not-octo"));
        String[] referrers = {"google.com", "github.com", "news.ycombinator.com", "reddit.com", "dev.to", "bing.com"};
        for (RepositoryId id : all) {
            store.track(id, AT);
            boolean silent = id.name().equals("repo-i"); // no traffic kept at all: unknown in rankings
            for (TrafficKind kind : TrafficKind.values()) {
                List<KeptBucket> buckets = new ArrayList<>();
                for (int day = 0; day < DAYS && !silent; day++) {
                    if (random.nextInt(5) == 0) {
                        continue; // a gap
                    }
                    int count = random.nextInt(4) == 0 ? 0 : random.nextInt(30);
                    buckets.add(new KeptBucket(FIRST.plusDays(day), count, count == 0 ? 0 : 1 + random.nextInt(count),
                            random.nextBoolean()));
                }
                if (id.name().equals("repo-c") || id.name().equals("repo-d")) {
                    // Two repositories with exactly the same counts: a tie broken by key.
                    buckets = new ArrayList<>();
                    for (int day = 0; day < DAYS; day++) {
                        buckets.add(new KeptBucket(FIRST.plusDays(day), 7, 3, true));
                    }
                }
                store.merge(id, new Observations(kind, Granularity.DAY, AT, buckets, null));
                Map<LocalDate, KeptBucket> kept = written.computeIfAbsent(id, r -> new HashMap<>())
                        .computeIfAbsent(kind, k -> new TreeMap<>());
                buckets.forEach(bucket -> kept.put(bucket.start(), bucket));
            }
            for (int day = 3; day < DAYS && !silent; day += 4 + random.nextInt(5)) {
                List<Referrer> entries = new ArrayList<>();
                for (int r = 0; r < referrers.length; r++) {
                    if (random.nextBoolean()) {
                        entries.add(new Referrer(referrers[r], 1 + random.nextInt(50), 1));
                    }
                }
                TopReferrers snapshot = new TopReferrers(
                        FIRST.plusDays(day).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L * random.nextInt(24)),
                        entries);
                store.save(id, snapshot);
                snapshots.computeIfAbsent(id, r -> new TreeMap<>()).put(snapshot.day(), snapshot);
            }
        }
    }

    /**
     * An owner's buckets add up the counts of the repositories that have each bucket kept (its
     * login matched ignoring case, a longer login that starts with it not matched), say how many
     * have it kept and how many complete, leave out buckets no repository has, and keep to the
     * range.
     */
    @Test
    void anOwnersBucketsAddUpCountsAndCountTheRepositoriesThatHaveThem() {
        for (DateRange range : List.of(DateRange.ALL, new DateRange(FIRST.plusDays(5), FIRST.plusDays(12)),
                new DateRange(FIRST.plusDays(30), null), new DateRange(FIRST.minusDays(30), FIRST.minusDays(1)))) {
            for (TrafficKind kind : TrafficKind.values()) {
                TreeMap<LocalDate, long[]> expected = new TreeMap<>();
                for (RepositoryId id : octo) {
                    written.get(id).get(kind).forEach((day, bucket) -> {
                        if (range.contains(day)) {
                            long[] sum = expected.computeIfAbsent(day, d -> new long[3]);
                            sum[0] += bucket.count();
                            sum[1]++;
                            sum[2] += bucket.complete() ? 1 : 0;
                        }
                    });
                }
                List<OwnerBucket> want = new ArrayList<>();
                expected.forEach((day, sum) -> want.add(new OwnerBucket(day, sum[0], (int) sum[1], (int) sum[2])));
                assertThat(aggregates.ownerSeries("OCTO", kind, Granularity.DAY, range)).as("%s %s", kind, range)
                        .isEqualTo(want);
            }
        }
        assertThat(aggregates.ownerSeries("nobody", TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL)).isEmpty();
        assertThat(aggregates.ownerSeries("octo", TrafficKind.VIEWS, Granularity.WEEK, DateRange.ALL))
                .as("no weekly bucket was kept").isEmpty();
    }

    /**
     * Owner-wide referrers add up, per referrer, the counts of each repository's latest snapshot on
     * or before the day asked (the latest of all when no day is given), count the repositories
     * listing it, order by count descending then referrer, and stop at {@code first}.
     */
    @Test
    void ownerReferrersAddUpEachRepositorysSnapshotOfTheDay() {
        List<LocalDate> days = new ArrayList<>();
        days.add(null);
        for (int day = 0; day < DAYS + 3; day += 3) {
            days.add(FIRST.plusDays(day));
        }
        for (LocalDate at : days) {
            Map<String, long[]> sums = new HashMap<>();
            for (RepositoryId id : octo) {
                TreeMap<LocalDate, TopReferrers> ofRepository = snapshots.getOrDefault(id, new TreeMap<>());
                Map.Entry<LocalDate, TopReferrers> snapshot = at == null ? ofRepository.lastEntry() : ofRepository.floorEntry(at);
                if (snapshot == null) {
                    continue;
                }
                for (Referrer referrer : snapshot.getValue().referrers()) {
                    long[] sum = sums.computeIfAbsent(referrer.referrer(), r -> new long[2]);
                    sum[0] += referrer.count();
                    sum[1]++;
                }
            }
            List<OwnerReferrer> expected = sums.entrySet().stream()
                    .map(e -> new OwnerReferrer(e.getKey(), e.getValue()[0], (int) e.getValue()[1]))
                    .sorted(Comparator.comparingLong(OwnerReferrer::count).reversed().thenComparing(OwnerReferrer::referrer))
                    .toList();
            assertThat(aggregates.ownerReferrers("octo", at, 10)).as("at %s", at).isEqualTo(expected);
            assertThat(aggregates.ownerReferrers("Octo", at, 2)).as("at %s, first 2", at)
                    .isEqualTo(expected.subList(0, Math.min(2, expected.size())));
        }
    }

    /**
     * A ranking by views or clones orders by the counts of the range added up, in the direction
     * asked, ties broken by key ascending, and puts repositories with no bucket kept in the range
     * last (by key) in either direction; paging through it gives every repository once.
     */
    @Test
    void rankingsOrderByCountsWithTiesByKeyAndUnknownLast() {
        for (RepositoryOrder.Field field : List.of(RepositoryOrder.Field.VIEWS, RepositoryOrder.Field.CLONES)) {
            TrafficKind kind = field == RepositoryOrder.Field.VIEWS ? TrafficKind.VIEWS : TrafficKind.CLONES;
            for (DateRange range : List.of(new DateRange(FIRST, FIRST.plusDays(DAYS)), new DateRange(FIRST.plusDays(10), FIRST.plusDays(16)))) {
                for (RepositoryOrder.Direction direction : RepositoryOrder.Direction.values()) {
                    Map<RepositoryId, Long> values = new HashMap<>();
                    for (RepositoryId id : octo) {
                        List<KeptBucket> inRange = written.get(id).get(kind).values().stream()
                                .filter(bucket -> range.contains(bucket.start())).toList();
                        if (!inRange.isEmpty()) {
                            values.put(id, inRange.stream().mapToLong(KeptBucket::count).sum());
                        }
                    }
                    Comparator<Long> byValue = direction == RepositoryOrder.Direction.ASC
                            ? Comparator.nullsLast(Comparator.<Long>naturalOrder())
                            : Comparator.nullsLast(Comparator.<Long>reverseOrder());
                    List<String> expected = octo.stream()
                            .sorted(Comparator.comparing((RepositoryId id) -> values.get(id), byValue).thenComparing(RepositoryId::key))
                            .map(id -> id.key() + "=" + values.get(id))
                            .toList();
                    RepositoryOrder order = new RepositoryOrder(field, direction, range);
                    assertThat(pages(order, 4)).as("%s %s %s", field, direction, range).isEqualTo(expected);
                }
            }
        }
    }

    /**
     * By stars: each repository's stars of the latest day on which stars were seen (a later, lower
     * figure is the one that counts: stars can go down), in the direction asked, ties by key,
     * repositories without stars last. Needs a store that keeps counters ({@link
     * RepositoryStatsStore}); skipped as not applicable to one that does not.
     */
    @Test
    void rankingsByStarsUseTheLatestDayWithStars() {
        if (!(store instanceof RepositoryStatsStore stats)) {
            return;
        }
        Map<RepositoryId, Long> latest = new HashMap<>();
        for (int i = 0; i < octo.size() - 2; i++) {
            RepositoryId id = octo.get(i);
            LocalDate day = FIRST.plusDays(i);
            stats.saveStats(id, new RepositoryStats(day, 100 + i, null, null, null), day.atStartOfDay().toInstant(ZoneOffset.UTC));
            int later = i % 3 == 0 ? 50 : 100 + i; // some went down later; two share a figure
            stats.saveStats(id, new RepositoryStats(day.plusDays(3), later, 1, null, null),
                    day.plusDays(3).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(60));
            stats.saveStats(id, new RepositoryStats(day.plusDays(4), null, 2, null, null),
                    day.plusDays(4).atStartOfDay().toInstant(ZoneOffset.UTC));
            latest.put(id, (long) later);
        }
        for (RepositoryOrder.Direction direction : RepositoryOrder.Direction.values()) {
            Comparator<Long> byValue = direction == RepositoryOrder.Direction.ASC
                    ? Comparator.nullsLast(Comparator.<Long>naturalOrder())
                    : Comparator.nullsLast(Comparator.<Long>reverseOrder());
            List<String> expected = octo.stream()
                    .sorted(Comparator.comparing((RepositoryId id) -> latest.get(id), byValue).thenComparing(RepositoryId::key))
                    .map(id -> id.key() + "=" + latest.get(id))
                    .toList();
            assertThat(pages(new RepositoryOrder(RepositoryOrder.Field.STARS, direction, DateRange.ALL), 3))
                    .as("by stars %s", direction).isEqualTo(expected);
        }
    }

    /** By name, ascending or descending by key, with every repository of the owner and a total count. */
    @Test
    void rankingsByNameFollowTheKey() {
        List<String> keys = octo.stream().map(RepositoryId::key).sorted().map(key -> key + "=null").toList();
        assertThat(pages(new RepositoryOrder(RepositoryOrder.Field.NAME, RepositoryOrder.Direction.ASC, DateRange.ALL), 5))
                .isEqualTo(keys);
        assertThat(pages(new RepositoryOrder(RepositoryOrder.Field.NAME, RepositoryOrder.Direction.DESC, DateRange.ALL), 5))
                .isEqualTo(reversed(keys));
        RankedPage everyone = aggregates.rank(null, new RepositoryOrder(RepositoryOrder.Field.NAME,
                RepositoryOrder.Direction.ASC, DateRange.ALL), 0, 100);
        assertThat(everyone.totalCount()).isEqualTo(octo.size() + 2);
        assertThat(everyone.hasNextPage()).isFalse();
    }

    private static List<String> reversed(List<String> list) {
        List<String> reversed = new ArrayList<>(list);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /** Every page of a ranking of the owner "octo", as "key=value", checking the paging itself. */
    private List<String> pages(RepositoryOrder order, int size) {
        List<String> ranked = new ArrayList<>();
        int offset = 0;
        RankedPage page;
        do {
            page = aggregates.rank("octo", order, offset, size);
            assertThat(page.totalCount()).isEqualTo(octo.size());
            assertThat(page.repositories()).hasSizeLessThanOrEqualTo(size);
            for (int i = 0; i < page.repositories().size(); i++) {
                TrackedRepository repository = page.repositories().get(i);
                ranked.add(repository.id().key() + "=" + page.values().get(i));
            }
            offset += page.repositories().size();
            if (page.hasNextPage()) {
                assertThat(RankedPage.offsetOf(page.endCursor())).isEqualTo(offset);
            }
        } while (page.hasNextPage());
        assertThat(ranked).doesNotHaveDuplicates();
        return ranked;
    }
}
