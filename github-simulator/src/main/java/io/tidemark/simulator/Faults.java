package io.tidemark.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Injectable faults: the next N requests of an endpoint kind (or of any kind) fail in a chosen
 * way. A request takes a fault queued for its own kind first, then one queued for any kind.
 * Faults hit GitHub endpoints only (not the control API), after authentication and the rate-limit
 * checks. A fault that concerns only some requests of its kind ({@link Fault.DailyBucketsForWeeks}:
 * {@code per=week} requests) is passed by and stays queued for the others. Thread-safe.
 */
public final class Faults {

    private final Map<EndpointKind, Deque<Fault>> byKind = new EnumMap<>(EndpointKind.class);
    private final Deque<Fault> anyKind = new ArrayDeque<>();

    Faults() {}

    /** The next {@code times} requests of endpoint {@code kind} get {@code fault}. */
    public synchronized void inject(EndpointKind kind, Fault fault, int times) {
        Deque<Fault> queue = byKind.computeIfAbsent(kind, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
    }

    /** The next {@code times} requests of any endpoint get {@code fault}. */
    public synchronized void injectAll(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            anyKind.add(fault);
        }
    }

    /** How many injected faults are still waiting for a request. */
    public synchronized int pending() {
        return anyKind.size() + byKind.values().stream().mapToInt(Deque::size).sum();
    }

    /** Drops every pending fault. */
    public synchronized void clear() {
        byKind.clear();
        anyKind.clear();
    }

    /**
     * Takes the first fault queued for a request of {@code kind} that applies to it, own kind
     * first.
     *
     * @param weeklySeries whether the request asks for views or clones {@code per=week}
     */
    synchronized Optional<Fault> next(EndpointKind kind, boolean weeklySeries) {
        Optional<Fault> own = take(byKind.get(kind), weeklySeries);
        return own.isPresent() ? own : take(anyKind, weeklySeries);
    }

    private static Optional<Fault> take(Deque<Fault> queue, boolean weeklySeries) {
        if (queue == null) {
            return Optional.empty();
        }
        for (Iterator<Fault> faults = queue.iterator(); faults.hasNext(); ) {
            Fault fault = faults.next();
            if (weeklySeries || !(fault instanceof Fault.DailyBucketsForWeeks)) {
                faults.remove();
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
