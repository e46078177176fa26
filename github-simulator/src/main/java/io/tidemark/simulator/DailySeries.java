package io.tidemark.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A daily series of counts and uniques, e.g. as recorded from GitHub's traffic API. Days absent
 * from the series had no traffic.
 *
 * @param days count and uniques per UTC day, only days with traffic
 */
public record DailySeries(SortedMap<LocalDate, Counts> days) {

    public DailySeries {
        var copy = new TreeMap<LocalDate, Counts>();
        for (Map.Entry<LocalDate, Counts> e : days.entrySet()) {
            Counts c = e.getValue();
            if (c.count() == 0 && c.uniques() == 0) {
                continue;
            }
            if (c.uniques() < 1 || c.uniques() > c.count()) {
                throw new IllegalArgumentException("need 1 <= uniques <= count on " + e.getKey() + ": " + c);
            }
            copy.put(e.getKey(), c);
        }
        days = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * Parses a CSV with a header line and the columns day ({@code yyyy-MM-dd}), count, uniques, like
     * {@code _date,total_views,unique_views}.
     */
    public static DailySeries parseCsv(Reader reader) {
        var days = new TreeMap<LocalDate, Counts>();
        try (var lines = new BufferedReader(reader)) {
            lines.readLine(); // header
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.trim().split(",");
                if (cells.length != 3) {
                    throw new IllegalArgumentException("expected day,count,uniques: " + line);
                }
                days.put(
                        LocalDate.parse(cells[0].trim()),
                        new Counts(Long.parseLong(cells[1].trim()), Long.parseLong(cells[2].trim())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DailySeries(days);
    }

    /** Parses a CSV resource of this module's class path, e.g. {@code real-traffic/x.views.csv}. */
    public static DailySeries fromClasspath(String resource) {
        InputStream in = DailySeries.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no such resource: " + resource);
        }
        return parseCsv(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
