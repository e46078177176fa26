package io.tidemark.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.PopularPath;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrafficBucket;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.port.out.SourceFailure;
import io.tidemark.core.port.out.TrafficSource;
import io.tidemark.core.testing.KeptHistoryOracle;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TrafficSource}: what every source must do, whatever it reads. Extend it
 * in the tests of a source adapter; the subclass sets up what the source answers (for the GitHub
 * source: a simulator) before each test and names its parts through the abstract methods.
 *
 * <p>Checked: answers are validated core values of the requested kind and granularity, taken at
 * the source's current time, with buckets inside the window ({@link
 * KeptHistoryOracle#touchedBuckets}) and never larger than the window's totals; snapshots are
 * dated and hold at most ten entries; listing covers the owner's readable repositories once;
 * failures are {@link SourceFailure} outcomes whose messages carry no credential; concurrent
 * calls answer like serial ones.
 */
public abstract class TrafficSourceContract {

    /** The source under test, reading what the subclass set up for this test. */
    protected abstract TrafficSource source();

    /**
     * A repository the source can read, with views and clones in its current window, and
     * referrers and popular paths.
     */
    protected abstract RepositoryId repositoryWithTraffic();

    /** A repository the source does not know (its owner may be known). */
    protected abstract RepositoryId unknownRepository();

    /** An owner the source does not know. */
    protected abstract String unknownOwner();

    /**
     * The instant the source's answers are taken at during this test (for GitHub: its {@code
     * Date} header, the simulator's clock, which the test holds still).
     */
    protected abstract Instant answersAt();

    /** The same source with credentials the upstream rejects, or empty for a source without any. */
    protected abstract Optional<TrafficSource> sourceWithRejectedCredentials();

    /**
     * The secrets the sources of this test are configured with (tokens, passwords, the rejected
     * ones included): no failure message may contain one.
     */
    protected abstract List<String> secrets();

    /**
     * Every window is of the requested kind and granularity, taken at the source's current time;
     * each bucket starts a bucket of the granularity (weeks on Monday), lies in a bucket the
     * window touches, and never exceeds the window's own count or uniques. The repository with
     * traffic has some in each kind.
     */
    @Test
    void windowsAreOfTheRequestedKindTakenNowWithBucketsInsideTheWindow() {
        TrafficSource source = source();
        for (TrafficKind kind : TrafficKind.values()) {
            int traffic = 0;
            for (Granularity granularity : Granularity.values()) {
                TrafficWindow window = source.fetchWindow(repositoryWithTraffic(), kind, granularity);

                assertThat(window.kind()).isEqualTo(kind);
                assertThat(window.granularity()).isEqualTo(granularity);
                assertThat(window.fetchedAt()).as("fetchedAt of %s %s", kind, granularity).isEqualTo(answersAt());
                List<LocalDate> touched = KeptHistoryOracle.touchedBuckets(granularity, window.fetchedAt());
                for (TrafficBucket bucket : window.buckets()) {
                    assertThat(bucket.start()).as("%s %s bucket", kind, granularity).isIn(touched);
                    if (granularity == Granularity.WEEK) {
                        assertThat(bucket.start().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
                    }
                    assertThat(bucket.count()).isLessThanOrEqualTo(window.count());
                    assertThat(bucket.uniques()).isLessThanOrEqualTo(window.uniques());
                }
                assertThat(window.buckets()).extracting(TrafficBucket::start).isSorted().doesNotHaveDuplicates();
                traffic += window.count();
            }
            assertThat(traffic).as("%s of %s", kind, repositoryWithTraffic()).isPositive();
        }
    }

    /**
     * Referrer and path snapshots are taken at the source's current time and hold at most ten
     * entries; the repository with traffic has some of each.
     */
    @Test
    void snapshotsAreTakenNowAndHoldAtMostTen() {
        TrafficSource source = source();

        TopReferrers referrers = source.fetchTopReferrers(repositoryWithTraffic());
        TopPaths paths = source.fetchTopPaths(repositoryWithTraffic());

        assertThat(referrers.takenAt()).isEqualTo(answersAt());
        assertThat(paths.takenAt()).isEqualTo(answersAt());
        assertThat(referrers.day()).isEqualTo(LocalDate.ofInstant(answersAt(), ZoneOffset.UTC));
        assertThat(referrers.referrers()).isNotEmpty().hasSizeLessThanOrEqualTo(10)
                .extracting(Referrer::referrer).doesNotHaveDuplicates();
        assertThat(paths.paths()).isNotEmpty().hasSizeLessThanOrEqualTo(10)
                .extracting(PopularPath::path).doesNotHaveDuplicates();
    }

    /**
     * Listing an owner's readable repositories returns each once (by key), all of that owner
     * (matched ignoring case), the repository with traffic among them, also when the owner is
     * given in another casing.
     */
    @Test
    void listingReturnsTheOwnersReadableRepositoriesOnce() {
        String owner = repositoryWithTraffic().owner();

        List<RepositoryId> listed = source().listReadableRepositories(owner);
        List<RepositoryId> listedUpperCase = source().listReadableRepositories(owner.toUpperCase(Locale.ROOT));

        assertThat(listed).extracting(RepositoryId::key).doesNotHaveDuplicates()
                .contains(repositoryWithTraffic().key())
                .allMatch(key -> key.startsWith(owner.toLowerCase(Locale.ROOT) + "/"));
        assertThat(listedUpperCase).extracting(RepositoryId::key)
                .containsExactlyInAnyOrderElementsOf(listed.stream().map(RepositoryId::key).toList());
    }

    /**
     * An unknown repository or owner is {@link SourceFailure.NotFound} for every call, with a
     * message that is not blank and carries no secret.
     */
    @Test
    void anUnknownRepositoryOrOwnerIsNotFound() {
        TrafficSource source = source();
        RepositoryId unknown = unknownRepository();

        failsWith(SourceFailure.NotFound.class, () -> source.fetchWindow(unknown, TrafficKind.VIEWS, Granularity.DAY));
        failsWith(SourceFailure.NotFound.class, () -> source.fetchWindow(unknown, TrafficKind.CLONES, Granularity.WEEK));
        failsWith(SourceFailure.NotFound.class, () -> source.fetchTopReferrers(unknown));
        failsWith(SourceFailure.NotFound.class, () -> source.fetchTopPaths(unknown));
        failsWith(SourceFailure.NotFound.class, () -> source.listReadableRepositories(unknownOwner()));
    }

    /**
     * Rejected credentials are {@link SourceFailure.BadCredentials} for every call, with a
     * message that carries no secret (skipped for a source without credentials).
     */
    @Test
    void rejectedCredentialsAreBadCredentialsWithoutTheSecretInTheMessage() {
        Optional<TrafficSource> rejected = sourceWithRejectedCredentials();
        Assumptions.assumeTrue(rejected.isPresent(), "the source has no credentials");
        TrafficSource source = rejected.orElseThrow();
        RepositoryId repository = repositoryWithTraffic();

        failsWith(SourceFailure.BadCredentials.class, () -> source.fetchWindow(repository, TrafficKind.VIEWS, Granularity.DAY));
        failsWith(SourceFailure.BadCredentials.class, () -> source.fetchTopReferrers(repository));
        failsWith(SourceFailure.BadCredentials.class, () -> source.fetchTopPaths(repository));
        failsWith(SourceFailure.BadCredentials.class, () -> source.listReadableRepositories(repository.owner()));
    }

    /**
     * The source is safe for use from several threads: {@value #THREADS} threads fetching at
     * once get the answers a serial fetch gets (the source's clock stands still).
     */
    @Test
    void concurrentFetchesAnswerLikeSerialOnes() throws Exception {
        TrafficSource source = source();
        RepositoryId repository = repositoryWithTraffic();
        TrafficWindow views = source.fetchWindow(repository, TrafficKind.VIEWS, Granularity.DAY);
        TrafficWindow clones = source.fetchWindow(repository, TrafficKind.CLONES, Granularity.WEEK);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<TrafficWindow>>> fetches = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                fetches.add(pool.submit(() -> {
                    start.await();
                    return List.of(
                            source.fetchWindow(repository, TrafficKind.VIEWS, Granularity.DAY),
                            source.fetchWindow(repository, TrafficKind.CLONES, Granularity.WEEK));
                }));
            }
            start.countDown();
            for (Future<List<TrafficWindow>> fetch : fetches) {
                assertThat(fetch.get(2, TimeUnit.MINUTES)).containsExactly(views, clones);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many threads {@link #concurrentFetchesAnswerLikeSerialOnes} fetches from. */
    protected static final int THREADS = 4;

    private void failsWith(Class<? extends SourceFailure> outcome, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(outcome).satisfies(failure -> {
            assertThat(failure.getMessage()).isNotBlank();
            for (String secret : secrets()) {
                assertThat(failure.getMessage()).doesNotContain(secret);
                assertThat(String.valueOf(failure)).doesNotContain(secret);
            }
        });
    }
}
