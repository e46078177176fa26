package io.tidemark.imports;

import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.model.ArchiveFormatException;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.HistoryFact;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.port.out.HistoryArchive;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The CSV files of sangonzal/repository-traffic-action ({@code <owner>/<repo>/traffic/views.csv}
 * and {@code clones.csv}): one row per day with traffic (a day without traffic has no row, so no
 * fact), never complete. Days are written {@code 2022-12-07}; a date-time is taken by its UTC date.
 * The repository is the caller's, else the two folders before {@code traffic}.
 */
@ApplicationScoped
public class TrafficActionArchive implements HistoryArchive {

    /** The format's name. */
    public static final String FORMAT = "repository-traffic-action";

    static final String MARKER = "traffic";
    static final List<String> VIEWS_COLUMNS = List.of("_date", "total_views", "unique_views");
    static final List<String> CLONES_COLUMNS = List.of("_date", "total_clones", "unique_clones");

    @Override
    public Set<String> formats() {
        return Set.of(FORMAT);
    }

    @Override
    public Optional<String> recognise(ArchiveFile file) {
        Objects.requireNonNull(file, "file");
        TrafficKind kind = kindByName(file);
        if (kind == null) {
            return Optional.empty();
        }
        return CsvTable.formatIfHeaderHas(file, columnsOf(kind), FORMAT);
    }

    @Override
    public void read(ArchiveFile file, String format, RepositoryId repository, Consumer<HistoryFact> facts) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(facts, "facts");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("this archive reads " + FORMAT + ", not " + format);
        }
        TrafficKind kind = kindOf(file);
        if (kind == null) {
            throw new ArchiveFormatException(file.name(), 0, 0,
                    "not a file of repository-traffic-action: expected views.csv or clones.csv");
        }
        RepositoryId of = Layout.repository(file, MARKER, repository);
        List<String> columns = columnsOf(kind);
        try (CsvTable table = CsvTable.open(file)) {
            int date = table.column(columns.get(0), columns);
            int total = table.column(columns.get(1), columns);
            int unique = table.column(columns.get(2), columns);
            while (table.next()) {
                LocalDate day = Figures.day(table.cell(date), table.name(date), table.at(date));
                int count = table.count(total);
                int uniques = table.count(unique);
                Figures.uniquesWithinCount(count, uniques, table.name(unique), table.name(total), table.at(unique));
                facts.accept(table.build(date, () ->
                        new HistoryFact.Bucket(of, kind, Granularity.DAY, new KeptBucket(day, count, uniques, false))));
            }
        }
    }

    /** Recognised by its name (and header): {@code views.csv} or {@code clones.csv}. */
    private static TrafficKind kindByName(ArchiveFile file) {
        return switch (file.fileName()) {
            case "views.csv" -> TrafficKind.VIEWS;
            case "clones.csv" -> TrafficKind.CLONES;
            default -> null;
        };
    }

    /**
     * Read as this format on the caller's word: by the file's name, else (a single CSV sent under
     * another name) by its header.
     */
    private static TrafficKind kindOf(ArchiveFile file) {
        TrafficKind byName = kindByName(file);
        return byName != null ? byName : CsvTable.header(file)
                    .map(header -> CsvTable.hasColumns(header, VIEWS_COLUMNS) ? TrafficKind.VIEWS
                            : CsvTable.hasColumns(header, CLONES_COLUMNS) ? TrafficKind.CLONES : null)
                    .orElse(null);
    }

    private static List<String> columnsOf(TrafficKind kind) {
        return kind == TrafficKind.VIEWS ? VIEWS_COLUMNS : CLONES_COLUMNS;
    }
}
