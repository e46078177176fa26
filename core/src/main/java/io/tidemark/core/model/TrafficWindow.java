package io.tidemark.core.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One answer of GitHub's traffic API for one kind and granularity: what GitHub showed at
 * {@code fetchedAt}.
 *
 * <p>GitHub's window is a rolling {@link #LENGTH 14 x 24 hours} ending at the fetch, starting at
 * the hour of the fetch 14 days earlier. Per day it has up to 15 buckets: the oldest day cut by
 * the window's left edge, 13 complete days and today so far. Per week it has the weeks touching
 * those days, the oldest cut the same way and the newest in progress. Buckets without traffic
 * are absent from GitHub's answer, which inside the window means 0.
 *
 * <p>{@link #observations()} turns the answer into what it proves about each bucket, with
 * GitHub's totals; that is all a store receives: stores never see a {@code TrafficWindow}.
 *
 * @param kind views or clones
 * @param granularity day or week
 * @param fetchedAt when GitHub answered (GitHub's clock, from its {@code Date} header)
 * @param count GitHub's total count over the whole window
 * @param uniques GitHub's distinct visitors over the whole window
 * @param buckets the buckets GitHub returned, sorted oldest first. Refused (so that no wrong figure
 *     is ever kept, since a kept figure is never lowered): a bucket outside the buckets the window
 *     touches (its time implies them), a bucket with more uniques than its count, a bucket given
 *     twice, and a weekly bucket that does not start on a Monday
 */
public record TrafficWindow(
        TrafficKind kind,
        Granularity granularity,
        Instant fetchedAt,
        int count,
        int uniques,
        List<TrafficBucket> buckets) {

    /** GitHub keeps traffic for a rolling 14 x 24 hours. */
    public static final Duration LENGTH = Duration.ofDays(14);

    public TrafficWindow {
        Checks.notNull("kind", kind);
        Checks.notNull("granularity", granularity);
        Checks.notNull("fetchedAt", fetchedAt);
        Checks.notNegative("count", count);
        Checks.notNegative("uniques", uniques);
        List<TrafficBucket> sorted = new ArrayList<>(Checks.noNullElements("buckets", buckets));
        sorted.sort(Comparator.comparing(TrafficBucket::start));
        Instant windowStart = fetchedAt.truncatedTo(ChronoUnit.HOURS).minus(LENGTH);
        LocalDate firstTouched = granularity.bucketStart(LocalDate.ofInstant(windowStart, ZoneOffset.UTC));
        LocalDate lastTouched = granularity.bucketStart(LocalDate.ofInstant(fetchedAt.minusNanos(1), ZoneOffset.UTC));
        for (int i = 0; i < sorted.size(); i++) {
            LocalDate start = sorted.get(i).start();
            if (sorted.get(i).uniques() > sorted.get(i).count()) {
                throw new InvalidInputException("buckets[" + i + "].uniques", "bucket " + start + " has more uniques ("
                        + sorted.get(i).uniques() + ") than its count (" + sorted.get(i).count() + ")");
            }
            if (!granularity.isBucketStart(start)) {
                throw new InvalidInputException(
                        "buckets[" + i + "].timestamp",
                        "week bucket " + start + " does not start on a Monday");
            }
            if (start.isBefore(firstTouched) || start.isAfter(lastTouched)) {
                throw new InvalidInputException("buckets[" + i + "].timestamp", "bucket " + start
                        + " lies outside the window the answer's time implies (" + firstTouched + " to " + lastTouched + ")");
            }
            if (i > 0 && sorted.get(i - 1).start().equals(start)) {
                throw new InvalidInputException(
                        "buckets[" + i + "].timestamp", "bucket " + start + " appears twice");
            }
        }
        buckets = List.copyOf(sorted);
    }

    /** The instant the window begins: the hour of the fetch, 14 days earlier. */
    public Instant windowStart() {
        return fetchedAt.truncatedTo(ChronoUnit.HOURS).minus(LENGTH);
    }

    /** The first day the window covers (the oldest, cut day). */
    public LocalDate firstDay() {
        return LocalDate.ofInstant(windowStart(), ZoneOffset.UTC);
    }

    /** The last day the window covers (today, still growing at the time of the fetch). */
    public LocalDate lastDay() {
        return LocalDate.ofInstant(fetchedAt.minusNanos(1), ZoneOffset.UTC);
    }

    /** Whether the whole bucket starting at {@code start} lies inside this window. */
    public boolean coversWhole(LocalDate start) {
        return !Granularity.startOf(start).isBefore(windowStart())
                && !granularity.endOf(start).isAfter(fetchedAt);
    }

    /**
     * What this answer proves: one observation per bucket touching the window, oldest first,
     * with 0 where GitHub reported nothing, marked complete where the window covers the whole
     * bucket, and GitHub's totals of the window. (A window never holds a bucket outside the
     * buckets it touches: the constructor refuses one.)
     */
    public Observations observations() {
        Map<LocalDate, TrafficBucket> reported = new HashMap<>();
        for (TrafficBucket bucket : buckets) {
            reported.put(bucket.start(), bucket);
        }
        List<KeptBucket> observations = new ArrayList<>();
        LocalDate first = granularity.bucketStart(firstDay());
        LocalDate last = granularity.bucketStart(lastDay());
        for (LocalDate start = first; !start.isAfter(last); start = granularity.next(start)) {
            TrafficBucket bucket = reported.remove(start);
            observations.add(new KeptBucket(
                    start,
                    bucket == null ? 0 : bucket.count(),
                    bucket == null ? 0 : bucket.uniques(),
                    coversWhole(start)));
        }
        return new Observations(kind, granularity, fetchedAt, observations, totals());
    }

    /** GitHub's 14-day totals of this answer. */
    public WindowTotals totals() {
        return new WindowTotals(kind, granularity, fetchedAt, count, uniques);
    }
}
