package io.tidemark.app.transfer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tidemark.core.model.HistoryFact;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.PopularPath;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.WindowTotals;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Writes facts as Tidemark's export in newline-delimited JSON ({@code docs/export-format.md}): a
 * first line naming the format, then one fact per line, written as it comes.
 */
final class NdjsonExport implements Consumer<HistoryFact>, AutoCloseable {

    static final String FORMAT = "tidemark-export";
    static final int VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator out;

    NdjsonExport(OutputStream stream, Instant exportedAt) throws IOException {
        this.out = JSON.createGenerator(stream, JsonEncoding.UTF8);
        out.setRootValueSeparator(null);
        out.writeStartObject();
        out.writeStringField("format", FORMAT);
        out.writeNumberField("version", VERSION);
        out.writeStringField("exportedAt", exportedAt.toString());
        out.writeEndObject();
        out.writeRaw('\n');
    }

    @Override
    public void accept(HistoryFact fact) {
        try {
            write(fact);
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(HistoryFact fact) throws IOException {
        out.writeStartObject();
        if (fact instanceof HistoryFact.TrackedOwner owner) {
            out.writeStringField("type", "owner");
            out.writeStringField("owner", owner.owner());
        } else if (fact instanceof HistoryFact.Tracked tracked) {
            out.writeStringField("type", "repository");
            out.writeStringField("repository", tracked.repository().nameWithOwner());
            out.writeBooleanField("active", tracked.active());
        } else if (fact instanceof HistoryFact.Bucket bucket) {
            KeptBucket kept = bucket.bucket();
            out.writeStringField("type", "bucket");
            out.writeStringField("repository", bucket.repository().nameWithOwner());
            out.writeStringField("kind", lower(bucket.kind()));
            out.writeStringField("per", lower(bucket.granularity()));
            out.writeStringField("start", kept.start().toString());
            out.writeNumberField("count", kept.count());
            out.writeNumberField("uniques", kept.uniques());
            out.writeBooleanField("complete", kept.complete());
        } else if (fact instanceof HistoryFact.Totals totals) {
            WindowTotals kept = totals.totals();
            out.writeStringField("type", "totals");
            out.writeStringField("repository", totals.repository().nameWithOwner());
            out.writeStringField("kind", lower(kept.kind()));
            out.writeStringField("per", lower(kept.granularity()));
            out.writeStringField("fetchedAt", kept.fetchedAt().toString());
            out.writeNumberField("count", kept.count());
            out.writeNumberField("uniques", kept.uniques());
        } else if (fact instanceof HistoryFact.Referrers referrers) {
            out.writeStringField("type", "referrers");
            out.writeStringField("repository", referrers.repository().nameWithOwner());
            out.writeStringField("takenAt", referrers.snapshot().takenAt().toString());
            out.writeArrayFieldStart("referrers");
            for (Referrer referrer : referrers.snapshot().referrers()) {
                out.writeStartObject();
                out.writeStringField("referrer", referrer.referrer());
                out.writeNumberField("count", referrer.count());
                out.writeNumberField("uniques", referrer.uniques());
                out.writeEndObject();
            }
            out.writeEndArray();
        } else if (fact instanceof HistoryFact.Paths paths) {
            out.writeStringField("type", "paths");
            out.writeStringField("repository", paths.repository().nameWithOwner());
            out.writeStringField("takenAt", paths.snapshot().takenAt().toString());
            out.writeArrayFieldStart("paths");
            for (PopularPath path : paths.snapshot().paths()) {
                out.writeStartObject();
                out.writeStringField("path", path.path());
                out.writeStringField("title", path.title());
                out.writeNumberField("count", path.count());
                out.writeNumberField("uniques", path.uniques());
                out.writeEndObject();
            }
            out.writeEndArray();
        } else if (fact instanceof HistoryFact.Stat stat) {
            out.writeStringField("type", "stat");
            out.writeStringField("repository", stat.repository().nameWithOwner());
            out.writeStringField("day", stat.day().toString());
            out.writeStringField("counter", lower(stat.counter()));
            out.writeNumberField("value", stat.value());
        }
        out.writeEndObject();
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
