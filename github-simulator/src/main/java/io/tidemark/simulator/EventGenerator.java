package io.tidemark.simulator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Turns daily series into visitor events, deterministically from a seed: each day gets exactly its
 * count of events and its number of distinct visitors, part of them returning visitors from the
 * previous two weeks, so that weekly and 14-day uniques are realistic distinct counts.
 */
final class EventGenerator {

    /** Relative traffic per UTC hour (a day peaking in the European afternoon / US morning). */
    private static final int[] HOUR_WEIGHTS = {
        2, 2, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 8, 9, 10, 10, 9, 8, 7, 6, 5, 4, 3, 2
    };

    private static final String[] REFERRERS = {
        "github.com", "Google", "news.ycombinator.com", "Bing", "reddit.com", "t.co",
        "DuckDuckGo", "stackoverflow.com", "dev.to", "medium.com", "linkedin.com", "Yandex",
        "kagi.com", "chatgpt.com"
    };

    private static final int RETURNING_PERCENT = 30;

    private final Random random;

    EventGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Views of {@code fullName} ({@code owner/repo}) with referrers and paths. */
    List<TrafficEvent> views(String fullName, DailySeries series) {
        List<String[]> pages = pages(fullName);
        return events(series, (day, hour, visitor, firstOfVisitor) -> {
            String[] page = pages.get(zipf(pages.size()));
            // a visitor's first view of the day may come from another site; later ones navigate inside
            String referrer = firstOfVisitor && random.nextInt(100) < 65 ? REFERRERS[zipf(REFERRERS.length)] : null;
            return TrafficEvent.view(day, hour, visitor, referrer, page[0], page[1]);
        });
    }

    /** Clones. */
    List<TrafficEvent> clones(DailySeries series) {
        return events(series, (day, hour, visitor, first) -> TrafficEvent.clone(day, hour, visitor));
    }

    /** A daily series shaped like real traffic: weekday peaks, noise, rare spikes and empty days. */
    DailySeries series(LocalDate from, LocalDate to, double meanDaily) {
        var days = new TreeMap<LocalDate, Counts>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            double mean = meanDaily * (weekend ? 0.55 : 1.15) * Math.exp(random.nextGaussian() * 0.35);
            if (random.nextInt(100) < 3) {
                mean *= 4; // a spike: the repository got linked somewhere
            }
            long count = Math.round(mean);
            if (count == 0 || random.nextInt(100) < 4) {
                continue;
            }
            long uniques = Math.max(1, Math.min(count, Math.round(count * (0.3 + 0.45 * random.nextDouble()))));
            days.put(day, new Counts(count, uniques));
        }
        return new DailySeries(days);
    }

    private interface EventFactory {
        TrafficEvent create(LocalDate day, int hour, long visitor, boolean firstOfVisitor);
    }

    private List<TrafficEvent> events(DailySeries series, EventFactory factory) {
        var events = new ArrayList<TrafficEvent>();
        Map<Long, LocalDate> lastSeen = new HashMap<>();
        long nextVisitor = 1;
        for (var entry : series.days().entrySet()) {
            LocalDate day = entry.getKey();
            int count = Math.toIntExact(entry.getValue().count());
            int uniques = Math.toIntExact(entry.getValue().uniques());

            // returning visitors: seen during the previous 13 days (sorted for determinism)
            List<Long> recent = new ArrayList<>();
            lastSeen.forEach((visitor, seen) -> {
                if (seen.isAfter(day.minusDays(14))) {
                    recent.add(visitor);
                }
            });
            Collections.sort(recent);
            Collections.shuffle(recent, random);
            int returning = Math.min(recent.size(), (int) Math.round(uniques * RETURNING_PERCENT / 100.0 * random.nextDouble() * 2));
            returning = Math.min(returning, uniques);

            List<Long> visitors = new ArrayList<>(recent.subList(0, returning));
            while (visitors.size() < uniques) {
                visitors.add(nextVisitor++);
            }
            // every visitor once, the remaining events to random visitors of the day (some are busier)
            List<Long> perEvent = new ArrayList<>(visitors);
            for (int i = uniques; i < count; i++) {
                perEvent.add(visitors.get(zipf(visitors.size())));
            }
            var dayEvents = new ArrayList<TrafficEvent>(count);
            var seenToday = new HashSet<Long>();
            for (long visitor : perEvent) {
                dayEvents.add(factory.create(day, hour(), visitor, seenToday.add(visitor)));
                lastSeen.put(visitor, day);
            }
            dayEvents.sort(Comparator.comparingInt(TrafficEvent::hour));
            events.addAll(dayEvents);
        }
        return events;
    }

    private int hour() {
        int total = 0;
        for (int w : HOUR_WEIGHTS) {
            total += w;
        }
        int pick = random.nextInt(total);
        for (int h = 0; h < HOUR_WEIGHTS.length; h++) {
            pick -= HOUR_WEIGHTS[h];
            if (pick < 0) {
                return h;
            }
        }
        throw new AssertionError();
    }

    /** An index in [0, n) with probability proportional to 1/(i+1): popular things first. */
    private int zipf(int n) {
        double total = 0;
        for (int i = 1; i <= n; i++) {
            total += 1.0 / i;
        }
        double pick = random.nextDouble() * total;
        for (int i = 0; i < n; i++) {
            pick -= 1.0 / (i + 1);
            if (pick < 0) {
                return i;
            }
        }
        return n - 1;
    }

    /** Paths of a repository and their page titles, as GitHub reports them. */
    static List<String[]> pages(String fullName) {
        String repo = fullName.substring(fullName.indexOf('/') + 1);
        String p = "/" + fullName;
        return List.of(
                new String[] {p, "GitHub - " + fullName},
                new String[] {p + "/blob/main/README.md", repo + "/README.md at main · " + fullName},
                new String[] {p + "/issues", "Issues · " + fullName},
                new String[] {p + "/pulls", "Pull requests · " + fullName},
                new String[] {p + "/releases", "Releases · " + fullName},
                new String[] {p + "/tree/main/docs", repo + "/docs at main · " + fullName},
                new String[] {p + "/actions", "Actions · " + fullName},
                new String[] {p + "/wiki", "Home · " + fullName + " Wiki"},
                new String[] {p + "/blob/main/CONTRIBUTING.md", repo + "/CONTRIBUTING.md at main · " + fullName},
                new String[] {p + "/stargazers", "Stargazers · " + fullName},
                new String[] {p + "/network/members", "Forks · " + fullName},
                new String[] {p + "/issues/1", "Getting started · Issue #1 · " + fullName},
                new String[] {p + "/discussions", "Discussions · " + fullName},
                new String[] {p + "/blob/main/LICENSE", repo + "/LICENSE at main · " + fullName});
    }
}
