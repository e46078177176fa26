package io.tidemark.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.model.ArchiveFormatException;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.HistoryFact;
import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.PopularPath;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.WindowTotals;
import io.tidemark.core.port.out.HistoryArchive;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Tidemark's own export ({@code docs/export-format.md}), in both its forms: {@value #NDJSON}, the
 * newline-delimited JSON file, and {@value #CSV}, each of the six CSV files of the zip. The only
 * format that proves a bucket complete, and that has weekly buckets, window totals, owners and
 * untracked repositories.
 *
 * <p>The file names its repositories itself. A repository given by the caller is a check: every
 * line of the file that names a repository must name that one, else the read fails at that line.
 * Owner lines are not of a repository and are read as they are.
 */
@ApplicationScoped
public class TidemarkExportArchive implements HistoryArchive {

    /** The newline-delimited JSON export. */
    public static final String NDJSON = "tidemark";

    /** One CSV file of the zip export. */
    public static final String CSV = "tidemark-csv";

    /** The version of the format this reads; a later one is refused. */
    static final int VERSION = 1;

    static final String FORMAT_NAME = "tidemark-export";

    /** Each CSV file of the export and its header, as the export writes them. */
    static final Map<String, List<String>> CSV_FILES = csvFiles();

    private static Map<String, List<String>> csvFiles() {
        Map<String, List<String>> files = new LinkedHashMap<>();
        files.put("owners.csv", List.of("owner"));
        files.put("repositories.csv", List.of("repository", "active"));
        files.put("buckets.csv", List.of("repository", "kind", "per", "start", "count", "uniques", "complete"));
        files.put("window_totals.csv", List.of("repository", "kind", "per", "fetched_at", "count", "uniques"));
        files.put("referrers.csv", List.of("repository", "taken_at", "rank", "referrer", "count", "uniques"));
        files.put("paths.csv", List.of("repository", "taken_at", "rank", "path", "title", "count", "uniques"));
        files.put("stats.csv", List.of("repository", "day", "counter", "value"));
        return Collections.unmodifiableMap(files);
    }

    /** Most entries of one snapshot. */
    static final int TOP = 10;

    /** How much of the first line {@link #recognise} reads at most. */
    private static final int FIRST_LINE_LIMIT = 64 * 1024;

    /** Thread-safe once built; each read makes its own parsers. */
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public Set<String> formats() {
        return Set.of(NDJSON, CSV);
    }

    @Override
    public Optional<String> recognise(ArchiveFile file) {
        Objects.requireNonNull(file, "file");
        String name = file.fileName().toLowerCase(Locale.ROOT);
        List<String> csvHeader = CSV_FILES.get(file.fileName());
        if (csvHeader != null) {
            return CsvTable.header(file).filter(csvHeader::equals).map(header -> CSV);
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl") || name.endsWith(".json")) {
            return firstLine(file).filter(TidemarkExportArchive::namesTheFormat).map(line -> NDJSON);
        }
        return Optional.empty();
    }

    @Override
    public void read(ArchiveFile file, String format, RepositoryId repository, Consumer<HistoryFact> facts) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(facts, "facts");
        if (NDJSON.equals(format)) {
            new JsonLines(file, repository, facts).read();
        } else if (CSV.equals(format)) {
            readCsv(file, repository, facts);
        } else {
            throw new IllegalArgumentException("this archive reads " + NDJSON + " and " + CSV + ", not " + format);
        }
    }

    // ---------------------------------------------------------------- NDJSON

    private static Optional<String> firstLine(ArchiveFile file) {
        if (!file.readable()) {
            return Optional.empty();
        }
        try (BufferedReader reader = utf8(file)) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = reader.read()) >= 0 && c != '\n') {
                if (line.length() >= FIRST_LINE_LIMIT) {
                    return Optional.empty();
                }
                line.append((char) c);
            }
            return Optional.of(line.toString());
        } catch (IOException notText) {
            return Optional.empty();
        }
    }

    private static boolean namesTheFormat(String line) {
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("format")) {
                    return value == JsonToken.VALUE_STRING && FORMAT_NAME.equals(parser.getText());
                }
                parser.skipChildren();
            }
            return false;
        } catch (IOException notJson) {
            return false;
        }
    }

    private static BufferedReader utf8(ArchiveFile file) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file.content()),
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    /** A JSON value of one line, with the column it starts at. */
    private record Value(JsonToken token, String text, int column, Map<String, Value> fields, List<Value> items) {}

    /** One read of an NDJSON file, a line at a time. */
    private static final class JsonLines {
        private final ArchiveFile file;
        private final RepositoryId given;
        private final Consumer<HistoryFact> facts;
        private long line;
        private String type;

        JsonLines(ArchiveFile file, RepositoryId given, Consumer<HistoryFact> facts) {
            this.file = file;
            this.given = given;
            this.facts = facts;
        }

        void read() {
            try (BufferedReader reader = utf8(file)) {
                boolean header = false;
                String text;
                while ((text = reader.readLine()) != null) {
                    line++;
                    if (text.isBlank()) {
                        continue;
                    }
                    Map<String, Value> object = parse(text);
                    if (!header) {
                        checkHeader(object);
                        header = true;
                    } else {
                        HistoryFact fact = fact(object);
                        facts.accept(fact);
                    }
                }
                if (!header) {
                    throw new ArchiveFormatException(file.name(), 0, 0, "the file is empty where a first line "
                            + "{\"format\":\"tidemark-export\",\"version\":1} was expected");
                }
            } catch (MalformedInputException | CharConversionException notUtf8) {
                throw new ArchiveFormatException(file.name(), line + 1, 0, "the file is not UTF-8 text");
            } catch (IOException unreadable) {
                throw new ArchiveFormatException(file.name(), 0, 0, "the file cannot be read (" + CsvTable.describe(unreadable) + ")");
            }
        }

        private void checkHeader(Map<String, Value> object) {
            Value format = object.get("format");
            if (format == null || format.token() != JsonToken.VALUE_STRING || !FORMAT_NAME.equals(format.text())) {
                throw new ArchiveFormatException(file.name(), line, format == null ? 0 : format.column(),
                        "expected the first line to name the format, {\"format\":\"tidemark-export\",\"version\":1,...}");
            }
            Value version = object.get("version");
            if (version == null) {
                throw at(0, "the first line has no version; expected \"version\":1");
            }
            if (!version.token().isNumeric()) {
                throw at(version.column(), "found " + describe(version) + " in version where the number 1 was expected");
            }
            long number = Figures.whole(version.text(), "version", problem -> at(version.column(), problem));
            if (number > VERSION) {
                throw at(version.column(), "the export is of format version " + number + ", later than this Tidemark"
                        + " reads (" + VERSION + "); import it with a later version of Tidemark");
            }
            if (number < 1) {
                throw at(version.column(), "found version " + number + " where version " + VERSION + " was expected");
            }
        }

        private HistoryFact fact(Map<String, Value> object) {
            Value typeValue = object.get("type");
            if (typeValue == null || typeValue.token() != JsonToken.VALUE_STRING) {
                throw at(typeValue == null ? 0 : typeValue.column(), "expected a line with a \"type\" (owner, repository,"
                        + " bucket, totals, referrers, paths or stat)");
            }
            type = typeValue.text();
            return switch (type) {
                case "owner" -> {
                    String owner = string(object, "owner");
                    yield build(object.get("owner"), () -> new HistoryFact.TrackedOwner(owner));
                }
                case "repository" -> {
                    RepositoryId repository = repository(object);
                    yield new HistoryFact.Tracked(repository, bool(object, "active"));
                }
                case "bucket" -> {
                    RepositoryId repository = repository(object);
                    TrafficKind kind = kind(object);
                    Granularity per = per(object);
                    LocalDate start = Figures.day(string(object, "start"), "start", where(object, "start"));
                    int count = count(object, "count");
                    int uniques = count(object, "uniques");
                    Figures.uniquesWithinCount(count, uniques, "uniques", "count", where(object, "uniques"));
                    boolean complete = bool(object, "complete");
                    yield build(object.get("start"), () ->
                            new HistoryFact.Bucket(repository, kind, per, new KeptBucket(start, count, uniques, complete)));
                }
                case "totals" -> {
                    RepositoryId repository = repository(object);
                    TrafficKind kind = kind(object);
                    Granularity per = per(object);
                    Instant fetchedAt = Figures.instant(string(object, "fetchedAt"), "fetchedAt", where(object, "fetchedAt"));
                    int count = count(object, "count");
                    int uniques = count(object, "uniques");
                    Figures.uniquesWithinCount(count, uniques, "uniques", "count", where(object, "uniques"));
                    yield new HistoryFact.Totals(repository, new WindowTotals(kind, per, fetchedAt, count, uniques));
                }
                case "referrers" -> {
                    RepositoryId repository = repository(object);
                    Instant takenAt = Figures.instant(string(object, "takenAt"), "takenAt", where(object, "takenAt"));
                    List<Referrer> referrers = new ArrayList<>();
                    for (Map<String, Value> entry : entries(object, "referrers")) {
                        String referrer = string(entry, "referrer");
                        int count = count(entry, "count");
                        int uniques = count(entry, "uniques");
                        Figures.uniquesWithinCount(count, uniques, "uniques", "count", where(entry, "uniques"));
                        referrers.add(build(entry.get("referrer"), () -> new Referrer(referrer, count, uniques)));
                    }
                    yield new HistoryFact.Referrers(repository, new TopReferrers(takenAt, referrers));
                }
                case "paths" -> {
                    RepositoryId repository = repository(object);
                    Instant takenAt = Figures.instant(string(object, "takenAt"), "takenAt", where(object, "takenAt"));
                    List<PopularPath> paths = new ArrayList<>();
                    for (Map<String, Value> entry : entries(object, "paths")) {
                        String path = string(entry, "path");
                        String title = entry.containsKey("title") ? string(entry, "title") : "";
                        int count = count(entry, "count");
                        int uniques = count(entry, "uniques");
                        Figures.uniquesWithinCount(count, uniques, "uniques", "count", where(entry, "uniques"));
                        paths.add(build(entry.get("path"), () -> new PopularPath(path, title, count, uniques)));
                    }
                    yield new HistoryFact.Paths(repository, new TopPaths(takenAt, paths));
                }
                case "stat" -> {
                    RepositoryId repository = repository(object);
                    LocalDate day = Figures.day(string(object, "day"), "day", where(object, "day"));
                    HistoryFact.Counter counter = counter(string(object, "counter"), where(object, "counter"));
                    int value = count(object, "value");
                    yield build(object.get("value"), () -> new HistoryFact.Stat(repository, day, counter, value));
                }
                default -> throw at(typeValue.column(), "found a line of type '" + type + "' where owner, repository, bucket,"
                        + " totals, referrers, paths or stat was expected (was the file written by a later version of Tidemark?)");
            };
        }

        private ArchiveFormatException at(int column, String problem) {
            return new ArchiveFormatException(file.name(), line, column, problem);
        }

        private Figures.Where where(Map<String, Value> object, String field) {
            Value value = object.get(field);
            int column = value == null ? 0 : value.column();
            return problem -> at(column, problem);
        }

        private Value field(Map<String, Value> object, String field) {
            Value value = object.get(field);
            if (value == null || value.token() == JsonToken.VALUE_NULL) {
                throw at(value == null ? 0 : value.column(), "the " + type + " line has no " + field);
            }
            return value;
        }

        private String string(Map<String, Value> object, String field) {
            Value value = field(object, field);
            if (value.token() != JsonToken.VALUE_STRING) {
                throw at(value.column(), "found " + describe(value) + " in " + field + " where a string was expected");
            }
            return value.text();
        }

        private int count(Map<String, Value> object, String field) {
            Value value = field(object, field);
            if (!value.token().isNumeric()) {
                throw at(value.column(), "found " + describe(value) + " in " + field + " where a whole number was expected");
            }
            return Figures.count(value.text(), field, problem -> at(value.column(), problem));
        }

        private boolean bool(Map<String, Value> object, String field) {
            Value value = field(object, field);
            if (!value.token().isBoolean()) {
                throw at(value.column(), "found " + describe(value) + " in " + field + " where true or false was expected");
            }
            return value.token() == JsonToken.VALUE_TRUE;
        }

        private RepositoryId repository(Map<String, Value> object) {
            String name = string(object, "repository");
            RepositoryId repository = build(object.get("repository"), () -> RepositoryId.parse(name));
            if (given != null && !given.equals(repository)) {
                throw at(object.get("repository").column(), "this line is of " + repository + ", but the import was"
                        + " asked for " + given + "; an export names its repositories itself: import it without a"
                        + " repository, or give the one it holds");
            }
            return repository;
        }

        private TrafficKind kind(Map<String, Value> object) {
            String kind = string(object, "kind");
            return switch (kind) {
                case "views" -> TrafficKind.VIEWS;
                case "clones" -> TrafficKind.CLONES;
                default -> throw at(object.get("kind").column(), "found '" + kind + "' in kind where views or clones was expected");
            };
        }

        private Granularity per(Map<String, Value> object) {
            String per = string(object, "per");
            return switch (per) {
                case "day" -> Granularity.DAY;
                case "week" -> Granularity.WEEK;
                default -> throw at(object.get("per").column(), "found '" + per + "' in per where day or week was expected");
            };
        }

        private List<Map<String, Value>> entries(Map<String, Value> object, String field) {
            Value value = field(object, field);
            if (value.token() != JsonToken.START_ARRAY) {
                throw at(value.column(), "found " + describe(value) + " in " + field + " where a list was expected");
            }
            if (value.items().size() > TOP) {
                throw at(value.column(), "found " + value.items().size() + " entries in " + field
                        + " where a top-" + TOP + " snapshot has at most " + TOP);
            }
            List<Map<String, Value>> entries = new ArrayList<>();
            for (Value item : value.items()) {
                if (item.token() != JsonToken.START_OBJECT) {
                    throw at(item.column(), "found " + describe(item) + " in " + field + " where an object was expected");
                }
                entries.add(item.fields());
            }
            return entries;
        }

        private <T> T build(Value at, Supplier<T> value) {
            try {
                return value.get();
            } catch (ArchiveFormatException located) {
                throw located;
            } catch (InvalidInputException invalid) {
                throw at(at == null ? 0 : at.column(), invalid.getMessage());
            }
        }

        private static String describe(Value value) {
            return switch (value.token()) {
                case VALUE_STRING -> "the string \"" + value.text() + "\"";
                case START_OBJECT -> "an object";
                case START_ARRAY -> "a list";
                case VALUE_NULL -> "null";
                default -> value.text();
            };
        }

        /** The line as one JSON object, its fields with the columns they start at. */
        private Map<String, Value> parse(String text) {
            try (JsonParser parser = JSON.createParser(text)) {
                JsonToken first = parser.nextToken();
                if (first != JsonToken.START_OBJECT) {
                    throw at(column(parser), "expected a JSON object on the line, {...}");
                }
                Value object = value(parser);
                if (parser.nextToken() != null) {
                    throw at(column(parser), "more follows the JSON object on this line; expected one object per line");
                }
                return object.fields();
            } catch (JsonProcessingException malformed) {
                JsonLocation where = malformed.getLocation();
                int column = where == null ? 0 : Math.max(where.getColumnNr(), 0);
                String message = Objects.requireNonNullElse(malformed.getOriginalMessage(), "");
                if (message.contains("end-of-input")) {
                    throw at(column, "the line ends inside its JSON object: it looks cut short (expected a complete"
                            + " object on each line)");
                }
                throw at(column, "the line is not valid JSON: " + message);
            } catch (IOException unreadable) {
                throw at(0, "the line cannot be read (" + CsvTable.describe(unreadable) + ")");
            }
        }

        private static int column(JsonParser parser) {
            return Math.max(parser.currentTokenLocation().getColumnNr(), 0);
        }

        /** The value at the parser's current token, read whole. */
        private static Value value(JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            int column = column(parser);
            if (token == JsonToken.START_OBJECT) {
                Map<String, Value> fields = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next == JsonToken.FIELD_NAME; next = parser.nextToken()) {
                    String name = parser.currentName();
                    parser.nextToken();
                    fields.putIfAbsent(name, value(parser));
                }
                return new Value(token, null, column, fields, List.of());
            }
            if (token == JsonToken.START_ARRAY) {
                List<Value> items = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    items.add(value(parser));
                }
                return new Value(token, null, column, Map.of(), items);
            }
            return new Value(token, parser.getText(), column, Map.of(), List.of());
        }
    }

    // ---------------------------------------------------------------- CSV

    private static void readCsv(ArchiveFile file, RepositoryId given, Consumer<HistoryFact> facts) {
        List<String> columns = CSV_FILES.get(file.fileName());
        if (columns == null) {
            throw new ArchiveFormatException(file.name(), 0, 0, "not a file of Tidemark's CSV export: expected one of "
                    + String.join(", ", CSV_FILES.keySet()));
        }
        try (CsvTable table = CsvTable.open(file)) {
            Map<String, Integer> at = new LinkedHashMap<>();
            for (String column : columns) {
                at.put(column, table.column(column, columns));
            }
            switch (file.fileName()) {
                case "owners.csv" -> {
                    while (table.next()) {
                        String owner = table.cell(at.get("owner"));
                        facts.accept(table.build(at.get("owner"), () -> new HistoryFact.TrackedOwner(owner)));
                    }
                }
                case "repositories.csv" -> {
                    while (table.next()) {
                        RepositoryId repository = repository(table, at.get("repository"), given);
                        boolean active = Figures.bool(table.cell(at.get("active")), "active", table.at(at.get("active")));
                        facts.accept(new HistoryFact.Tracked(repository, active));
                    }
                }
                case "buckets.csv" -> {
                    while (table.next()) {
                        RepositoryId repository = repository(table, at.get("repository"), given);
                        TrafficKind kind = kind(table, at.get("kind"));
                        Granularity per = per(table, at.get("per"));
                        LocalDate start = Figures.day(table.cell(at.get("start")), "start", table.at(at.get("start")));
                        int count = table.count(at.get("count"));
                        int uniques = table.count(at.get("uniques"));
                        Figures.uniquesWithinCount(count, uniques, "uniques", "count", table.at(at.get("uniques")));
                        boolean complete = Figures.bool(table.cell(at.get("complete")), "complete", table.at(at.get("complete")));
                        facts.accept(table.build(at.get("start"), () ->
                                new HistoryFact.Bucket(repository, kind, per, new KeptBucket(start, count, uniques, complete))));
                    }
                }
                case "window_totals.csv" -> {
                    while (table.next()) {
                        RepositoryId repository = repository(table, at.get("repository"), given);
                        TrafficKind kind = kind(table, at.get("kind"));
                        Granularity per = per(table, at.get("per"));
                        Instant fetchedAt = Figures.instant(table.cell(at.get("fetched_at")), "fetched_at", table.at(at.get("fetched_at")));
                        int count = table.count(at.get("count"));
                        int uniques = table.count(at.get("uniques"));
                        Figures.uniquesWithinCount(count, uniques, "uniques", "count", table.at(at.get("uniques")));
                        facts.accept(new HistoryFact.Totals(repository, new WindowTotals(kind, per, fetchedAt, count, uniques)));
                    }
                }
                case "stats.csv" -> {
                    while (table.next()) {
                        RepositoryId repository = repository(table, at.get("repository"), given);
                        LocalDate day = Figures.day(table.cell(at.get("day")), "day", table.at(at.get("day")));
                        HistoryFact.Counter counter = counter(table.cell(at.get("counter")), table.at(at.get("counter")));
                        int value = table.count(at.get("value"));
                        facts.accept(table.build(at.get("value"), () -> new HistoryFact.Stat(repository, day, counter, value)));
                    }
                }
                case "referrers.csv" -> new Snapshots(table, at, given, facts, false).read();
                case "paths.csv" -> new Snapshots(table, at, given, facts, true).read();
                default -> throw new IllegalStateException("no reader for " + file.fileName());
            }
        }
    }

    /** A counter as the export names it: {@code stars}, {@code forks}, {@code watchers}, {@code open_issues}. */
    static HistoryFact.Counter counter(String name, Figures.Where where) {
        for (HistoryFact.Counter counter : HistoryFact.Counter.values()) {
            if (counter.name().toLowerCase(java.util.Locale.ROOT).equals(name)) {
                return counter;
            }
        }
        throw where.problem("expected stars, forks, watchers or open_issues, found '" + name + "'");
    }

    private static RepositoryId repository(CsvTable table, int column, RepositoryId given) {
        String name = table.cell(column);
        RepositoryId repository = table.build(column, () -> RepositoryId.parse(name));
        if (given != null && !given.equals(repository)) {
            throw table.at(column).problem("this row is of " + repository + ", but the import was asked for " + given
                    + "; an export names its repositories itself: import it without a repository, or give the one it holds");
        }
        return repository;
    }

    private static TrafficKind kind(CsvTable table, int column) {
        String kind = table.cell(column);
        return switch (kind) {
            case "views" -> TrafficKind.VIEWS;
            case "clones" -> TrafficKind.CLONES;
            default -> throw table.at(column).problem("found '" + kind + "' in kind where views or clones was expected");
        };
    }

    private static Granularity per(CsvTable table, int column) {
        String per = table.cell(column);
        return switch (per) {
            case "day" -> Granularity.DAY;
            case "week" -> Granularity.WEEK;
            default -> throw table.at(column).problem("found '" + per + "' in per where day or week was expected");
        };
    }

    /**
     * The rows of {@code referrers.csv} or {@code paths.csv}: the rows of one repository and
     * {@code taken_at} follow one another, ranked 1, 2, ... in GitHub's order, and make one
     * snapshot; a single row of rank 0 is a snapshot without entries. At most ten rows are held.
     */
    private static final class Snapshots {
        private final CsvTable table;
        private final Map<String, Integer> at;
        private final RepositoryId given;
        private final Consumer<HistoryFact> facts;
        private final boolean paths;
        private RepositoryId repository;
        private Instant takenAt;
        private long lastRank = -1;
        private final List<Referrer> referrers = new ArrayList<>();
        private final List<PopularPath> popular = new ArrayList<>();

        Snapshots(CsvTable table, Map<String, Integer> at, RepositoryId given, Consumer<HistoryFact> facts, boolean paths) {
            this.table = table;
            this.at = at;
            this.given = given;
            this.facts = facts;
            this.paths = paths;
        }

        void read() {
            String entry = paths ? "path" : "referrer";
            while (table.next()) {
                RepositoryId rowRepository = TidemarkExportArchive.repository(table, at.get("repository"), given);
                Instant rowTakenAt = Figures.instant(table.cell(at.get("taken_at")), "taken_at", table.at(at.get("taken_at")));
                long rank = table.whole(at.get("rank"));
                boolean sameSnapshot = rowRepository.equals(repository) && rowTakenAt.equals(takenAt);
                if (!sameSnapshot) {
                    emit();
                    repository = rowRepository;
                    takenAt = rowTakenAt;
                    if (rank > 1) {
                        throw table.at(at.get("rank")).problem("found rank " + rank + " where a snapshot's first row,"
                                + " rank 1 (or 0 for a snapshot without entries), was expected");
                    }
                } else if (lastRank == 0 || rank != lastRank + 1) {
                    throw table.at(at.get("rank")).problem("found rank " + rank + " after rank " + lastRank
                            + " of the same snapshot; expected " + (lastRank == 0 ? "no further row" : "rank " + (lastRank + 1)));
                }
                lastRank = rank;
                if (rank == 0) {
                    for (String column : paths ? List.of("path", "title", "count", "uniques") : List.of("referrer", "count", "uniques")) {
                        if (!table.blank(at.get(column))) {
                            throw table.at(at.get(column)).problem("found '" + table.cell(at.get(column)) + "' in " + column
                                    + " of a rank 0 row, which stands for a snapshot without entries; expected it empty");
                        }
                    }
                    continue;
                }
                if (rank > TOP) {
                    throw table.at(at.get("rank")).problem("found rank " + rank + " where a top-" + TOP + " snapshot ranks 1 to " + TOP);
                }
                int count = table.count(at.get("count"));
                int uniques = table.count(at.get("uniques"));
                Figures.uniquesWithinCount(count, uniques, "uniques", "count", table.at(at.get("uniques")));
                String name = table.cell(at.get(entry));
                if (paths) {
                    String title = table.cell(at.get("title"));
                    popular.add(table.build(at.get(entry), () -> new PopularPath(name, title, count, uniques)));
                } else {
                    referrers.add(table.build(at.get(entry), () -> new Referrer(name, count, uniques)));
                }
            }
            emit();
        }

        private void emit() {
            if (repository == null) {
                return;
            }
            if (paths) {
                facts.accept(new HistoryFact.Paths(repository, new TopPaths(takenAt, popular)));
            } else {
                facts.accept(new HistoryFact.Referrers(repository, new TopReferrers(takenAt, referrers)));
            }
            referrers.clear();
            popular.clear();
        }
    }
}
