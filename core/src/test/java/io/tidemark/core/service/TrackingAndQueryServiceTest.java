package io.tidemark.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.model.InvalidRepositoryIdException;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.model.RepositoryPage;
import io.tidemark.core.port.in.SourceUnavailableException;
import io.tidemark.core.testing.InMemoryTrafficStore;
import io.tidemark.core.testing.MutableClock;
import io.tidemark.core.testing.ScriptedTrafficSource;
import io.tidemark.core.testing.VisitorEvents;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackingAndQueryServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-15T10:00:00Z"));
    private final ScriptedTrafficSource source = new ScriptedTrafficSource(clock);
    private final InMemoryTrafficStore store = new InMemoryTrafficStore();
    private final TrackingService tracking = new TrackingService(source, store, clock);
    private final TrafficQueryService query = new TrafficQueryService(store, store, store);

    @Test
    void trackingIsIdempotentAndUntrackingKeepsTheRepository() {
        RepositoryId hello = RepositoryId.of("Octo", "Hello");
        tracking.track(hello);
        clock.advance(java.time.Duration.ofDays(1));
        TrackedRepository again = tracking.track(RepositoryId.of("octo", "hello"));

        assertThat(again.trackedAt()).isEqualTo(Instant.parse("2024-03-15T10:00:00Z"));
        assertThat(again.id().nameWithOwner()).isEqualTo("Octo/Hello");
        assertThat(tracking.untrack(hello)).isTrue();
        assertThat(query.repository(hello)).hasValueSatisfying(r -> assertThat(r.active()).isFalse());
        assertThat(tracking.untrack(RepositoryId.of("octo", "unknown"))).isFalse();
    }

    @Test
    void trackingAnOwnerTracksItsReadableRepositoriesAndLaterOnes() {
        source.repository(RepositoryId.of("octo", "a"), new VisitorEvents(List.of()));
        source.repository(RepositoryId.of("octo", "b"), new VisitorEvents(List.of()));

        assertThat(tracking.trackOwner("octo")).extracting(r -> r.id().name()).containsExactly("a", "b");
        assertThat(store.trackedOwners()).containsExactly("octo");

        source.repository(RepositoryId.of("octo", "c"), new VisitorEvents(List.of()));
        assertThat(tracking.refreshOwners()).extracting(r -> r.id().name()).containsExactly("c");
        assertThat(tracking.refreshOwners()).isEmpty();
    }

    @Test
    void trackingAnUnknownOwnerFailsAndTracksNothing() {
        assertThatThrownBy(() -> tracking.trackOwner("nobody")).isInstanceOfSatisfying(SourceUnavailableException.class,
                unavailable -> assertThat(unavailable.problem()).isEqualTo(SourceUnavailableException.Problem.NOT_FOUND));
        assertThat(store.trackedOwners()).isEmpty();
        assertThatThrownBy(() -> tracking.trackOwner("-bad-")).isInstanceOf(InvalidRepositoryIdException.class);
    }

    @Test
    void repositoriesArePagedWithOpaqueCursors() {
        for (String name : List.of("d", "B", "a", "c")) {
            tracking.track(RepositoryId.of("octo", name));
        }
        tracking.track(RepositoryId.of("other", "z"));

        RepositoryPage first = query.repositories("octo", 2, null);
        assertThat(first.repositories()).extracting(r -> r.id().name()).containsExactly("a", "B");
        assertThat(first.hasNextPage()).isTrue();
        assertThat(first.totalCount()).isEqualTo(4);

        String cursor = RepositoryPage.cursorOf(first.repositories().get(1).id());
        RepositoryPage second = query.repositories("octo", 2, cursor);
        assertThat(second.repositories()).extracting(r -> r.id().name()).containsExactly("c", "d");
        assertThat(second.hasNextPage()).isFalse();
    }

    @Test
    void pageSizeAndCursorAreValidated() {
        assertThatThrownBy(() -> query.repositories(null, 0, null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("first must be between 1 and 100, was 0");
        assertThatThrownBy(() -> query.repositories(null, 101, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> query.repositories(null, 10, "not-a-cursor")).isInstanceOf(InvalidInputException.class)
                .hasMessage("after is not a cursor this API returned");
    }

    @Test
    void windowTotalsAreReadForOneRepositoryAndEmptyWhenUnknown() {
        RepositoryId hello = RepositoryId.of("Octo", "Hello");
        tracking.track(hello);
        TrafficWindow answer = new TrafficWindow(TrafficKind.VIEWS, Granularity.DAY,
                Instant.parse("2024-03-15T10:00:00Z"), 12, 5, List.of());
        store.merge(hello, answer.observations());

        assertThat(query.windowTotals(RepositoryId.of("octo", "hello"), TrafficKind.VIEWS, Granularity.DAY, DateRange.ALL))
                .containsExactly(answer.totals());
        assertThat(query.windowTotals(hello, TrafficKind.VIEWS, Granularity.WEEK, DateRange.ALL)).isEmpty();
        assertThat(query.windowTotals(RepositoryId.of("octo", "unknown"), TrafficKind.VIEWS, Granularity.DAY,
                DateRange.ALL)).isEmpty();
    }
}
