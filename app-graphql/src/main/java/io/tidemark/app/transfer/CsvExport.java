package io.tidemark.app.transfer;

import io.tidemark.core.model.HistoryFact;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.PopularPath;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.WindowTotals;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes facts as Tidemark's export in CSV ({@code docs/export-format.md}): one CSV per kind of
 * fact, each written to a temporary file as facts come (memory stays bounded), then zipped into
 * the answer. RFC 4180 quoting is a few lines, written here rather than bringing a CSV library into
 * the application for writing alone (the import adapter reads these files with Jackson's CSV
 * parser, so the round trip checks the two against each other).
 */
final class CsvExport implements Consumer<HistoryFact>, AutoCloseable {

    static final String FOLDER = "tidemark-export/";

    private final Path folder;
    private final Map<String, Writer> files = new LinkedHashMap<>();

    CsvExport() throws IOException {
        folder = Files.createTempDirectory("tidemark-export-");
        open("owners.csv", "owner");
        open("repositories.csv", "repository,active");
        open("buckets.csv", "repository,kind,per,start,count,uniques,complete");
        open("window_totals.csv", "repository,kind,per,fetched_at,count,uniques");
        open("referrers.csv", "repository,taken_at,rank,referrer,count,uniques");
        open("paths.csv", "repository,taken_at,rank,path,title,count,uniques");
        open("stats.csv", "repository,day,counter,value");
    }

    private void open(String name, String header) throws IOException {
        Writer writer = new BufferedWriter(Files.newBufferedWriter(folder.resolve(name), StandardCharsets.UTF_8), 64 * 1024);
        writer.write(header);
        writer.write("\r\n");
        files.put(name, writer);
    }

    @Override
    public void accept(HistoryFact fact) {
        try {
            write(fact);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(HistoryFact fact) throws IOException {
        if (fact instanceof HistoryFact.TrackedOwner owner) {
            row("owners.csv", owner.owner());
        } else if (fact instanceof HistoryFact.Tracked tracked) {
            row("repositories.csv", tracked.repository().nameWithOwner(), String.valueOf(tracked.active()));
        } else if (fact instanceof HistoryFact.Bucket bucket) {
            KeptBucket kept = bucket.bucket();
            row("buckets.csv", bucket.repository().nameWithOwner(), NdjsonExport.lower(bucket.kind()),
                    NdjsonExport.lower(bucket.granularity()), kept.start().toString(), String.valueOf(kept.count()),
                    String.valueOf(kept.uniques()), String.valueOf(kept.complete()));
        } else if (fact instanceof HistoryFact.Totals totals) {
            WindowTotals kept = totals.totals();
            row("window_totals.csv", totals.repository().nameWithOwner(), NdjsonExport.lower(kept.kind()),
                    NdjsonExport.lower(kept.granularity()), kept.fetchedAt().toString(), String.valueOf(kept.count()),
                    String.valueOf(kept.uniques()));
        } else if (fact instanceof HistoryFact.Referrers referrers) {
            String repository = referrers.repository().nameWithOwner();
            String takenAt = referrers.snapshot().takenAt().toString();
            List<Referrer> entries = referrers.snapshot().referrers();
            if (entries.isEmpty()) {
                row("referrers.csv", repository, takenAt, "0", "", "", "");
            }
            for (int i = 0; i < entries.size(); i++) {
                Referrer referrer = entries.get(i);
                row("referrers.csv", repository, takenAt, String.valueOf(i + 1), referrer.referrer(),
                        String.valueOf(referrer.count()), String.valueOf(referrer.uniques()));
            }
        } else if (fact instanceof HistoryFact.Stat stat) {
            row("stats.csv", stat.repository().nameWithOwner(), stat.day().toString(), NdjsonExport.lower(stat.counter()),
                    String.valueOf(stat.value()));
        } else if (fact instanceof HistoryFact.Paths paths) {
            String repository = paths.repository().nameWithOwner();
            String takenAt = paths.snapshot().takenAt().toString();
            List<PopularPath> entries = paths.snapshot().paths();
            if (entries.isEmpty()) {
                row("paths.csv", repository, takenAt, "0", "", "", "", "");
            }
            for (int i = 0; i < entries.size(); i++) {
                PopularPath path = entries.get(i);
                row("paths.csv", repository, takenAt, String.valueOf(i + 1), path.path(), path.title(),
                        String.valueOf(path.count()), String.valueOf(path.uniques()));
            }
        }
    }

    private void row(String file, String... fields) throws IOException {
        Writer writer = files.get(file);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quoted(fields[i]));
        }
        writer.write("\r\n");
    }

    /** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** Zips the CSVs, in a fixed order, into {@code out}. */
    void zipInto(OutputStream out) throws IOException {
        for (Writer writer : files.values()) {
            writer.flush();
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        for (String name : files.keySet()) {
            zip.putNextEntry(new ZipEntry(FOLDER + name));
            Files.copy(folder.resolve(name), zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    @Override
    public void close() throws IOException {
        for (Writer writer : files.values()) {
            writer.close();
        }
        for (String name : files.keySet()) {
            Files.deleteIfExists(folder.resolve(name));
        }
        Files.deleteIfExists(folder);
    }
}
