package io.tidemark.app.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps Java internals out of {@code /q/metrics}: a tag that names an exception (the {@code
 * exception}, {@code error}, {@code class} or {@code cause} tags some binders add, or any tag
 * whose value is a Java class name) is reported as a kind of failure instead: {@code timeout},
 * {@code connection}, {@code none} or {@code other}. Dashboards get a small, stable set of values,
 * and a client library's class names never become part of the API.
 */
public final class MetricTags {

    private static final Set<String> FAILURE_KEYS = Set.of("exception", "error", "class", "cause");
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*\\.[A-Za-z_$][\\w$.]*|^[A-Z]\\w*(?:Exception|Error)$");

    @Produces
    @Singleton
    MeterFilter failureKinds() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                List<Tag> tags = id.getTags();
                if (tags.stream().noneMatch(MetricTags::namesAFailure)) {
                    return id;
                }
                return id.replaceTags(tags.stream()
                        .map(tag -> namesAFailure(tag) ? Tag.of(tag.getKey(), kindOf(tag.getValue())) : tag)
                        .toList());
            }
        };
    }

    static boolean namesAFailure(Tag tag) {
        String value = tag.getValue();
        return (FAILURE_KEYS.contains(tag.getKey()) && !value.equals("none") && !value.equals(kindOf(value)))
                || CLASS_NAME.matcher(value).find();
    }

    /** The kind of failure a class name or message stands for. */
    static String kindOf(String value) {
        String text = value.toLowerCase(Locale.ROOT);
        if (text.isEmpty() || text.equals("none")) {
            return "none";
        }
        if (text.contains("timeout") || text.contains("timedout")) {
            return "timeout";
        }
        if (text.contains("connect") || text.contains("closedchannel") || text.contains("reset")
                || text.contains("unknownhost") || text.contains("noroute") || text.contains("ssl")) {
            return "connection";
        }
        return "other";
    }
}
