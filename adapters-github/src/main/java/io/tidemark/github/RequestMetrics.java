package io.tidemark.github;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * What the adapter reports to Micrometer: {@code tidemark.github.requests} by endpoint (views,
 * clones, referrers, paths, repos, repository, releases; never a repository name) and status, and the gauge {@code
 * tidemark.github.rate_limit.remaining}. Without a registry it records nothing.
 */
final class RequestMetrics {

    private static final String REMAINING_GAUGE = "tidemark.github.rate_limit.remaining";

    private final MeterRegistry registry;

    RequestMetrics(MeterRegistry registry, Supplier<Number> remaining) {
        this.registry = registry;
        if (registry != null) {
            // A gauge of an earlier start in the same JVM (tests, dev-mode reloads) would keep
            // reading that start's limiter: the registry ignores a second gauge of the same name.
            registry.find(REMAINING_GAUGE).meters().forEach(registry::remove);
            Gauge.builder(REMAINING_GAUGE, remaining, r -> {
                        Number value = r.get();
                        return value == null ? Double.NaN : value.doubleValue();
                    })
                    .description("GitHub requests left in the current rate-limit window, as GitHub last said")
                    // the supplier is a method reference nothing else holds: a weak reference (the
                    // default) lets the garbage collector take it, and the gauge goes blank
                    .strongReference(true)
                    .register(registry);
        }
    }

    static RequestMetrics none() {
        return new RequestMetrics(null, () -> null);
    }

    void answered(String requestDescription, int status) {
        if (registry != null) {
            registry.counter("tidemark.github.requests", "endpoint", endpointOf(requestDescription),
                    "status", Integer.toString(status)).increment();
        }
    }

    /** The kind of endpoint of a request such as {@code GET /repos/o/r/traffic/views?per=day}. */
    static String endpointOf(String requestDescription) {
        String path = requestDescription.replaceFirst("^[A-Z]+ ", "").replaceFirst("\\?.*$", "");
        if (path.endsWith("/traffic/views")) {
            return "views";
        }
        if (path.endsWith("/traffic/clones")) {
            return "clones";
        }
        if (path.endsWith("/popular/referrers")) {
            return "referrers";
        }
        if (path.endsWith("/popular/paths")) {
            return "paths";
        }
        if (path.endsWith("/releases")) {
            return "releases";
        }
        if (path.matches("/repos/[^/]+/[^/]+")) {
            return "repository";
        }
        return path.endsWith("/repos") ? "repos" : "other";
    }
}
