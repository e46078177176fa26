package io.tidemark.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.model.ArchiveFormatException;
import io.tidemark.core.model.InvalidInputException;
import java.io.BufferedReader;
import java.io.CharConversionException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One CSV file read a row at a time (RFC 4180, UTF-8, a header line first) with Jackson's
 * streaming {@link CsvParser}: never more than one row in memory. Columns are found by their
 * header name, so their order does not matter and extra ones are ignored; blank lines are
 * skipped. Every failure is an {@link ArchiveFormatException} at the row's first line and the
 * field's position (from 1).
 */
final class CsvTable implements Closeable {

    /** Stateless and thread-safe once configured; parsers it makes are per read. */
    private static final CsvFactory CSV = new CsvFactory();

    /** How much of a file {@link #header} reads at most to find the header line. */
    private static final int HEADER_LIMIT = 64 * 1024;

    private final ArchiveFile file;
    private final CsvParser parser;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private List<String> row = List.of();
    private long line;

    private CsvTable(ArchiveFile file, CsvParser parser) {
        this.file = file;
        this.parser = parser;
        List<String> first = nextRecord();
        if (first == null) {
            throw new ArchiveFormatException(file.name(), 0, 0, "the file is empty where a CSV header line was expected");
        }
        first.set(0, withoutByteOrderMark(first.get(0)));
        this.header = List.copyOf(first);
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(normalise(header.get(i)), i);
        }
    }

    /**
     * Opens a file and reads its header line.
     *
     * @throws ArchiveFormatException if it cannot be read or has no header line
     */
    static CsvTable open(ArchiveFile file) {
        CsvParser parser;
        try {
            parser = CSV.createParser(new InputStreamReader(Files.newInputStream(file.content()), strictUtf8()));
        } catch (IOException unreadable) {
            throw new ArchiveFormatException(file.name(), 0, 0, "the file cannot be read (" + describe(unreadable) + ")");
        }
        try {
            return new CsvTable(file, parser);
        } catch (RuntimeException failed) {
            closeQuietly(parser);
            throw failed;
        }
    }

    /**
     * The header line of a file, for recognising it: the fields of its first line, or empty when
     * the file cannot be read, is not text or has no first line within {@value #HEADER_LIMIT}
     * characters. Reads no further than that line.
     */
    static Optional<List<String>> header(ArchiveFile file) {
        if (!file.readable()) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file.content());
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, strictUtf8()))) {
            StringBuilder first = new StringBuilder();
            int c;
            while ((c = reader.read()) >= 0 && c != '\n' && c != '\r') {
                if (c == 0 || first.length() >= HEADER_LIMIT) {
                    return Optional.empty();
                }
                first.append((char) c);
            }
            try (CsvParser parser = CSV.createParser(first.toString())) {
                List<String> fields = new ArrayList<>();
                for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    if (token == JsonToken.VALUE_STRING) {
                        fields.add(normalise(fields.isEmpty() ? withoutByteOrderMark(parser.getText()) : parser.getText()));
                    }
                }
                return fields.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(fields));
            }
        } catch (IOException | RuntimeException notText) {
            return Optional.empty();
        }
    }

    /** {@code format} when the file's header has every one of {@code columns}; empty otherwise. */
    static Optional<String> formatIfHeaderHas(ArchiveFile file, List<String> columns, String format) {
        return header(file).filter(header -> hasColumns(header, columns)).map(header -> format);
    }

    /** Whether a header (from {@link #header}) has every one of the columns. */
    static boolean hasColumns(List<String> header, List<String> required) {
        return header.containsAll(required);
    }

    /** The header's names, as given. */
    List<String> headerNames() {
        return header;
    }

    /**
     * The position (from 0) of a column the format requires.
     *
     * @throws ArchiveFormatException on line 1 if the header lacks it
     */
    int column(String name, List<String> expected) {
        Integer index = columns.get(name);
        if (index == null) {
            throw new ArchiveFormatException(file.name(), 1, 0, "the header has no column " + name
                    + "; found " + String.join(",", header) + " where " + String.join(",", expected) + " was expected");
        }
        return index;
    }

    /** The position (from 0) of an optional column, or -1. */
    int optionalColumn(String name) {
        return columns.getOrDefault(name, -1);
    }

    /** Moves to the next row that is not blank; false at the end of the file. */
    boolean next() {
        while (true) {
            List<String> record = nextRecord();
            if (record == null) {
                row = List.of();
                return false;
            }
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            row = record;
            return true;
        }
    }

    /** The line the current row starts on (from 1). */
    long line() {
        return line;
    }

    /**
     * The cell of a column of the current row, stripped of surrounding spaces.
     *
     * @throws ArchiveFormatException if the row ends before the column (a row cut short)
     */
    String cell(int column) {
        if (column >= row.size()) {
            throw new ArchiveFormatException(file.name(), line, row.size() + 1, "the line has " + row.size()
                    + (row.size() == 1 ? " field" : " fields") + " where the header has " + header.size()
                    + ": it ends before column " + header.get(column) + " (is the line cut short?)");
        }
        return row.get(column).strip();
    }

    /** Whether the cell of a column is blank (an absent optional column is blank). */
    boolean blank(int column) {
        return column < 0 || cell(column).isEmpty();
    }

    /** A count in a column: a whole number of 0 or more. */
    int count(int column) {
        return Figures.count(cell(column), header.get(column), at(column));
    }

    /** A whole number of 0 or more in a column, which may be larger than a count. */
    long whole(int column) {
        return Figures.whole(cell(column), header.get(column), at(column));
    }

    /** Where a column of the current row is, for a failure there. */
    Figures.Where at(int column) {
        return problem -> new ArchiveFormatException(file.name(), line, column + 1, problem);
    }

    /** Where the current row is, for a failure of the whole row. */
    Figures.Where atRow() {
        return problem -> new ArchiveFormatException(file.name(), line, 0, problem);
    }

    /** The header name of a column. */
    String name(int column) {
        return header.get(column);
    }

    /**
     * Builds a model value from the current row; a domain rule it breaks (a blank referrer, a
     * weekly bucket not on a Monday, a bad repository name) fails at the column.
     */
    <T> T build(int column, Supplier<T> value) {
        try {
            return value.get();
        } catch (ArchiveFormatException located) {
            throw located;
        } catch (InvalidInputException invalid) {
            throw new ArchiveFormatException(file.name(), line, column + 1, invalid.getMessage());
        }
    }

    @Override
    public void close() {
        closeQuietly(parser);
    }

    /** The next record's fields, or null at the end; keeps the line it starts on. */
    private List<String> nextRecord() {
        List<String> fields = new ArrayList<>();
        long start = -1;
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            while ((token = parser.nextToken()) != null && token != JsonToken.END_ARRAY) {
                if (token == JsonToken.VALUE_STRING) {
                    if (start < 0) {
                        start = parser.currentTokenLocation().getLineNr();
                    }
                    fields.add(parser.getText());
                }
            }
            line = start > 0 ? start : line + 1;
            return fields;
        } catch (JsonProcessingException malformed) {
            long at = start > 0 ? start : malformed.getLocation() == null ? 0 : malformed.getLocation().getLineNr();
            String message = malformed.getOriginalMessage() == null ? "" : malformed.getOriginalMessage();
            if (malformed.getCause() instanceof MalformedInputException
                    || malformed.getCause() instanceof CharConversionException) {
                throw new ArchiveFormatException(file.name(), Math.max(at, 0), 0, "the file is not UTF-8 text");
            }
            if (message.toLowerCase(Locale.ROOT).contains("closing quote")) {
                throw new ArchiveFormatException(file.name(), Math.max(at, 0), fields.size() + 1,
                        "a quoted field opened here is never closed: the file ends inside it (is it cut short?)");
            }
            JsonLocation where = malformed.getLocation();
            throw new ArchiveFormatException(file.name(), where == null ? 0 : Math.max(where.getLineNr(), 0),
                    fields.size() + 1, "the CSV is malformed here: " + message);
        } catch (IOException unreadable) {
            if (unreadable instanceof MalformedInputException || unreadable instanceof CharConversionException) {
                throw new ArchiveFormatException(file.name(), Math.max(start > 0 ? start : line + 1, 1), 0,
                        "the file is not UTF-8 text");
            }
            throw new ArchiveFormatException(file.name(), 0, 0, "the file cannot be read (" + describe(unreadable) + ")");
        }
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    static String describe(IOException failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "an input/output error" : message;
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // nothing was written; a failing close of a file read to its end changes nothing
        }
    }
}
