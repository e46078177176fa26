package io.tidemark.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Counts every GitHub API request the simulator answered, by endpoint kind, status and whether it
 * cost rate-limit budget (control API requests are not counted). Thread-safe.
 */
public final class RequestCounters {

    /**
     * What a counted request was.
     *
     * @param kind the endpoint kind
     * @param status the HTTP status answered
     * @param costBudget whether it consumed one unit of the token's primary rate limit
     */
    public record Key(EndpointKind kind, int status, boolean costBudget) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = kind.compareTo(o.kind);
            if (c == 0) {
                c = Integer.compare(status, o.status);
            }
            return c != 0 ? c : Boolean.compare(costBudget, o.costBudget);
        }
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    RequestCounters() {}

    void record(EndpointKind kind, int status, boolean costBudget) {
        counts.computeIfAbsent(new Key(kind, status, costBudget), k -> new LongAdder()).increment();
    }

    /** All requests. */
    public long total() {
        return sum(key -> true);
    }

    /** Requests of one endpoint kind. */
    public long count(EndpointKind kind) {
        return sum(key -> key.kind() == kind);
    }

    /** Requests of one endpoint kind answered with {@code status}. */
    public long count(EndpointKind kind, int status) {
        return sum(key -> key.kind() == kind && key.status() == status);
    }

    /** Requests answered with {@code status}, any kind. */
    public long countStatus(int status) {
        return sum(key -> key.status() == status);
    }

    /** Requests that cost rate-limit budget. */
    public long costingBudget() {
        return sum(Key::costBudget);
    }

    /** Requests of one endpoint kind that cost rate-limit budget. */
    public long costingBudget(EndpointKind kind) {
        return sum(key -> key.kind() == kind && key.costBudget());
    }

    /** A sorted copy of every counter. */
    public Map<Key, Long> snapshot() {
        var copy = new TreeMap<Key, Long>();
        counts.forEach((key, adder) -> copy.put(key, adder.sum()));
        copy.values().removeIf(v -> v == 0);
        return copy;
    }

    /** Sets every counter back to zero. */
    public void reset() {
        counts.clear();
    }

    private long sum(Predicate<Key> filter) {
        return counts.entrySet().stream()
                .filter(e -> filter.test(e.getKey()))
                .mapToLong(e -> e.getValue().sum())
                .sum();
    }
}
