package io.tidemark.app.config;

import io.smallrye.config.ConfigMapping;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application's own settings. Each is also read from the environment: {@code
 * tidemark.sync-interval} from {@code TIDEMARK_SYNC_INTERVAL}, and so on.
 */
@ConfigMapping(prefix = "tidemark")
public interface TidemarkConfig {

    /** How often each tracked repository is synced ({@code TIDEMARK_SYNC_INTERVAL}). */
    @WithDefault("6h")
    Duration syncInterval();

    /** How often the scheduler looks for repositories that are due ({@code TIDEMARK_SYNC_TICK}). */
    @WithDefault("1m")
    Duration syncTick();

    /**
     * Longest a {@code syncRepository} mutation waits for its sync ({@code
     * TIDEMARK_SYNC_ANSWER_TIMEOUT}); a sync still running then goes on in the background and the
     * mutation answers {@code SYNC_IN_PROGRESS}.
     */
    @WithDefault("20s")
    Duration syncAnswerTimeout();

    /** How often tracked owners are listed for new repositories ({@code TIDEMARK_OWNER_REFRESH}). */
    @WithDefault("24h")
    Duration ownerRefresh();

    /** Tokens of the admin role, comma-separated ({@code TIDEMARK_ADMIN_TOKEN}). */
    Optional<List<String>> adminToken();

    /** Tokens of the viewer role, comma-separated ({@code TIDEMARK_VIEWER_TOKEN}). */
    Optional<List<String>> viewerToken();

    /** Whether queries need no token at all ({@code TIDEMARK_ANONYMOUS_READ}). */
    @WithDefault("false")
    boolean anonymousRead();

    /**
     * Whether the sync backfills each repository's star history from its stargazer list, from the
     * first star on ({@code TIDEMARK_STARS_BACKFILL}); off by default, and then no stargazer call
     * is made.
     */
    @WithDefault("false")
    boolean starsBackfill();

    /**
     * The most stargazer pages (100 stars each) the backfill asks for per repository and UTC day
     * ({@code TIDEMARK_STARS_BACKFILL_MAX_CALLS}), at least 1.
     */
    @WithDefault("10")
    int starsBackfillMaxCalls();

    /** How long after start-up the scheduler first runs ({@code TIDEMARK_SYNC_DELAY}). */
    @WithDefault("5s")
    Duration syncDelay();

    /**
     * The traffic sources of this run, by bean name, in order ({@code TIDEMARK_SOURCES}): the first
     * answers every sync and owner listing; the others are active for imports. Each name must be
     * a {@code TrafficSource} bean on the class path ({@code io.tidemark.app.wiring.Adapters}).
     */
    @WithDefault("github")
    List<String> sources();

    /**
     * The store of this run, by bean name ({@code TIDEMARK_STORE}); it must be a {@code
     * TrafficStore} bean on the class path ({@code io.tidemark.app.wiring.Adapters}).
     */
    @WithDefault("jpa")
    String store();

    /** {@code h2} or {@code postgresql} ({@code TIDEMARK_DB}); a build-time choice, see bin/tidemark. */
    @WithDefault("h2")
    String db();

    /** Where the embedded database lives ({@code TIDEMARK_DATA_DIR}). */
    @WithDefault("./tidemark-data")
    String dataDir();

    /** The default JDBC URL per database kind, used unless QUARKUS_DATASOURCE_JDBC_URL is set. */
    Map<String, String> jdbcUrl();

    /** The default database user per database kind. */
    Map<String, String> dbUsername();

    /** Abuse limits of the GraphQL endpoint. */
    Graphql graphql();

    /** Imports and exports over HTTP ({@code /api/import}, {@code /api/export}). */
    @WithName("import")
    Transfer transfer();

    interface Transfer {

        /** Largest import body ({@code TIDEMARK_IMPORT_MAX_BODY}); larger bodies get 413. */
        @WithDefault("1G")
        MemorySize maxBody();

        /** Most entries an imported zip may have ({@code TIDEMARK_IMPORT_MAX_ENTRIES}). */
        @WithDefault("100000")
        int maxEntries();

        /** Most bytes an imported zip may expand to ({@code TIDEMARK_IMPORT_MAX_EXPANDED}). */
        @WithDefault("1G")
        MemorySize maxExpanded();
    }

    interface Graphql {
        /** Deepest query accepted ({@code TIDEMARK_GRAPHQL_MAX_DEPTH}). */
        @WithDefault("8")
        int maxDepth();

        /** Most fields one query may select ({@code TIDEMARK_GRAPHQL_MAX_COMPLEXITY}). */
        @WithDefault("400")
        int maxComplexity();

        /** Most tokens one document may have ({@code TIDEMARK_GRAPHQL_MAX_TOKENS}). */
        @WithDefault("2000")
        int maxTokens();

        /**
         * Most traffic buckets one request may return, over all its series ({@code
         * TIDEMARK_GRAPHQL_MAX_BUCKETS}); keeps one request from exhausting the heap.
         */
        @WithDefault("25000")
        int maxBuckets();

        /** Largest request body ({@code TIDEMARK_GRAPHQL_MAX_BODY_SIZE}). */
        @WithDefault("64K")
        MemorySize maxBodySize();
    }
}
