package io.tidemark.core.testing;

import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.TrafficBucket;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kept history any {@link io.tidemark.core.port.out.TrafficStore} must hold after merging a
 * set of GitHub answers, computed from the raw answers alone (fetch time, granularity and the
 * buckets GitHub returned) by restating the rules of {@code docs/merge-rules.md}.
 *
 * <p>This is an oracle: it never calls the code it checks. It reads {@link TrafficWindow},
 * {@link TrafficBucket} and {@link Granularity} only as values (their record components and
 * constants) and builds its answer as {@link KeptBucket} values, but it does not use {@link
 * TrafficWindow#observations()}, {@link TrafficWindow#windowStart()}, {@link
 * TrafficWindow#coversWhole}, {@link KeptBucket#mergedWith}, {@link Granularity}'s bucket
 * arithmetic or any store's mapping code. A bug in those makes a store checked against this
 * oracle fail, instead of being copied into the expectation.
 *
 * <p>The rules it encodes, and nothing else:
 *
 * <ol>
 *   <li><b>The window.</b> An answer fetched at instant {@code f} shows what GitHub counted in
 *       the rolling 14 x 24 hours {@code [s, f)}, where {@code s} is {@code f} truncated to the
 *       whole UTC hour, minus 14 x 24 hours.
 *   <li><b>Buckets.</b> A day bucket is one UTC calendar day, from midnight to the next
 *       midnight. A week bucket starts at Monday 00:00 UTC and lasts seven days. So a day window
 *       touches 15 days (the oldest cut at the hour of the fetch, today still growing), or 14
 *       when fetched at exactly midnight; a week window touches the 3 weeks around it (2 when the
 *       window starts at a Monday midnight), the oldest cut the same way.
 *   <li><b>Touched.</b> A bucket is touched by an answer when it overlaps the window by a
 *       positive length: it starts before {@code f} and ends after {@code s}.
 *   <li><b>What an answer proves.</b> A touched bucket GitHub returned is observed with its count
 *       and uniques. A touched bucket GitHub did not return is observed as 0 and 0: GitHub saw no
 *       traffic there. A bucket the answer did not touch and did not return is not observed at
 *       all: outside the window a missing day is unknown, not 0. (An answer returning a bucket
 *       outside the buckets its window touches cannot be built: the model refuses it.)
 *   <li><b>Completeness of an observation.</b> An observation is complete when the whole bucket
 *       lies inside the window: it starts at or after {@code s} and ends at or before {@code f}
 *       (for a week: the fetch came after its Sunday ended). Otherwise it is a part.
 *   <li><b>The kept value.</b> Per bucket, the count kept is the maximum count over all its
 *       observations and the uniques kept the maximum uniques, each field on its own (a part
 *       never exceeds the whole); the bucket is complete when any observation was complete. So
 *       the result does not depend on the order of the answers, nor on duplicates.
 *   <li><b>The series.</b> Kinds and granularities are kept apart. A bucket observed by some
 *       answer is present (with 0 where only zeros were observed); a bucket no answer observed is
 *       absent, a gap. Buckets come oldest first.
 * </ol>
 *
 * <p>Uniques are never added up across buckets, and GitHub's window totals are not part of the
 * kept buckets.
 */
public final class KeptHistoryOracle {

    private static final long HOUR = 3_600;
    private static final long DAY = 24 * HOUR;
    private static final long WINDOW = 14 * DAY;

    /** What has been observed of one bucket so far. */
    private static final class Observed {
        int count;
        int uniques;
        boolean complete;
    }

    private KeptHistoryOracle() {}

    /**
     * The kept buckets of one kind and granularity after merging every answer in {@code answers}
     * (others are ignored), oldest first.
     */
    public static List<KeptBucket> keptHistory(
            Collection<TrafficWindow> answers, TrafficKind kind, Granularity granularity) {
        Map<LocalDate, Observed> kept = new TreeMap<>();
        for (TrafficWindow answer : answers) {
            if (answer.kind() != kind || answer.granularity() != granularity) {
                continue;
            }
            Instant fetchedAt = answer.fetchedAt();
            Map<LocalDate, TrafficBucket> returned = new TreeMap<>();
            for (TrafficBucket bucket : answer.buckets()) {
                returned.put(bucket.start(), bucket);
            }
            List<LocalDate> observedStarts = new ArrayList<>(touchedBuckets(granularity, fetchedAt));
            for (LocalDate start : returned.keySet()) {
                if (!observedStarts.contains(start)) {
                    observedStarts.add(start);
                }
            }
            for (LocalDate start : observedStarts) {
                TrafficBucket bucket = returned.get(start);
                Observed observed = kept.computeIfAbsent(start, day -> new Observed());
                if (bucket != null) {
                    observed.count = Math.max(observed.count, bucket.count());
                    observed.uniques = Math.max(observed.uniques, bucket.uniques());
                }
                observed.complete |= wholeInside(granularity, start, fetchedAt);
            }
        }
        List<KeptBucket> history = new ArrayList<>(kept.size());
        kept.forEach((start, observed) ->
                history.add(new KeptBucket(start, observed.count, observed.uniques, observed.complete)));
        return List.copyOf(history);
    }

    /**
     * The starts of the buckets an answer fetched at {@code fetchedAt} touches (rules 1 to 3),
     * oldest first: where GitHub may return a bucket, and where a bucket it leaves out is 0.
     */
    public static List<LocalDate> touchedBuckets(Granularity granularity, Instant fetchedAt) {
        Instant windowStart = windowStart(fetchedAt);
        long firstDay = Math.floorDiv(windowStart.getEpochSecond(), DAY);
        long lastDay = Math.floorDiv(fetchedAt.getEpochSecond(), DAY);
        List<LocalDate> touched = new ArrayList<>();
        // brute force: every candidate start a week either side, kept when it overlaps the window
        for (long epochDay = firstDay - 7; epochDay <= lastDay + 7; epochDay++) {
            LocalDate start = LocalDate.ofEpochDay(epochDay);
            if (!isBucketStart(granularity, start)) {
                continue;
            }
            if (bucketStart(start).isBefore(fetchedAt) && bucketEnd(granularity, start).isAfter(windowStart)) {
                touched.add(start);
            }
        }
        return touched;
    }

    /** Rule 1: the hour of the fetch, 14 x 24 hours earlier. */
    static Instant windowStart(Instant fetchedAt) {
        long hour = Math.floorDiv(fetchedAt.getEpochSecond(), HOUR) * HOUR;
        return Instant.ofEpochSecond(hour - WINDOW);
    }

    /** Rule 5: the whole bucket lies inside the window of a fetch at {@code fetchedAt}. */
    private static boolean wholeInside(Granularity granularity, LocalDate start, Instant fetchedAt) {
        return !bucketStart(start).isBefore(windowStart(fetchedAt))
                && !bucketEnd(granularity, start).isAfter(fetchedAt);
    }

    private static boolean isBucketStart(Granularity granularity, LocalDate day) {
        return switch (granularity) {
            case DAY -> true;
            case WEEK -> day.getDayOfWeek() == DayOfWeek.MONDAY;
        };
    }

    private static Instant bucketStart(LocalDate start) {
        return Instant.ofEpochSecond(start.toEpochDay() * DAY);
    }

    private static Instant bucketEnd(Granularity granularity, LocalDate start) {
        long days = switch (granularity) {
            case DAY -> 1;
            case WEEK -> 7;
        };
        return Instant.ofEpochSecond((start.toEpochDay() + days) * DAY);
    }
}
