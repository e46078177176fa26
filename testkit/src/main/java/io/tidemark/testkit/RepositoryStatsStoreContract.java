package io.tidemark.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.model.DailyCount;
import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.model.Release;
import io.tidemark.core.model.ReleaseAsset;
import io.tidemark.core.model.ReleaseHistory;
import io.tidemark.core.model.ReleaseList;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.RepositoryStats;
import io.tidemark.core.model.StarsBackfill;
import io.tidemark.core.port.out.RepositoryStatsStore;
import io.tidemark.core.port.out.TrafficStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RepositoryStatsStore}, as its Javadoc states it: counters per day, each
 * as last seen (never a maximum), release lists per day with the latest fetched winning, reads by
 * range, newest releases first, and what {@code deleteHistory} removes. Extend it in the tests of
 * a store adapter and implement {@link #emptyStore()}: the role shares the registry's
 * repositories, so the factory returns the whole store, which must implement both.
 */
public abstract class RepositoryStatsStoreContract {

    private static final Instant TRACKED_AT = Instant.parse("2024-01-01T00:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2024-03-10");

    /** The store under test, as a whole. */
    protected TrafficStore store;

    /** The same store, in its stats role. */
    protected RepositoryStatsStore stats;

    private RepositoryId rocket;

    /**
     * A store that knows no repository and keeps nothing, for one test; called before each test.
     * It must implement {@link RepositoryStatsStore} too.
     */
    protected abstract TrafficStore emptyStore();

    @BeforeEach
    void openEmptyStore() {
        store = emptyStore();
        assertThat(store).as("the store implements RepositoryStatsStore").isInstanceOf(RepositoryStatsStore.class);
        stats = (RepositoryStatsStore) store;
        rocket = RepositoryId.of("acme", "rocket");
        store.track(rocket, TRACKED_AT);
    }

    /** A day's counters are kept as seen and read back by range, oldest first; a day not seen is absent. */
    @Test
    void countersAreKeptPerDayAndReadByRange() {
        stats.saveStats(rocket, new RepositoryStats(DAY, 10, 2, 3, 4), at("2024-03-10T08:00:00Z"));
        stats.saveStats(rocket, new RepositoryStats(DAY.plusDays(2), 12, 2, 3, 1), at("2024-03-12T08:00:00Z"));
        stats.saveStats(rocket, new RepositoryStats(DAY.plusDays(5), 15, 2, 3, 0), at("2024-03-15T08:00:00Z"));

        assertThat(stats.stats(List.of(rocket), DateRange.ALL).get(rocket)).containsExactly(
                new RepositoryStats(DAY, 10, 2, 3, 4),
                new RepositoryStats(DAY.plusDays(2), 12, 2, 3, 1),
                new RepositoryStats(DAY.plusDays(5), 15, 2, 3, 0));
        assertThat(stats.stats(List.of(rocket), new DateRange(DAY.plusDays(1), DAY.plusDays(2))).get(rocket))
                .containsExactly(new RepositoryStats(DAY.plusDays(2), 12, 2, 3, 1));
    }

    /**
     * Stars can go down: a later sighting of the same day replaces the kept counters, smaller or
     * not (it is not a maximum), and a later day's smaller figure is kept as seen.
     */
    @Test
    void aLaterSightingReplacesTheCountersEvenWhenTheyWentDown() {
        stats.saveStats(rocket, new RepositoryStats(DAY, 10, 2, 3, 4), at("2024-03-10T08:00:00Z"));
        stats.saveStats(rocket, new RepositoryStats(DAY, 9, 2, 3, 5), at("2024-03-10T20:00:00Z"));
        stats.saveStats(rocket, new RepositoryStats(DAY.plusDays(1), 7, 2, 3, 5), at("2024-03-11T20:00:00Z"));

        assertThat(stats.stats(List.of(rocket), DateRange.ALL).get(rocket)).containsExactly(
                new RepositoryStats(DAY, 9, 2, 3, 5), new RepositoryStats(DAY.plusDays(1), 7, 2, 3, 5));
    }

    /**
     * Per counter on its own: a sighting without a counter leaves the kept one alone, an older
     * sighting arriving late is ignored, one at the same instant replaces, and saving the same
     * sighting twice is idempotent.
     */
    @Test
    void eachCounterKeepsItsLatestSighting() {
        stats.saveStats(rocket, new RepositoryStats(DAY, 10, 2, null, null), at("2024-03-10T12:00:00Z"));
        stats.saveStats(rocket, new RepositoryStats(DAY, null, null, 3, null), at("2024-03-10T13:00:00Z"));
        // late and older: stars and forks were seen later, open issues never
        stats.saveStats(rocket, new RepositoryStats(DAY, 8, 1, null, 6), at("2024-03-10T00:00:00Z"));
        // same instant as the stars: replaces
        stats.saveStats(rocket, new RepositoryStats(DAY, 11, null, null, null), at("2024-03-10T12:00:00Z"));
        stats.saveStats(rocket, new RepositoryStats(DAY, 11, null, null, null), at("2024-03-10T12:00:00Z"));

        assertThat(stats.stats(List.of(rocket), DateRange.ALL).get(rocket))
                .containsExactly(new RepositoryStats(DAY, 11, 2, 3, 6));
    }

    /** A sighting without a counter keeps nothing; a seenAt on another day than the counters' is refused. */
    @Test
    void emptySightingsKeepNothingAndTheDayMustMatch() {
        stats.saveStats(rocket, new RepositoryStats(DAY, null, null, null, null), at("2024-03-10T12:00:00Z"));

        assertThat(stats.stats(List.of(rocket), DateRange.ALL).get(rocket)).isEmpty();
        assertThatThrownBy(() -> stats.saveStats(rocket, new RepositoryStats(DAY, 1, 1, 1, 1), at("2024-03-11T00:00:00Z")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(stats.stats(List.of(rocket), DateRange.ALL).get(rocket)).isEmpty();
    }

    /**
     * Reads of several repositories: each known one once (an empty list when nothing is kept), in
     * the casing first tracked, unknown ones left out; the latest stars per repository.
     */
    @Test
    void readsOfSeveralRepositoriesAndTheLatestStars() {
        RepositoryId probe = RepositoryId.of("Beta", "Probe");
        RepositoryId quiet = RepositoryId.of("acme", "quiet");
        store.track(probe, TRACKED_AT);
        store.track(quiet, TRACKED_AT);
        stats.saveStats(rocket, new RepositoryStats(DAY, 10, 2, 3, 4), at("2024-03-10T08:00:00Z"));
        stats.saveStats(rocket, new RepositoryStats(DAY.plusDays(1), 9, 2, 3, 4), at("2024-03-11T08:00:00Z"));
        // the latest day has no stars: the stars are those of the day before
        stats.saveStats(probe, new RepositoryStats(DAY, 40, null, null, null), at("2024-03-10T08:00:00Z"));
        stats.saveStats(probe, new RepositoryStats(DAY.plusDays(3), null, 1, null, null), at("2024-03-13T08:00:00Z"));
        RepositoryId unknown = RepositoryId.of("acme", "unknown");

        Map<RepositoryId, List<RepositoryStats>> read =
                stats.stats(List.of(RepositoryId.of("BETA", "probe"), rocket, quiet, unknown), DateRange.ALL);

        assertThat(read).containsOnlyKeys(probe, rocket, quiet);
        assertThat(read.keySet()).extracting(RepositoryId::nameWithOwner).contains("Beta/Probe");
        assertThat(read.get(quiet)).isEmpty();
        assertThat(stats.latestStars(List.of(rocket, probe, quiet, unknown)))
                .isEqualTo(Map.of(rocket, 9, probe, 40));
    }

    /**
     * Release lists: one per UTC day, a later list of the day replacing the kept one (a release or
     * an asset it no longer has is no longer seen that day), an older late one ignored; a release
     * no longer listed stays kept; releases newest first, drafts first, with their sightings.
     */
    @Test
    void releaseListsArePerDayAndReleasesAreNewestFirst() {
        Release v1 = release("v1.0", "2024-01-05T00:00:00Z", asset(1, "tool.zip", 100));
        stats.saveReleases(rocket, new ReleaseList(at("2024-03-10T08:00:00Z"), List.of(v1,
                release("v0.9", "2023-12-01T00:00:00Z"))));
        stats.saveReleases(rocket, new ReleaseList(at("2024-03-10T20:00:00Z"), List.of(
                release("v1.0", "2024-01-05T00:00:00Z", asset(1, "tool.zip", 120), asset(2, "tool.tar.gz", 4)),
                release("v0.9", "2023-12-01T00:00:00Z"))));
        // late and older: ignored
        stats.saveReleases(rocket, new ReleaseList(at("2024-03-10T10:00:00Z"), List.of(v1)));
        // the next day: v0.9 deleted on GitHub, a draft appears, v1.0's zip replaced
        Release draft = new Release("v2.0-rc1", null, null, List.of());
        stats.saveReleases(rocket, new ReleaseList(at("2024-03-11T08:00:00Z"), List.of(draft,
                release("v1.0", "2024-01-05T00:00:00Z", asset(3, "tool.zip", 5), asset(2, "tool.tar.gz", 9)))));

        List<ReleaseHistory> releases = stats.releases(rocket, 10);

        assertThat(releases).extracting(r -> r.latest().tagName()).containsExactly("v2.0-rc1", "v1.0", "v0.9");
        assertThat(releases.get(0).latest()).isEqualTo(draft);
        ReleaseHistory kept = releases.get(1);
        assertThat(kept.latest().downloadCount()).isEqualTo(14);
        assertThat(kept.sightings()).containsExactly(
                new ReleaseHistory.Sighting(DAY, List.of(asset(1, "tool.zip", 120), asset(2, "tool.tar.gz", 4))),
                new ReleaseHistory.Sighting(DAY.plusDays(1), List.of(asset(3, "tool.zip", 5), asset(2, "tool.tar.gz", 9))));
        assertThat(kept.downloadsPerDay()).containsExactly(new DailyCount(DAY.plusDays(1), 5));
        assertThat(releases.get(2).sightings()).extracting(ReleaseHistory.Sighting::day).containsExactly(DAY);
        assertThat(stats.releases(rocket, 1)).extracting(r -> r.latest().tagName()).containsExactly("v2.0-rc1");
    }

    /** A list without releases counts as the day's list; names, publication times and order are kept as given. */
    @Test
    void anEmptyListIsKeptAsTheDaysList() {
        assertThat(stats.hasReleasesOf(rocket, DAY)).isFalse();

        stats.saveReleases(rocket, new ReleaseList(at("2024-03-10T08:00:00Z"), List.of()));

        assertThat(stats.hasReleasesOf(rocket, DAY)).isTrue();
        assertThat(stats.hasReleasesOf(rocket, DAY.plusDays(1))).isFalse();
        assertThat(stats.releases(rocket, 5)).isEmpty();
    }

    /** Instants to the microsecond; a release's name and publication as last seen. */
    @Test
    void aReleaseKeepsItsLatestFormToTheMicrosecond() {
        Instant published = Instant.parse("2024-01-05T10:11:12.123456Z");
        stats.saveReleases(rocket, new ReleaseList(at("2024-03-10T08:00:00Z"),
                List.of(new Release("v1", "First", published, List.of(asset(7, "a.bin", 1))))));
        stats.saveReleases(rocket, new ReleaseList(at("2024-03-12T08:00:00Z"),
                List.of(new Release("v1", "First, renamed", published, List.of(asset(7, "a.bin", 3))))));

        assertThat(stats.releases(rocket, 5)).singleElement().satisfies(release -> {
            assertThat(release.latest()).isEqualTo(
                    new Release("v1", "First, renamed", published, List.of(asset(7, "a.bin", 3))));
            assertThat(release.downloadsPerDay()).containsExactly(new DailyCount(DAY.plusDays(2), 2));
        });
    }

    /** Unknown repositories are refused before writing; nulls are refused; reads of unknown ones are empty. */
    @Test
    void unknownRepositoriesAndNullsAreRefused() {
        RepositoryId unknown = RepositoryId.of("acme", "unknown");

        assertThatThrownBy(() -> stats.saveStats(unknown, new RepositoryStats(DAY, 1, 1, 1, 1), at("2024-03-10T08:00:00Z")))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> stats.saveReleases(unknown, new ReleaseList(at("2024-03-10T08:00:00Z"), List.of())))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> stats.saveStats(rocket, null, at("2024-03-10T08:00:00Z")))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> stats.saveReleases(rocket, null)).isInstanceOf(NullPointerException.class);
        assertThat(stats.releases(unknown, 5)).isEmpty();
        assertThat(stats.hasReleasesOf(unknown, DAY)).isFalse();
    }

    /** {@code deleteHistory} deletes the counters and releases too; tracking again starts from nothing. */
    @Test
    void deleteHistoryDeletesCountersAndReleases() {
        stats.saveStats(rocket, new RepositoryStats(DAY, 10, 2, 3, 4), at("2024-03-10T08:00:00Z"));
        stats.saveReleases(rocket, new ReleaseList(at("2024-03-10T08:00:00Z"),
                List.of(release("v1", "2024-01-05T00:00:00Z", asset(1, "a", 1)))));

        store.deleteHistory(rocket);
        store.track(rocket, TRACKED_AT);

        assertThat(stats.stats(List.of(rocket), DateRange.ALL).get(rocket)).isEmpty();
        assertThat(stats.releases(rocket, 5)).isEmpty();
        assertThat(stats.hasReleasesOf(rocket, DAY)).isFalse();
        assertThat(stats.latestStars(List.of(rocket))).isEmpty();
    }

    /** The stars backfill progress is kept as last saved, per repository; none before the first. */
    @Test
    void starsBackfillProgressIsKeptAsLastSaved() {
        RepositoryId other = RepositoryId.of("acme", "other");
        store.track(other, TRACKED_AT);
        assertThat(stats.starsBackfill(rocket)).isEmpty();

        stats.saveStarsBackfill(rocket, new StarsBackfill(3, DAY, DAY.plusDays(40), 2, false));
        stats.saveStarsBackfill(rocket, new StarsBackfill(4, DAY.plusDays(1), DAY.plusDays(41), 1, false));
        stats.saveStarsBackfill(other, new StarsBackfill(2, null, DAY, 1, true));

        assertThat(stats.starsBackfill(RepositoryId.of("ACME", "Rocket")))
                .contains(new StarsBackfill(4, DAY.plusDays(1), DAY.plusDays(41), 1, false));
        assertThat(stats.starsBackfill(other)).contains(new StarsBackfill(2, null, DAY, 1, true));
        assertThat(stats.starsBackfill(RepositoryId.of("acme", "unknown"))).isEmpty();
        assertThatThrownBy(() -> stats.saveStarsBackfill(RepositoryId.of("acme", "unknown"), StarsBackfill.NOT_STARTED))
                .isInstanceOf(NoSuchElementException.class);
    }

    /** {@code deleteHistory} forgets the backfill progress: tracking again backfills from the start. */
    @Test
    void deleteHistoryForgetsTheStarsBackfill() {
        stats.saveStarsBackfill(rocket, new StarsBackfill(5, DAY, DAY, 3, true));

        store.deleteHistory(rocket);
        store.track(rocket, TRACKED_AT);

        assertThat(stats.starsBackfill(rocket)).isEmpty();
    }

    /** Sightings of one day saved from 8 threads at once: the latest seen wins, whatever the order. */
    @Test
    void concurrentSightingsKeepTheLatestSeen() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int hour = i % 20;
                done.add(threads.submit(() -> {
                    Instant seen = DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(3600L * hour);
                    stats.saveStats(rocket, new RepositoryStats(DAY, hour, hour, hour, hour), seen);
                    stats.saveReleases(rocket, new ReleaseList(seen, List.of(release("v1", "2024-01-05T00:00:00Z",
                            asset(1, "a", hour)))));
                }));
            }
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(stats.stats(List.of(rocket), DateRange.ALL).get(rocket))
                .containsExactly(new RepositoryStats(DAY, 19, 19, 19, 19));
        assertThat(stats.releases(rocket, 1)).singleElement()
                .satisfies(release -> assertThat(release.latest().assets()).containsExactly(asset(1, "a", 19)));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Release release(String tag, String publishedAt, ReleaseAsset... assets) {
        return new Release(tag, "Release " + tag, Instant.parse(publishedAt), List.of(assets));
    }

    private static ReleaseAsset asset(long id, String name, int downloads) {
        return new ReleaseAsset(id, name, downloads);
    }
}
