package io.tidemark.app.wiring;

import io.quarkus.runtime.Startup;
import io.tidemark.app.config.TidemarkConfig;
import io.tidemark.core.port.out.RepositoryStatsSource;
import io.tidemark.core.port.out.RepositoryStatsStore;
import io.tidemark.core.port.out.TrafficSource;
import io.tidemark.core.port.out.TrafficStore;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The adapters of this run, chosen by configuration among the beans in the build: the sources
 * named by {@code tidemark.sources} ({@code TIDEMARK_SOURCES}, default {@code github}) and the
 * store named by {@code tidemark.store} ({@code TIDEMARK_STORE}, default {@code jpa}).
 *
 * <p>An adapter names itself with {@code @Named} (GitHub's source is {@code github}, the
 * Hibernate store {@code jpa}). The application never injects a port by its default qualifier:
 * it finds every bean of the port through {@code @Any Instance}, reads the names from the beans'
 * metadata (no bean is created to learn its name) and creates only the beans chosen. A second
 * source or store in the build is therefore never ambiguous, and choosing one needs a setting,
 * not a change to a pom. Nothing scans the class path at run time: the beans are the ones ArC
 * found at build time (a bean that an {@code @Any Instance} can return is never removed as
 * unused).
 *
 * <p>The choice is made when the application starts ({@link Startup}): a name that no bean has,
 * an unnamed bean or two beans of one name stops the start with a message that lists the names
 * there are ({@link AdapterChoice}).
 */
@Startup
@Singleton
public class Adapters {

    private static final Logger LOG = Logger.getLogger(Adapters.class);

    private final Map<String, TrafficSource> sources;
    private final TrafficStore store;

    Adapters(@Any Instance<TrafficSource> sources, @Any Instance<TrafficStore> stores, TidemarkConfig config) {
        this.sources = Collections.unmodifiableMap(new AdapterChoice<>(
                "TrafficSource", "tidemark.sources", "TIDEMARK_SOURCES", candidates(sources)).choose(config.sources()));
        this.store = new AdapterChoice<>("TrafficStore", "tidemark.store", "TIDEMARK_STORE", candidates(stores))
                .chooseOne(config.store());
        LOG.infof("Sources: %s (the first answers syncs); store: %s",
                String.join(", ", this.sources.keySet()), config.store());
        if (statsSource().isEmpty() || statsStore().isEmpty()) {
            LOG.infof("Repository counters and releases are not kept: %s",
                    statsStore().isEmpty() ? "the store " + config.store() + " does not implement RepositoryStatsStore"
                            : "the source " + this.sources.keySet().iterator().next()
                                    + " does not implement RepositoryStatsSource");
        }
    }

    /**
     * The first source in its counters role, when it has one ({@link RepositoryStatsSource} is a
     * separate port, so that sources written before it still work).
     */
    public Optional<RepositoryStatsSource> statsSource() {
        return source() instanceof RepositoryStatsSource stats ? Optional.of(stats) : Optional.empty();
    }

    /** The store in its counters role, when it has one (see {@link RepositoryStatsStore}). */
    public Optional<RepositoryStatsStore> statsStore() {
        return store instanceof RepositoryStatsStore stats ? Optional.of(stats) : Optional.empty();
    }

    /** The source that answers every sync and owner listing: the first named. */
    public TrafficSource source() {
        return sources.values().iterator().next();
    }

    /**
     * Every source named, by name, in the order named: the first is {@link #source()}, the others
     * are active for imports.
     */
    public Map<String, TrafficSource> sources() {
        return sources;
    }

    /** The store: every store role of the core services is this one bean. */
    public TrafficStore store() {
        return store;
    }

    private static <T> List<AdapterChoice.Candidate<T>> candidates(Instance<T> beans) {
        List<AdapterChoice.Candidate<T>> candidates = new ArrayList<>();
        for (Instance.Handle<T> handle : beans.handles()) {
            candidates.add(new AdapterChoice.Candidate<>(
                    handle.getBean().getName(), handle.getBean().getBeanClass().getName(), handle::get));
        }
        return candidates;
    }
}
