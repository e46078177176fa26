package io.tidemark.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * How far the stars backfill of a repository has come: it reads the repository's stargazer list
 * (oldest star first, {@value #PER_PAGE} a page) a few pages a day and keeps, for every past day,
 * the number of stargazers who had starred it by the end of that day.
 *
 * <p>The days are kept as soon as they are complete: after page {@code N}, every day before the
 * day of the page's last star is final (the list is in the order of {@code starred_at}, so no
 * later page holds a star of those days); the day of the page's last star, and every day after it,
 * waits for the next page. The record is all that a restart needs.
 *
 * @param nextPage the page to read next, from 1
 * @param pendingFrom the first day not kept yet: the day of the last star read; null before any
 *     star was read
 * @param callDay the UTC day of the latest calls, null before the first
 * @param callsOnCallDay how many pages were asked for on {@code callDay} (failed calls count)
 * @param complete whether the whole list was read (no call is made any more)
 */
public record StarsBackfill(int nextPage, LocalDate pendingFrom, LocalDate callDay, int callsOnCallDay, boolean complete) {

    /** Stargazers per page: GitHub's largest {@code per_page}. */
    public static final int PER_PAGE = 100;

    /** Where every backfill starts. */
    public static final StarsBackfill NOT_STARTED = new StarsBackfill(1, null, null, 0, false);

    public StarsBackfill {
        if (nextPage < 1) {
            throw new InvalidInputException("nextPage", "nextPage must be at least 1, was " + nextPage);
        }
        Checks.notNegative("callsOnCallDay", callsOnCallDay);
    }

    /** Pages asked for on {@code day}. */
    public int callsOn(LocalDate day) {
        return day.equals(callDay) ? callsOnCallDay : 0;
    }

    /** This progress with one more call counted on {@code day}. */
    public StarsBackfill called(LocalDate day) {
        return new StarsBackfill(nextPage, pendingFrom, day, callsOn(day) + 1, complete);
    }

    /**
     * Reads {@code page} (the page {@link #nextPage()}): the days it completes, each with its stars
     * and no other counter, and the progress after it. A last page completes every day up to the
     * answer's own day; a page after which {@code lastPage} is reached counts as the last.
     *
     * @param lastPage the last page that may be read (GitHub lists 400 pages at most)
     */
    public Step read(StargazerPage page, int lastPage) {
        if (page.page() != nextPage) {
            throw new IllegalArgumentException("page " + page.page() + " read where page " + nextPage + " is due");
        }
        boolean last = page.last() || page.page() >= lastPage;
        List<Instant> stars = page.starredAt();
        LocalDate newest = stars.stream().max(Instant::compareTo)
                .map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC)).orElse(pendingFrom);
        LocalDate until = last ? max(page.day(), newest) : newest == null ? null : newest.minusDays(1);
        List<RepositoryStats> days = countPerDay((nextPage - 1) * PER_PAGE, pendingFrom, stars, until);
        LocalDate stillPending = days.isEmpty() ? (pendingFrom == null ? oldest(stars) : pendingFrom)
                : days.get(days.size() - 1).day().plusDays(1);
        return new Step(days, new StarsBackfill(nextPage + 1, stillPending, callDay, callsOnCallDay, last));
    }

    /** What one page added: the completed days, and the progress after it. */
    public record Step(List<RepositoryStats> days, StarsBackfill progress) {}

    /**
     * The stars of each day from {@code from} (or, when null, the day of the oldest of {@code
     * starredAt}) to {@code until}, both included: {@code starsBefore} plus the number of {@code
     * starredAt} on or before the end of the day. Empty when there is no such day.
     *
     * @param starsBefore the stargazers listed before these (on earlier pages)
     */
    public static List<RepositoryStats> countPerDay(int starsBefore, LocalDate from, List<Instant> starredAt, LocalDate until) {
        LocalDate first = from != null ? from : oldest(starredAt);
        if (first == null || until == null || until.isBefore(first)) {
            return List.of();
        }
        List<LocalDate> starDays = starredAt.stream().map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC)).sorted().toList();
        List<RepositoryStats> days = new ArrayList<>();
        int next = 0;
        for (LocalDate day = first; !day.isAfter(until); day = day.plusDays(1)) {
            while (next < starDays.size() && !starDays.get(next).isAfter(day)) {
                next++;
            }
            days.add(RepositoryStats.of(day, HistoryFact.Counter.STARS, starsBefore + next));
        }
        return days;
    }

    private static LocalDate oldest(List<Instant> starredAt) {
        return starredAt.stream().min(Instant::compareTo).map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC)).orElse(null);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
