package io.tidemark.core.port.in;

import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.model.ArchiveFormatException;
import io.tidemark.core.model.ImportReport;
import io.tidemark.core.model.RepositoryId;
import java.util.Optional;
import java.util.Set;

/**
 * Imports history kept elsewhere (another tool's files, Tidemark's own export) into the kept
 * history, by the rules of every merge: the per-field maximum, so an import never lowers a kept
 * figure and importing the same file twice changes nothing.
 */
public interface ImportHistoryUseCase {

    /**
     * What the caller says about a file.
     *
     * @param format the format, or null to recognise it from the layout
     * @param repository the repository the file is of, or null to take it from the layout or file
     * @param dense whether the file covers every day between its first and last row, so that a day
     *     absent inside that range is an observed zero; otherwise (the default) it is a gap
     */
    record Options(String format, RepositoryId repository, boolean dense) {
        public static final Options DEFAULT = new Options(null, null, false);
    }

    /** The names of the formats that can be imported. */
    Set<String> formats();

    /** The format a file is recognised as, from its name, folders and beginning; empty if none. */
    Optional<String> formatOf(ArchiveFile file);

    /**
     * Imports one file: checks all of it first, then keeps it. Repositories it holds are tracked.
     *
     * @return what was read, kept and skipped
     * @throws ArchiveFormatException when the file is of no known format, not of the format given,
     *     or malformed; nothing of the file is kept then
     */
    ImportReport importFile(ArchiveFile file, Options options);
}
