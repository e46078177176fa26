package io.tidemark.app;

import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.PopularPath;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrafficBucket;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.port.out.TrafficSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A second {@link TrafficSource} on the test class path, as a third-party adapter would be: it
 * answers every repository with the same figures, {@value #VIEWS_PER_DAY} views on each of the
 * last three days, which GitHub's simulator never serves, so a test can tell which source a sync
 * used. It is in every test's build; only {@code tidemark.sources=fixture} makes the application
 * use it.
 */
@ApplicationScoped
@Named(FixtureTrafficSource.NAME)
public class FixtureTrafficSource implements TrafficSource {

    /** The bean's name, for {@code tidemark.sources}. */
    static final String NAME = "fixture";

    /** The views of each of the last three days in every answer of this source. */
    static final int VIEWS_PER_DAY = 4242;

    /** The only referrer this source reports. */
    static final String REFERRER = "fixture.example";

    private final Clock clock;

    FixtureTrafficSource(Clock clock) {
        this.clock = clock;
    }

    @Override
    public TrafficWindow fetchWindow(RepositoryId repository, TrafficKind kind, Granularity granularity) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (granularity == Granularity.WEEK) {
            return new TrafficWindow(kind, granularity, now, 0, 0, List.of());
        }
        List<TrafficBucket> buckets = List.of(
                new TrafficBucket(today.minusDays(3), VIEWS_PER_DAY, 1),
                new TrafficBucket(today.minusDays(2), VIEWS_PER_DAY, 1),
                new TrafficBucket(today.minusDays(1), VIEWS_PER_DAY, 1));
        return new TrafficWindow(kind, granularity, now, 3 * VIEWS_PER_DAY, 3, buckets);
    }

    @Override
    public TopReferrers fetchTopReferrers(RepositoryId repository) {
        return new TopReferrers(clock.instant(), List.of(new Referrer(REFERRER, 7, 1)));
    }

    @Override
    public TopPaths fetchTopPaths(RepositoryId repository) {
        return new TopPaths(clock.instant(), List.of(new PopularPath("/" + repository.nameWithOwner(), "fixture", 7, 1)));
    }

    @Override
    public List<RepositoryId> listReadableRepositories(String owner) {
        return List.of(RepositoryId.of(owner, "fixture-one"), RepositoryId.of(owner, "fixture-two"));
    }
}
