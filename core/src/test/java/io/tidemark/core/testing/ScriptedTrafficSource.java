package io.tidemark.core.testing;

import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import io.tidemark.core.model.Release;
import io.tidemark.core.model.ReleaseAsset;
import io.tidemark.core.model.ReleaseList;
import io.tidemark.core.model.RepositoryCounters;
import io.tidemark.core.port.out.RepositoryStatsSource;
import io.tidemark.core.port.out.SourceFailure;
import io.tidemark.core.port.out.TrafficSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A {@link TrafficSource} test double: answers from per-repository {@link VisitorEvents} at the
 * time of its clock, and fails on request: every call after a given number of calls, or every call
 * for one part. A failed call is not listed in {@link #calls()}. Counters and releases (as a
 * {@link RepositoryStatsSource}) grow with the clock: stars are the days since 2024-01-01, and one
 * release {@code v1.0} has one asset downloaded ten times a day.
 */
public final class ScriptedTrafficSource implements TrafficSource, RepositoryStatsSource {

    private final Clock clock;
    private final Map<RepositoryId, VisitorEvents> traffic = new HashMap<>();
    private final Map<String, List<RepositoryId>> owners = new LinkedHashMap<>();
    private final Map<RepositoryId, Supplier<SourceFailure>> failures = new HashMap<>();
    private final Map<RepositoryId, Integer> callsBeforeFailure = new HashMap<>();
    private final Map<String, Supplier<SourceFailure>> partFailures = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final Map<RepositoryId, List<java.time.Instant>> stargazers = new HashMap<>();

    public ScriptedTrafficSource(Clock clock) {
        this.clock = clock;
    }

    public ScriptedTrafficSource repository(RepositoryId repository, VisitorEvents events) {
        traffic.put(repository, events);
        owners.computeIfAbsent(repository.owner().toLowerCase(), o -> new ArrayList<>()).add(repository);
        return this;
    }

    /**
     * The times at which the repository's current stargazers starred it: {@link #fetchStargazers}
     * lists those at or before the clock's now, oldest first, 100 a page (none unless scripted).
     */
    public synchronized ScriptedTrafficSource stargazers(RepositoryId repository, List<java.time.Instant> starredAt) {
        stargazers.put(repository, List.copyOf(starredAt));
        return this;
    }

    /** Makes calls for {@code repository} fail with {@code failure} after {@code successfulCalls} calls. */
    public ScriptedTrafficSource failAfter(RepositoryId repository, int successfulCalls, Supplier<SourceFailure> failure) {
        failures.put(repository, failure);
        callsBeforeFailure.put(repository, successfulCalls);
        return this;
    }

    /**
     * Makes every call for one part of {@code repository} fail with {@code failure} until {@link
     * #heal}; {@code part} is named as in {@link #calls()}: {@code "CLONES DAY"}, {@code
     * "referrers"}, {@code "paths"}.
     */
    public ScriptedTrafficSource failPart(RepositoryId repository, String part, Supplier<SourceFailure> failure) {
        partFailures.put(repository + " " + part, failure);
        return this;
    }

    /** Ends every failure scripted for {@code repository}. */
    public ScriptedTrafficSource heal(RepositoryId repository) {
        failures.remove(repository);
        partFailures.keySet().removeIf(call -> call.startsWith(repository + " "));
        return this;
    }

    /** Every call made, as {@code owner/name kind granularity} or {@code owner/name referrers}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized TrafficWindow fetchWindow(RepositoryId repository, TrafficKind kind, Granularity granularity) {
        call(repository, kind + " " + granularity);
        return events(repository).answerAt(kind, granularity, clock.instant());
    }

    @Override
    public synchronized TopReferrers fetchTopReferrers(RepositoryId repository) {
        call(repository, "referrers");
        return new TopReferrers(clock.instant(), List.of(new Referrer("github.com", 3, 2)));
    }

    @Override
    public synchronized TopPaths fetchTopPaths(RepositoryId repository) {
        call(repository, "paths");
        return new TopPaths(clock.instant(), List.of());
    }

    @Override
    public synchronized RepositoryCounters fetchCounters(RepositoryId repository) {
        call(repository, "counters");
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(
                java.time.LocalDate.parse("2024-01-01").atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), clock.instant());
        return new RepositoryCounters(clock.instant(), Math.max(0, days), 3, 2, 1);
    }

    @Override
    public synchronized ReleaseList fetchReleases(RepositoryId repository) {
        call(repository, "releases");
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(
                java.time.LocalDate.parse("2024-01-01").atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), clock.instant());
        return new ReleaseList(clock.instant(), List.of(new Release("v1.0", "One", java.time.Instant.parse("2024-01-01T00:00:00Z"),
                List.of(new ReleaseAsset(1, "tool.zip", 10 * Math.max(0, days))))));
    }

    /** Called {@code "stargazers N"} for page N. */
    @Override
    public synchronized io.tidemark.core.model.StargazerPage fetchStargazers(RepositoryId repository, int page) {
        call(repository, "stargazers " + page);
        List<java.time.Instant> listed = stargazers.getOrDefault(repository, List.of()).stream()
                .filter(at -> !at.isAfter(clock.instant())).sorted().toList();
        int per = io.tidemark.core.model.StarsBackfill.PER_PAGE;
        int from = Math.min(listed.size(), (page - 1) * per);
        int to = Math.min(listed.size(), from + per);
        return new io.tidemark.core.model.StargazerPage(clock.instant(), page, listed.subList(from, to), to >= listed.size());
    }

    @Override
    public synchronized List<RepositoryId> listReadableRepositories(String owner) {
        List<RepositoryId> repositories = owners.get(owner.toLowerCase());
        if (repositories == null) {
            throw new SourceFailure.NotFound("no such owner: " + owner);
        }
        return List.copyOf(repositories);
    }

    private VisitorEvents events(RepositoryId repository) {
        return traffic.computeIfAbsent(repository, r -> new VisitorEvents(List.of()));
    }

    private void call(RepositoryId repository, String what) {
        Supplier<SourceFailure> partFailure = partFailures.get(repository + " " + what);
        if (partFailure != null) {
            throw partFailure.get();
        }
        Supplier<SourceFailure> failure = failures.get(repository);
        if (failure != null) {
            int left = callsBeforeFailure.merge(repository, -1, Integer::sum);
            if (left < 0) {
                throw failure.get();
            }
        }
        calls.add(repository + " " + what);
    }

    /** Random traffic for {@code days} days from a seed. */
    public static VisitorEvents randomTraffic(long seed, java.time.LocalDate firstDay, int days) {
        return VisitorEvents.random(new Random(seed), firstDay, days, 40);
    }
}
