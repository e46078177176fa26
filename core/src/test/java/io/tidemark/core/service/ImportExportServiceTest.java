package io.tidemark.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.model.ArchiveFormatException;
import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.HistoryFact;
import io.tidemark.core.model.ImportReport;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.PopularPath;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.RepositoryStats;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.model.TrafficBucket;
import io.tidemark.core.model.WindowTotals;
import io.tidemark.core.port.in.ExportHistoryUseCase;
import io.tidemark.core.port.in.ImportHistoryUseCase.Options;
import io.tidemark.core.port.out.HistoryArchive;
import io.tidemark.core.testing.InMemoryTrafficStore;
import io.tidemark.core.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Imports and exports over the reference in-memory store, with an archive that gives facts from a
 * list (the parsing of real formats is the import adapter's, tested there). The expected histories
 * are computed here from the facts themselves (the maximum of each field per day), never with
 * core's merge code.
 */
class ImportExportServiceTest {

    private static final RepositoryId REPO = RepositoryId.of("octo", "hello");
    private static final LocalDate FIRST = LocalDate.of(2023, 1, 1);
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    /** An archive of named files, each a list of facts; a file may fail after some of its facts. */
    static final class ListArchive implements HistoryArchive {
        final Map<String, List<HistoryFact>> files = new LinkedHashMap<>();
        final Map<String, Integer> failAfter = new HashMap<>();

        @Override
        public Set<String> formats() {
            return Set.of("list");
        }

        @Override
        public Optional<String> recognise(ArchiveFile file) {
            return files.containsKey(file.name()) ? Optional.of("list") : Optional.empty();
        }

        @Override
        public void read(ArchiveFile file, String format, RepositoryId repository, Consumer<HistoryFact> facts) {
            List<HistoryFact> all = files.get(file.name());
            for (int i = 0; i < all.size(); i++) {
                if (failAfter.containsKey(file.name()) && i == failAfter.get(file.name())) {
                    throw new ArchiveFormatException(file.name(), i + 2, 3, "a figure that is not a whole number");
                }
                facts.accept(all.get(i));
            }
        }
    }

    // jqwik runs every try of a property on the same instance: each test starts from an empty store.
    private InMemoryTrafficStore store;
    private ListArchive archive;
    private ImportService imports;

    private void empty() {
        store = new InMemoryTrafficStore();
        archive = new ListArchive();
        imports = new ImportService(List.of(archive), store, store, store, store, new MutableClock(NOW));
    }

    private ImportReport importFile(String name, Options options) {
        return imports.importFile(new ArchiveFile(name, Path.of("unused")), options);
    }

    private static HistoryFact.Bucket day(TrafficKind kind, int offset, int count, int uniques) {
        return new HistoryFact.Bucket(REPO, kind, Granularity.DAY, new KeptBucket(FIRST.plusDays(offset), count, uniques, false));
    }

    private Map<LocalDate, KeptBucket> kept(TrafficKind kind) {
        Map<LocalDate, KeptBucket> kept = new TreeMap<>();
        store.series(List.of(REPO), kind, Granularity.DAY, DateRange.ALL).getOrDefault(REPO, List.of())
                .forEach(bucket -> kept.put(bucket.start(), bucket));
        return kept;
    }

    /**
     * Files of overlapping daily figures, imported in any order and any number of times, keep per
     * day and kind the largest count and the largest uniques any file had, never complete, and
     * nothing on days no file had.
     */
    @Property(tries = 60)
    void importOrderAndRepeatsNeverMatter(@ForAll @IntRange(min = 1, max = 5) int fileCount, @ForAll long seed) {
        empty();
        Random random = new Random(seed);
        Map<LocalDate, int[]> expected = new TreeMap<>();
        List<String> names = new ArrayList<>();
        for (int f = 0; f < fileCount; f++) {
            List<HistoryFact> facts = new ArrayList<>();
            for (int offset = random.nextInt(20); offset < 40; offset += 1 + random.nextInt(3)) {
                int count = random.nextInt(50);
                int uniques = count == 0 ? 0 : random.nextInt(count + 1);
                facts.add(day(TrafficKind.VIEWS, offset, count, uniques));
                expected.merge(FIRST.plusDays(offset), new int[] {count, uniques},
                        (a, b) -> new int[] {Math.max(a[0], b[0]), Math.max(a[1], b[1])});
            }
            archive.files.put("file" + f, facts);
            names.add("file" + f);
        }
        List<String> order = new ArrayList<>(names);
        order.addAll(names.subList(0, random.nextInt(names.size() + 1)));
        Collections.shuffle(order, random);

        order.forEach(name -> importFile(name, Options.DEFAULT));

        Map<LocalDate, KeptBucket> kept = kept(TrafficKind.VIEWS);
        assertThat(kept.keySet()).isEqualTo(expected.keySet());
        expected.forEach((day, figures) -> assertThat(kept.get(day))
                .isEqualTo(new KeptBucket(day, figures[0], figures[1], false)));
        assertThat(kept(TrafficKind.CLONES)).isEmpty();
    }

    /**
     * An import never lowers what GitHub gave and never takes completeness away; it raises only
     * the fields it has larger, and the report counts each day as raised or not larger.
     */
    @Property(tries = 60)
    void anImportNeverLowersAFigureGitHubGave(@ForAll long seed) {
        empty();
        Random random = new Random(seed);
        store.track(REPO, NOW);
        Instant fetchedAt = FIRST.plusDays(20).atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusSeconds(3600 * 7);
        List<TrafficBucket> github = new ArrayList<>();
        for (int offset = 7; offset <= 20; offset++) {
            int count = random.nextInt(60);
            github.add(new TrafficBucket(FIRST.plusDays(offset), count, count == 0 ? 0 : random.nextInt(count + 1)));
        }
        TrafficWindow window = new TrafficWindow(TrafficKind.VIEWS, Granularity.DAY, fetchedAt, 0, 0, github);
        store.merge(REPO, window.observations());
        Map<LocalDate, KeptBucket> before = kept(TrafficKind.VIEWS);

        List<HistoryFact> facts = new ArrayList<>();
        int raised = 0;
        for (int offset = 0; offset <= 25; offset++) {
            int count = random.nextInt(60);
            int uniques = count == 0 ? 0 : random.nextInt(count + 1);
            facts.add(day(TrafficKind.VIEWS, offset, count, uniques));
            KeptBucket old = before.get(FIRST.plusDays(offset));
            if (old == null || count > old.count() || uniques > old.uniques()) {
                raised++;
            }
        }
        archive.files.put("peer", facts);

        ImportReport report = importFile("peer", Options.DEFAULT);

        Map<LocalDate, KeptBucket> after = kept(TrafficKind.VIEWS);
        before.forEach((day, old) -> {
            assertThat(after.get(day).count()).isGreaterThanOrEqualTo(old.count());
            assertThat(after.get(day).uniques()).isGreaterThanOrEqualTo(old.uniques());
            assertThat(after.get(day).complete()).isEqualTo(old.complete());
        });
        ImportReport.RepositoryReport ofRepo = report.repositories().get(0);
        assertThat(ofRepo.daysRead()).isEqualTo(26);
        assertThat(ofRepo.daysRaised()).isEqualTo(raised);
        assertThat(ofRepo.daysNotLarger()).isEqualTo(26 - raised);
        assertThat(ofRepo.newlyTracked()).isFalse();
    }

    /** A day absent from a file is a gap; with dense, the days of the file's range it lacks are observed zeros. */
    @Test
    void absentDaysAreGapsUnlessTheFileIsDense() {
        empty();
        archive.files.put("sparse", List.of(day(TrafficKind.VIEWS, 0, 5, 3), day(TrafficKind.VIEWS, 4, 7, 2)));
        importFile("sparse", Options.DEFAULT);
        assertThat(kept(TrafficKind.VIEWS)).containsOnlyKeys(FIRST, FIRST.plusDays(4));

        store.merge(REPO, new io.tidemark.core.model.Observations(TrafficKind.VIEWS, Granularity.DAY, NOW,
                List.of(new KeptBucket(FIRST.plusDays(2), 9, 4, true)), null));
        ImportReport report = importFile("sparse", new Options(null, null, true));

        Map<LocalDate, KeptBucket> kept = kept(TrafficKind.VIEWS);
        assertThat(kept).containsOnlyKeys(FIRST, FIRST.plusDays(1), FIRST.plusDays(2), FIRST.plusDays(3), FIRST.plusDays(4));
        assertThat(kept.get(FIRST.plusDays(1))).isEqualTo(new KeptBucket(FIRST.plusDays(1), 0, 0, false));
        assertThat(kept.get(FIRST.plusDays(2))).as("a kept day is never lowered to a dense zero")
                .isEqualTo(new KeptBucket(FIRST.plusDays(2), 9, 4, true));
        assertThat(report.repositories().get(0).zeroDaysAdded()).isEqualTo(2);
        assertThat(kept(TrafficKind.CLONES)).as("a kind the file does not have stays unknown").isEmpty();
    }

    /** A file that turns out malformed half-way keeps nothing: not its figures, not its repository. */
    @Test
    void aMalformedFileKeepsNothing() {
        empty();
        archive.files.put("broken", List.of(new HistoryFact.Tracked(REPO, true), day(TrafficKind.VIEWS, 0, 5, 3),
                new HistoryFact.Referrers(REPO, new TopReferrers(NOW, List.of(new Referrer("x.com", 2, 1)))),
                day(TrafficKind.VIEWS, 1, 5, 3)));
        archive.failAfter.put("broken", 3);

        assertThatThrownBy(() -> importFile("broken", Options.DEFAULT))
                .isInstanceOf(ArchiveFormatException.class)
                .hasMessage("broken, line 5, column 3: a figure that is not a whole number");
        assertThat(store.find(REPO)).isEmpty();
        assertThat(store.list(null, null, 10).repositories()).isEmpty();
    }

    /** A figure dated before GitHub existed or after today is refused, naming the file; nothing is kept. */
    @Test
    void aFigureOutsideGitHubsLifetimeIsRefused() {
        empty();
        archive.files.put("future", List.of(new HistoryFact.Bucket(REPO, TrafficKind.VIEWS, Granularity.DAY,
                new KeptBucket(LocalDate.of(2027, 1, 1), 1, 1, false))));
        assertThatThrownBy(() -> importFile("future", Options.DEFAULT))
                .isInstanceOf(ArchiveFormatException.class)
                .hasMessageContaining("future: ")
                .hasMessageContaining("2027-01-01");
        assertThat(store.find(REPO)).isEmpty();
    }

    /**
     * Counters are kept as seen on their day, counted in the report; a counter Tidemark fetched
     * itself that day is never replaced by an imported one; importing again changes nothing.
     */
    @Test
    void countersAreKeptAsSeenOnTheirDay() {
        empty();
        store.track(REPO, NOW);
        store.saveStats(REPO, new RepositoryStats(FIRST.plusDays(1), 40, null, null, null),
                FIRST.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(3600));
        archive.files.put("stars", List.of(
                new HistoryFact.Stat(REPO, FIRST, HistoryFact.Counter.STARS, 10),
                new HistoryFact.Stat(REPO, FIRST.plusDays(1), HistoryFact.Counter.STARS, 11),
                new HistoryFact.Stat(REPO, FIRST, HistoryFact.Counter.FORKS, 2)));

        ImportReport report = importFile("stars", Options.DEFAULT);
        importFile("stars", Options.DEFAULT);

        assertThat(report.skipped()).isEmpty();
        assertThat(report.repositories().get(0).statsKept()).isEqualTo(3);
        assertThat(store.stats(List.of(REPO), DateRange.ALL).get(REPO)).containsExactly(
                new RepositoryStats(FIRST, 10, 2, null, null),
                new RepositoryStats(FIRST.plusDays(1), 40, null, null, null));
    }

    /** Without a counters store, counters are reported as skipped, never dropped silently. */
    @Test
    void withoutACountersStoreCountersAreReportedAsSkipped() {
        empty();
        imports = new ImportService(List.of(archive), store, store, store, new MutableClock(NOW));
        archive.files.put("stars", List.of(
                new HistoryFact.Stat(REPO, FIRST, HistoryFact.Counter.STARS, 10),
                new HistoryFact.Stat(REPO, FIRST.plusDays(1), HistoryFact.Counter.STARS, 11),
                new HistoryFact.Stat(REPO, FIRST, HistoryFact.Counter.FORKS, 2)));
        ImportReport report = importFile("stars", Options.DEFAULT);
        assertThat(report.skipped()).extracting(ImportReport.Skipped::what, ImportReport.Skipped::count)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("stars of octo/hello", 2L),
                        org.assertj.core.groups.Tuple.tuple("forks of octo/hello", 1L));
    }

    /** A snapshot older than the one kept for its day is ignored and counted so. */
    @Test
    void anOlderSnapshotOfAKeptDayIsIgnored() {
        empty();
        store.track(REPO, NOW);
        Instant noon = FIRST.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusSeconds(12 * 3600);
        store.save(REPO, new TopReferrers(noon, List.of(new Referrer("kept.example", 9, 3))));
        archive.files.put("snapshots", List.of(
                new HistoryFact.Referrers(REPO, new TopReferrers(noon.minusSeconds(3600), List.of(new Referrer("older", 1, 1)))),
                new HistoryFact.Referrers(REPO, new TopReferrers(noon.plusSeconds(86_400), List.of(new Referrer("next", 1, 1))))));
        ImportReport report = importFile("snapshots", Options.DEFAULT);
        assertThat(store.topReferrers(REPO, FIRST).orElseThrow().referrers()).extracting(Referrer::referrer).containsExactly("kept.example");
        assertThat(report.repositories().get(0).snapshotsIgnored()).isEqualTo(1);
        assertThat(report.repositories().get(0).snapshotsKept()).isEqualTo(1);
    }

    /**
     * Export then import into an empty store gives back the same store: buckets of both
     * granularities with their completeness, window totals, every snapshot, owners and whether
     * each repository is still tracked.
     */
    @Property(tries = 40)
    void exportThenImportGivesBackTheSameHistory(@ForAll long seed) {
        empty();
        Random random = new Random(seed);
        List<RepositoryId> repositories = List.of(REPO, RepositoryId.of("octo", "World"), RepositoryId.of("Other", "x"));
        store.trackOwner("octo", NOW);
        for (RepositoryId repository : repositories) {
            store.track(repository, NOW);
            for (int fetch = 0; fetch < 1 + random.nextInt(4); fetch++) {
                Instant at = FIRST.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)
                        .plusSeconds(3600L * random.nextInt(24 * 60));
                for (TrafficKind kind : TrafficKind.values()) {
                    for (Granularity granularity : Granularity.values()) {
                        TrafficWindow window = new TrafficWindow(kind, granularity, at, random.nextInt(500), random.nextInt(100), List.of());
                        List<TrafficBucket> buckets = new ArrayList<>();
                        LocalDate first = granularity.bucketStart(window.firstDay());
                        for (LocalDate start = first; !start.isAfter(window.lastDay()); start = granularity.next(start)) {
                            if (random.nextBoolean()) {
                                int count = random.nextInt(80);
                                buckets.add(new TrafficBucket(start, count, count == 0 ? 0 : random.nextInt(count + 1)));
                            }
                        }
                        store.merge(repository, new TrafficWindow(kind, granularity, at, window.count(), window.uniques(), buckets).observations());
                    }
                }
                store.save(repository, new TopReferrers(at, random.nextBoolean() ? List.of()
                        : List.of(new Referrer("r" + random.nextInt(5) + ".example", 3, 2))));
                store.save(repository, new TopPaths(at, List.of(new PopularPath("/p", "title, with \"quotes\"", 4, 1))));
                if (random.nextBoolean()) {
                    store.saveStats(repository, new RepositoryStats(LocalDate.ofInstant(at, java.time.ZoneOffset.UTC),
                            random.nextInt(100), random.nextBoolean() ? null : random.nextInt(9), null, random.nextInt(5)), at);
                }
            }
        }
        store.untrack(repositories.get(1));

        List<HistoryFact> exported = new ArrayList<>();
        new ExportService(store, store, store, store).export(ExportHistoryUseCase.Scope.EVERYTHING, exported::add);

        InMemoryTrafficStore empty = new InMemoryTrafficStore();
        ListArchive fromExport = new ListArchive();
        fromExport.files.put("export", exported);
        new ImportService(List.of(fromExport), empty, empty, empty, empty, new MutableClock(NOW))
                .importFile(new ArchiveFile("export", Path.of("unused")), Options.DEFAULT);

        assertThat(empty.trackedOwners()).isEqualTo(store.trackedOwners());
        assertThat(empty.list(null, null, 10).repositories()).extracting(r -> r.id().nameWithOwner() + " " + r.active())
                .isEqualTo(store.list(null, null, 10).repositories().stream().map(r -> r.id().nameWithOwner() + " " + r.active()).toList());
        for (TrafficKind kind : TrafficKind.values()) {
            for (Granularity granularity : Granularity.values()) {
                assertThat(empty.series(repositories, kind, granularity, DateRange.ALL))
                        .isEqualTo(store.series(repositories, kind, granularity, DateRange.ALL));
                assertThat(empty.windowTotals(repositories, kind, granularity, DateRange.ALL))
                        .isEqualTo(store.windowTotals(repositories, kind, granularity, DateRange.ALL));
            }
        }
        for (RepositoryId repository : repositories) {
            for (LocalDate day = FIRST.minusDays(15); day.isBefore(FIRST.plusDays(62)); day = day.plusDays(1)) {
                assertThat(empty.topReferrers(repository, day)).isEqualTo(store.topReferrers(repository, day));
                assertThat(empty.topPaths(repository, day)).isEqualTo(store.topPaths(repository, day));
            }
        }
        assertThat(empty.stats(repositories, DateRange.ALL)).isEqualTo(store.stats(repositories, DateRange.ALL));
        List<HistoryFact> again = new ArrayList<>();
        new ExportService(empty, empty, empty, empty).export(ExportHistoryUseCase.Scope.EVERYTHING, again::add);
        assertThat(again).isEqualTo(exported);
    }

    /** An export of one owner or one repository holds only theirs; an unknown repository is refused. */
    @Test
    void anExportHoldsOnlyItsScope() {
        empty();
        store.track(REPO, NOW);
        store.track(RepositoryId.of("other", "thing"), NOW);
        List<HistoryFact> facts = new ArrayList<>();
        new ExportService(store, store, store).export(new ExportHistoryUseCase.Scope("OCTO", null), facts::add);
        assertThat(facts).containsExactly(new HistoryFact.Tracked(REPO, true));
        assertThatThrownBy(() -> new ExportService(store, store, store)
                .export(new ExportHistoryUseCase.Scope(null, RepositoryId.of("no", "body")), f -> { }))
                .isInstanceOf(java.util.NoSuchElementException.class);
    }

    /** Window totals travel as they are. */
    @Test
    void windowTotalsAreImportedAsTheyAre() {
        empty();
        WindowTotals totals = new WindowTotals(TrafficKind.CLONES, Granularity.WEEK, NOW.minusSeconds(86_400 * 400), 120, 40);
        archive.files.put("totals", List.of(new HistoryFact.Totals(REPO, totals)));
        ImportReport report = importFile("totals", Options.DEFAULT);
        assertThat(store.windowTotals(List.of(REPO), TrafficKind.CLONES, Granularity.WEEK, DateRange.ALL).get(REPO))
                .containsExactly(totals);
        assertThat(report.repositories().get(0).windowTotalsRead()).isEqualTo(1);
        assertThat(report.repositories().get(0).newlyTracked()).isTrue();
    }
}
