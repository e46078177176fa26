package io.tidemark.core.port.out;

import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.model.ArchiveFormatException;
import io.tidemark.core.model.HistoryFact;
import io.tidemark.core.model.RepositoryId;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * History kept elsewhere, read for import: another tool's files (github-repo-stats' CSV folders,
 * repository-traffic-action's CSVs, ghstats' SQLite database) or Tidemark's own export. The
 * second kind of source besides {@link TrafficSource}: a source answers for GitHub's current
 * window, an archive for whatever past its files hold.
 *
 * <p>This is a public extension point. What every implementation guarantees:
 *
 * <ul>
 *   <li><b>Recognised from the layout.</b> {@link #recognise} judges a file by its name, its
 *       folders and its beginning (a CSV header, a database's tables), never by the caller's
 *       word alone, and reads no further than it needs to.
 *   <li><b>Facts as the file holds them.</b> {@link #read} gives every fact of the file, in file
 *       order, as validated model values. It invents nothing: a day without a row, a blank cell,
 *       a figure the file does not have, gives no fact (a gap, never a zero; core alone fills
 *       zeros, when the caller states the file is dense). A daily figure is complete only when
 *       the file proves it (only Tidemark's own export does). Weekly figures only where the file
 *       has them (another tool's daily figures are never added up into weeks). Figures that are
 *       the tool's own differences (ghstats' {@code *_delta}) are not facts. Extra columns are
 *       ignored; whole numbers written as floats ({@code 12.0}) are accepted.
 *   <li><b>Whole files or a failure.</b> At the first thing that is not the format (a figure that
 *       is not a whole number, a negative figure, a date that does not parse, more uniques than
 *       the count, a missing column, a truncated file), {@link #read} throws {@link
 *       ArchiveFormatException} with the file, line, column and what was expected. Facts given
 *       before it are then discarded by the caller: nothing of that file is kept.
 *   <li><b>Repeatable.</b> Reading the same file twice gives the same facts: core reads each file
 *       once to check it and once to keep it.
 *   <li><b>Threads.</b> Every method may be called from several threads at once, for different
 *       files.
 * </ul>
 */
public interface HistoryArchive {

    /** The formats this archive reads, by the names callers give ({@code format=}) and reports show. */
    Set<String> formats();

    /**
     * The format of a file, judged from its name, folders and beginning.
     *
     * @return one of {@link #formats()}, or empty when the file is of none of them (then another
     *     archive may read it)
     */
    Optional<String> recognise(ArchiveFile file);

    /**
     * Reads every fact of the file.
     *
     * @param format one of {@link #formats()}: the one {@link #recognise} gave, or the caller's
     * @param repository the repository the caller says the file is of (its figures then belong to
     *     it whatever the folders say), or null to take it from the layout or the file
     * @param facts receives each fact, in file order
     * @throws ArchiveFormatException when the file is not of the format, at the first place that
     *     is not, or when no repository can be told (no layout, none given)
     */
    void read(ArchiveFile file, String format, RepositoryId repository, Consumer<HistoryFact> facts);
}
