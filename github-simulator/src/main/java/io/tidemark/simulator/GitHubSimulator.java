package io.tidemark.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A fake of GitHub's REST traffic API on a loopback HTTP server, for tests, demos and benchmarks.
 *
 * <pre>{@code
 * try (GitHubSimulator sim = GitHubSimulator.builder()
 *     .now(Instant.parse("2024-05-01T10:00:00Z"))
 *     .organization("octo")
 *     .generatedRepository("octo", "hello", 40)
 *     .token("t-admin", Permission.ADMIN, "octo/*")
 *     .start()) {
 *   URI views = URI.create(sim.baseUrl() + "/repos/octo/hello/traffic/views");
 *   ...
 *   sim.clock().advanceDays(1);
 * }
 * }</pre>
 */
public final class GitHubSimulator implements AutoCloseable {

    private final SimulatedClock clock;
    private final Accounts accounts;
    private final RateLimit rateLimit;
    private final Faults faults = new Faults();
    private final RequestCounters requests = new RequestCounters();
    private final HttpTransport transport;
    private final String baseUrl;

    private GitHubSimulator(Builder builder, Accounts accounts) throws IOException {
        this.clock = new SimulatedClock(builder.now);
        this.accounts = accounts;
        this.rateLimit = new RateLimit(builder.rateLimitClock, builder.budget);
        this.transport = new HttpTransport(builder.address, builder.port);
        this.baseUrl = "http://" + builder.address.getHostAddress() + ":" + transport.port();
        var api = new GitHubApi(clock, accounts, rateLimit, faults, requests, baseUrl);
        var control = new ControlApi(this);
        transport.start(request ->
                request.path().startsWith(ControlApi.PREFIX) ? control.handle(request) : api.handle(request));
    }

    /** A builder with no repositories and no tokens. */
    public static Builder builder() {
        return new Builder();
    }

    /** E.g. {@code http://127.0.0.1:54321}, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The port the server listens on. */
    public int port() {
        return transport.port();
    }

    /** The simulated now of the traffic model. */
    public SimulatedClock clock() {
        return clock;
    }

    /** What really happened in a repository (names are case-insensitive). */
    public GroundTruth groundTruth(String owner, String repo) {
        Accounts.Repo found = accounts.repo(owner, repo)
                .orElseThrow(() -> new NoSuchElementException("no repository " + owner + "/" + repo));
        return new GroundTruth(found.model(), found.activity());
    }

    /** Request counters by endpoint kind, status and budget cost. */
    public RequestCounters requests() {
        return requests;
    }

    /** Fault injection. */
    public Faults faults() {
        return faults;
    }

    /** Primary and secondary rate limits. */
    public RateLimit rateLimit() {
        return rateLimit;
    }

    /** Stops the server and closes its connections. */
    @Override
    public void close() {
        transport.close();
    }

    private static double meanDailyViews(TrafficModel model) {
        List<TrafficEvent> views = model.events(TrafficKind.VIEWS);
        if (views.isEmpty()) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(views.get(0).day(), views.get(views.size() - 1).day()) + 1;
        return views.size() / (double) days;
    }

    /** One to three and a half years before the initial now, and before any traffic. */
    private static Instant createdAt(Instant now, TrafficModel model, long seed) {
        var random = new java.util.Random(seed);
        Instant created = now.minus(Duration.ofDays(365 + random.nextInt(900))).minusSeconds(random.nextInt(86_400));
        List<TrafficEvent> views = model.events(TrafficKind.VIEWS);
        if (!views.isEmpty() && views.get(0).time().minus(Duration.ofDays(30)).isBefore(created)) {
            created = views.get(0).time().minus(Duration.ofDays(30));
        }
        return created;
    }

    /** Configures and starts a {@link GitHubSimulator}. Not thread-safe. */
    public static final class Builder {

        private record RepoSpec(String owner, String name, boolean isPrivate, TrafficModel model, double meanDailyViews) {}

        private long seed = 42;
        private Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port;
        private Clock rateLimitClock = Clock.systemUTC();
        private int budget = 5000;
        private final Map<String, String> organizations = new LinkedHashMap<>(); // key -> login
        private final List<RepoSpec> repos = new ArrayList<>();
        private final Map<String, List<Accounts.Grant>> tokens = new LinkedHashMap<>();
        private final Map<String, RepositoryActivity.Profile> profiles = new LinkedHashMap<>(); // by lower-case full name

        private Builder() {}

        /** Seed of generated repositories (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The initial simulated now, a whole hour (default: the current hour). */
        public Builder now(Instant now) {
            this.now = Objects.requireNonNull(now, "now");
            return this;
        }

        /** The port to listen on (default 0: a free port). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The address to listen on (default the loopback address 127.0.0.1). */
        public Builder address(InetAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The real-time clock of the primary rate-limit window (default the system clock). */
        public Builder rateLimitClock(Clock clock) {
            this.rateLimitClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Primary rate-limit budget per token and hour (default 5000). */
        public Builder rateLimitBudget(int budget) {
            this.budget = budget;
            return this;
        }

        /** Declares {@code login} an organization (other owners are users). */
        public Builder organization(String login) {
            organizations.putIfAbsent(Accounts.key(login), login);
            return this;
        }

        /** A public repository with this traffic. */
        public Builder repository(String owner, String name, TrafficModel model) {
            repos.add(new RepoSpec(owner, name, false, Objects.requireNonNull(model, "model"), 0));
            return this;
        }

        /** A public repository without traffic (e.g. to fill listings). */
        public Builder repository(String owner, String name) {
            return repository(owner, name, TrafficModel.empty());
        }

        /** A private repository with this traffic. */
        public Builder privateRepository(String owner, String name, TrafficModel model) {
            repos.add(new RepoSpec(owner, name, true, Objects.requireNonNull(model, "model"), 0));
            return this;
        }

        /**
         * A public repository with traffic generated from the seed, about {@code meanDailyViews} views
         * a day, from 120 days before the initial now to 60 days after it (so the clock can move on).
         */
        public Builder generatedRepository(String owner, String name, double meanDailyViews) {
            repos.add(new RepoSpec(owner, name, false, null, meanDailyViews));
            return this;
        }

        /**
         * How active repository {@code owner/name} is: its stars, releases and replaced assets (by
         * default {@link RepositoryActivity.Profile#forViews} of its mean daily views).
         */
        public Builder activity(String owner, String name, RepositoryActivity.Profile profile) {
            profiles.put(Accounts.key(owner + "/" + name), Objects.requireNonNull(profile, "profile"));
            return this;
        }

        /**
         * Grants {@code token} a permission on repositories given as {@code owner/name}, {@code
         * owner/*} or {@code *}. Call again to add grants; the most specific matching grant wins
         * ({@code owner/name} over {@code owner/*} over {@code *}). Without a grant a token can read
         * public repositories only (traffic answers 403) and does not see private ones (404).
         */
        public Builder token(String token, Permission permission, String... repositories) {
            var grants = tokens.computeIfAbsent(Objects.requireNonNull(token, "token"), t -> new ArrayList<>());
            for (String pattern : repositories) {
                grants.add(new Accounts.Grant(pattern, permission));
            }
            return this;
        }

        /** Starts the server. */
        public GitHubSimulator start() {
            var owners = new LinkedHashMap<String, Accounts.Owner>();
            var byName = new LinkedHashMap<String, Accounts.Repo>();
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            for (RepoSpec spec : repos) {
                Accounts.Owner owner = owners.computeIfAbsent(Accounts.key(spec.owner()), key ->
                        new Accounts.Owner(spec.owner(), 1000L + owners.size(), organizations.containsKey(key)));
                String fullName = owner.login() + "/" + spec.name();
                TrafficModel model = spec.model() != null
                        ? spec.model()
                        : TrafficModel.generated(fullName, seed * 31 + fullName.hashCode(),
                                today.minusDays(120), today.plusDays(60), spec.meanDailyViews());
                RepositoryActivity.Profile profile = profiles.getOrDefault(Accounts.key(fullName),
                        RepositoryActivity.Profile.forViews(spec.model() == null
                                ? spec.meanDailyViews() : meanDailyViews(model)));
                long activitySeed = seed * 31 + fullName.hashCode() + 1_000_003;
                Instant createdAt = GitHubSimulator.createdAt(now, model, activitySeed);
                Instant until = now.plus(Duration.ofDays(60));
                var repo = new Accounts.Repo(100_000L + byName.size(), owner, spec.name(), spec.isPrivate(), model,
                        Accounts.lazy(() -> RepositoryActivity.generated(fullName, activitySeed, createdAt, until,
                                profile)));
                if (byName.putIfAbsent(Accounts.key(fullName), repo) != null) {
                    throw new IllegalArgumentException("duplicate repository " + fullName);
                }
            }
            for (String key : profiles.keySet()) {
                if (!byName.containsKey(key)) {
                    throw new IllegalArgumentException("activity for an undeclared repository " + key);
                }
            }
            organizations.forEach((key, login) ->
                    owners.computeIfAbsent(key, k -> new Accounts.Owner(login, 1000L + owners.size(), true)));
            try {
                return new GitHubSimulator(this, new Accounts(owners, byName, tokens));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the GitHub simulator", e);
            }
        }
    }
}
