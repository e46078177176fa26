package io.tidemark.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * The ground truth of a repository's life besides its traffic, immutable and generated from a
 * seed: when it was created, who starred it and when (a few stars are taken back later), its forks,
 * watchers and open issues, and its releases with their assets and the assets' cumulative download
 * counts. Every answer of {@code GET /repos/{owner}/{repo}}, {@code /releases} and {@code
 * /stargazers} is computed from it at the simulated now, so tests can compute what those answers
 * must hold independently.
 *
 * <p>Events happen between the creation and the model's horizon ({@code until}); after it the
 * counters stay put (download counts go on growing).
 */
public final class RepositoryActivity {

    /**
     * How active a generated repository is.
     *
     * @param starsPerDay mean new stars a day (forks, watchers and issues follow from it)
     * @param releasesPerMonth mean releases a month
     * @param replacedAssetProbability chance that a release asset is later deleted and uploaded again
     *     under the same name (a new id, its download count starting again from 0)
     */
    public record Profile(double starsPerDay, double releasesPerMonth, double replacedAssetProbability) {
        public Profile {
            if (starsPerDay < 0 || releasesPerMonth < 0 || replacedAssetProbability < 0 || replacedAssetProbability > 1) {
                throw new IllegalArgumentException("invalid profile: " + starsPerDay + ", " + releasesPerMonth
                        + ", " + replacedAssetProbability);
            }
        }

        /** The profile of a repository with about {@code meanDailyViews} views a day. */
        public static Profile forViews(double meanDailyViews) {
            return new Profile(Math.max(0.05, meanDailyViews / 25), 1.0, 0.05);
        }
    }

    /**
     * A star: a user starred the repository at {@code starredAt} and, for a few, took it back at
     * {@code unstarredAt} (otherwise {@code null}).
     */
    public record Star(long userId, String login, Instant starredAt, Instant unstarredAt) {
        public Star {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(starredAt, "starredAt");
        }

        /** Whether the user's star counts at {@code at}. */
        public boolean activeAt(Instant at) {
            return !starredAt.isAfter(at) && (unstarredAt == null || at.isBefore(unstarredAt));
        }
    }

    /**
     * A release asset. Its cumulative download count grows from 0 at {@code createdAt}; an asset
     * deleted at {@code deletedAt} (to be uploaded again under the same name, with a new id) is no
     * longer listed from then on.
     */
    public record Asset(
            long id, String name, String contentType, long size, Instant createdAt, Instant deletedAt,
            long peakDownloads, double halfLifeHours, double downloadsPerDayLater) {

        /** Whether the asset is listed at {@code at}. */
        public boolean presentAt(Instant at) {
            return !createdAt.isAfter(at) && (deletedAt == null || at.isBefore(deletedAt));
        }

        /**
         * The cumulative download count at {@code at}: 0 before the upload, then a burst that fades
         * with the half life plus a steady trickle; never decreasing (frozen once deleted).
         */
        public long downloadCount(Instant at) {
            Instant until = deletedAt != null && at.isAfter(deletedAt) ? deletedAt : at;
            if (!until.isAfter(createdAt)) {
                return 0;
            }
            double hours = Duration.between(createdAt, until).toSeconds() / 3600.0;
            return (long) Math.floor(peakDownloads * (1 - Math.pow(2, -hours / halfLifeHours))
                    + downloadsPerDayLater * hours / 24);
        }
    }

    /**
     * A published release; {@code assets} holds every asset it ever had, including deleted ones and
     * their replacements, in the order GitHub lists them.
     */
    public record Release(
            long id, String tagName, boolean prerelease, Instant createdAt, Instant publishedAt, List<Asset> assets) {
        public Release {
            assets = List.copyOf(assets);
        }

        /** The assets listed at {@code at}. */
        public List<Asset> assetsAt(Instant at) {
            return assets.stream().filter(asset -> asset.presentAt(at)).toList();
        }
    }

    /** Something that started at {@code from} and, unless {@code to} is {@code null}, ended at {@code to}. */
    private record Span(Instant from, Instant to) {
        boolean activeAt(Instant at) {
            return !from.isAfter(at) && (to == null || at.isBefore(to));
        }
    }

    private final Instant createdAt;
    private final List<Star> stars;
    private final List<Span> forks;
    private final List<Span> watchers;
    private final List<Span> issues;
    private final List<Release> releases;

    private RepositoryActivity(
            Instant createdAt, List<Star> stars, List<Span> forks, List<Span> watchers, List<Span> issues,
            List<Release> releases) {
        this.createdAt = createdAt;
        this.stars = stars.stream().sorted(Comparator.comparing(Star::starredAt)).toList();
        this.forks = List.copyOf(forks);
        this.watchers = List.copyOf(watchers);
        this.issues = List.copyOf(issues);
        this.releases = releases.stream().sorted(Comparator.comparing(Release::publishedAt)).toList();
    }

    /** When the repository was created. */
    public Instant createdAt() {
        return createdAt;
    }

    /** The counters at {@code at}. */
    public RepositoryCounters countersAt(Instant at) {
        return new RepositoryCounters(
                stars.stream().filter(star -> star.activeAt(at)).count(),
                count(forks, at),
                count(watchers, at),
                count(issues, at));
    }

    /** The counters at the end of the UTC day {@code day} (at midnight starting the next day). */
    public RepositoryCounters countersOn(LocalDate day) {
        return countersAt(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** Every star ever given, taken back or not, oldest first. */
    public List<Star> stars() {
        return stars;
    }

    /** The stars that count at {@code at}, oldest first: what {@code /stargazers} lists. */
    public List<Star> stargazersAt(Instant at) {
        return stars.stream().filter(star -> star.activeAt(at)).toList();
    }

    /** Every release, including those published after the simulated now, oldest first. */
    public List<Release> releases() {
        return releases;
    }

    /** The releases published at or before {@code at}, newest first: what {@code /releases} lists. */
    public List<Release> releasesAt(Instant at) {
        var published = new ArrayList<Release>();
        for (int i = releases.size() - 1; i >= 0; i--) {
            if (!releases.get(i).publishedAt().isAfter(at)) {
                published.add(releases.get(i));
            }
        }
        return published;
    }

    /** The latest event at or before {@code at} (a star, fork, issue, release or upload), or the creation. */
    public Instant lastEventAt(Instant at) {
        Instant last = createdAt;
        for (Star star : stars) {
            last = latest(last, star.starredAt(), at);
            last = star.unstarredAt() == null ? last : latest(last, star.unstarredAt(), at);
        }
        for (List<Span> spans : List.of(forks, watchers, issues)) {
            for (Span span : spans) {
                last = latest(last, span.from(), at);
                last = span.to() == null ? last : latest(last, span.to(), at);
            }
        }
        return latest(last, lastPushAt(at), at);
    }

    /** The latest release (or asset upload) at or before {@code at}, or the creation: a push. */
    public Instant lastPushAt(Instant at) {
        Instant last = createdAt;
        for (Release release : releases) {
            last = latest(last, release.createdAt(), at);
            for (Asset asset : release.assets()) {
                last = latest(last, asset.createdAt(), at);
            }
        }
        return last;
    }

    private static Instant latest(Instant current, Instant candidate, Instant notAfter) {
        return candidate.isAfter(current) && !candidate.isAfter(notAfter) ? candidate : current;
    }

    private static long count(Collection<Span> spans, Instant at) {
        return spans.stream().filter(span -> span.activeAt(at)).count();
    }

    /** A repository created at {@code createdAt} that nothing ever happened to. */
    public static RepositoryActivity none(Instant createdAt) {
        return new RepositoryActivity(createdAt, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Activity generated from {@code seed}, from {@code createdAt} to {@code until}.
     *
     * @param fullName {@code owner/repo}, for asset names
     */
    public static RepositoryActivity generated(
            String fullName, long seed, Instant createdAt, Instant until, Profile profile) {
        return new Generator(fullName, new Random(seed), createdAt, until, profile).generate();
    }

    // ---- generation -------------------------------------------------------------------------

    private static final class Generator {

        private static final String[] FIRST = {
            "ada", "alex", "amir", "ana", "ben", "chen", "dara", "eli", "emma", "femi", "hana", "ivan",
            "jon", "kai", "lea", "luis", "maya", "nina", "omar", "priya", "rui", "sam", "sara", "tom",
            "uma", "yuki", "zoe", "noah", "lina", "marco"
        };
        private static final String[] LAST = {
            "dev", "codes", "k", "m", "lab", "hacks", "io", "x", "py", "rs", "data", "ml", "ops", "js"
        };

        private final String repo;
        private final Random random;
        private final Instant createdAt;
        private final Instant until;
        private final Profile profile;
        private final Set<Long> userIds = new HashSet<>();
        private final Set<String> logins = new HashSet<>();

        Generator(String fullName, Random random, Instant createdAt, Instant until, Profile profile) {
            this.repo = fullName.substring(fullName.indexOf('/') + 1);
            this.random = random;
            this.createdAt = createdAt;
            this.until = until;
            this.profile = profile;
        }

        RepositoryActivity generate() {
            double rate = profile.starsPerDay();
            var stars = new ArrayList<Star>();
            var forks = new ArrayList<Span>();
            var watchers = new ArrayList<Span>();
            var issues = new ArrayList<Span>();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                watchers.add(new Span(createdAt, null)); // the maintainers watch from the start
            }
            LocalDate first = LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
            LocalDate last = LocalDate.ofInstant(until, ZoneOffset.UTC);
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                double mean = rate * Math.exp(random.nextGaussian() * 0.4) * (random.nextInt(100) < 2 ? 8 : 1);
                for (int i = poisson(mean); i > 0; i--) {
                    Instant at = timeOn(day);
                    if (at != null) {
                        stars.add(new Star(userId(), login(), at,
                                random.nextInt(100) < 3 ? later(at, 45) : null));
                    }
                }
                for (int i = poisson(rate / 8); i > 0; i--) {
                    Instant at = timeOn(day);
                    if (at != null) {
                        forks.add(new Span(at, null));
                    }
                }
                for (int i = poisson(rate / 15 + 0.01); i > 0; i--) {
                    Instant at = timeOn(day);
                    if (at != null) {
                        watchers.add(new Span(at, random.nextInt(100) < 30 ? later(at, 120) : null));
                    }
                }
                for (int i = poisson(rate / 6 + 0.03); i > 0; i--) {
                    Instant at = timeOn(day);
                    if (at != null) {
                        issues.add(new Span(at, random.nextInt(100) < 85 ? later(at, 20) : null));
                    }
                }
            }
            return new RepositoryActivity(createdAt, stars, forks, watchers, issues, releases());
        }

        private List<Release> releases() {
            record Upload(int release, int slot, String name, String contentType, long size, Instant createdAt,
                    Instant deletedAt, long peak, double halfLife, double perDay) {}
            record Draft(String tag, boolean prerelease, Instant createdAt, Instant publishedAt) {}
            var drafts = new ArrayList<Draft>();
            var uploads = new ArrayList<Upload>();
            int major = 0;
            int minor = 1;
            int patch = 0;
            int candidate = 0; // release candidates of the next version: -rc.1, -rc.2, ... (tags are unique, as on GitHub)
            double meanDays = profile.releasesPerMonth() <= 0 ? Double.POSITIVE_INFINITY : 30 / profile.releasesPerMonth();
            Instant published = createdAt.plus(Duration.ofHours(24L * (5 + random.nextInt(40)) + random.nextInt(24)))
                    .plusSeconds(random.nextInt(3600));
            while (Double.isFinite(meanDays) && !published.isAfter(until)) {
                boolean prerelease = random.nextInt(100) < 10;
                String version = major + "." + minor + "." + patch;
                String suffix = prerelease ? "-rc." + (++candidate) : "";
                String tag = "v" + version + suffix;
                Instant created = published.minusSeconds(300 + random.nextInt(3 * 3600));
                int index = drafts.size();
                drafts.add(new Draft(tag, prerelease, created, published));
                int assets = random.nextInt(100) < 20 ? 0 : 1 + random.nextInt(3);
                String[][] kinds = {
                    {"-linux-x86_64.tar.gz", "application/gzip"},
                    {"-windows-x86_64.zip", "application/zip"},
                    {"-macos-arm64.tar.gz", "application/gzip"}
                };
                double scale = Math.max(1, profile.starsPerDay() * 20);
                for (int slot = 0; slot < assets; slot++) {
                    String name = repo + "-" + version + suffix + kinds[slot][0];
                    Instant uploaded = created.plusSeconds(60 + random.nextInt(240));
                    long peak = Math.round(scale * (slot == 0 ? 1 : 0.6) * Math.exp(random.nextGaussian() * 0.5));
                    double halfLife = 12 + random.nextInt(84);
                    double perDay = Math.max(0.2, peak / 150.0);
                    long size = 1_000_000L + random.nextInt(40_000_000);
                    Instant deleted = null;
                    if (random.nextDouble() < profile.replacedAssetProbability()) {
                        Instant again = uploaded.plus(Duration.ofHours(1 + random.nextInt(24 * 14)))
                                .truncatedTo(ChronoUnit.HOURS);
                        if (!again.isAfter(until)) {
                            deleted = again;
                            uploads.add(new Upload(index, slot, name, kinds[slot][1], size + 1 + random.nextInt(4096),
                                    again, null, Math.max(1, peak / 3), halfLife, perDay));
                        }
                    }
                    uploads.add(new Upload(index, slot, name, kinds[slot][1], size, uploaded, deleted, peak, halfLife,
                            perDay));
                }
                if (!prerelease) {
                    candidate = 0;
                    int bump = random.nextInt(100);
                    if (bump < 4 || (major == 0 && bump < 8 && minor >= 4)) {
                        major++;
                        minor = 0;
                        patch = 0;
                    } else if (bump < 35) {
                        minor++;
                        patch = 0;
                    } else {
                        patch++;
                    }
                }
                double days = Math.max(1, -Math.log(1 - random.nextDouble()) * meanDays);
                published = published.plusSeconds((long) (days * 86_400));
            }
            // ids grow with time, as on GitHub: number the uploads in upload order
            uploads.sort(Comparator.comparing(Upload::createdAt));
            long idBase = 90_000_000L + Math.floorMod(repo.hashCode(), 1_000_000) * 100L;
            var assetsByRelease = new ArrayList<List<Upload>>();
            drafts.forEach(d -> assetsByRelease.add(new ArrayList<>()));
            var ids = new java.util.IdentityHashMap<Upload, Long>();
            for (int i = 0; i < uploads.size(); i++) {
                ids.put(uploads.get(i), idBase + i * 7L + 1);
                assetsByRelease.get(uploads.get(i).release()).add(uploads.get(i));
            }
            var releases = new ArrayList<Release>();
            long releaseBase = 40_000_000L + Math.floorMod(repo.hashCode(), 1_000_000) * 100L;
            for (int r = 0; r < drafts.size(); r++) {
                Draft draft = drafts.get(r);
                List<Asset> assets = assetsByRelease.get(r).stream()
                        .sorted(Comparator.comparingInt(Upload::slot).thenComparing(Upload::createdAt))
                        .map(u -> new Asset(ids.get(u), u.name(), u.contentType(), u.size(), u.createdAt(),
                                u.deletedAt(), u.peak(), u.halfLife(), u.perDay()))
                        .toList();
                releases.add(new Release(releaseBase + r * 13L + 1, draft.tag(), draft.prerelease(),
                        draft.createdAt(), draft.publishedAt(), assets));
            }
            return releases;
        }

        /** A random second of {@code day} between the creation and the horizon, or {@code null}. */
        private Instant timeOn(LocalDate day) {
            Instant at = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(86_400));
            return at.isBefore(createdAt) || at.isAfter(until) ? null : at;
        }

        /** About {@code meanDays} days after {@code at} (exponentially), or {@code null} beyond the horizon. */
        private Instant later(Instant at, double meanDays) {
            long seconds = 3600 + (long) (-Math.log(1 - random.nextDouble()) * meanDays * 86_400);
            Instant end = at.plusSeconds(seconds);
            return end.isAfter(until) ? null : end;
        }

        private int poisson(double mean) {
            if (mean <= 0) {
                return 0;
            }
            if (mean > 30) {
                return (int) Math.max(0, Math.round(mean + random.nextGaussian() * Math.sqrt(mean)));
            }
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            int n = 0;
            while (product > limit) {
                product *= random.nextDouble();
                n++;
            }
            return n;
        }

        private long userId() {
            long id;
            do {
                id = 1_000_000L + random.nextInt(150_000_000);
            } while (!userIds.add(id));
            return id;
        }

        private String login() {
            String login = candidateLogin();
            while (!logins.add(login)) {
                login = login + random.nextInt(10);
            }
            return login;
        }

        private String candidateLogin() {
            String name = FIRST[random.nextInt(FIRST.length)];
            return switch (random.nextInt(4)) {
                case 0 -> name + "-" + LAST[random.nextInt(LAST.length)];
                case 1 -> name + LAST[random.nextInt(LAST.length)] + random.nextInt(100);
                case 2 -> name + random.nextInt(10_000);
                default -> LAST[random.nextInt(LAST.length)] + "-" + name;
            };
        }
    }
}
