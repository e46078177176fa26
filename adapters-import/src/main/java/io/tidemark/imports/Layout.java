package io.tidemark.imports;

import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.model.ArchiveFormatException;
import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.model.RepositoryId;
import java.util.List;

/** The repository a file of another tool belongs to: {@code <owner>/<repo>/<marker>/...}, or the caller's. */
final class Layout {

    private Layout() {}

    /**
     * The repository of a file: the caller's when given (it wins), else the two folders just
     * before the last {@code marker} folder of the file's name.
     *
     * @param marker the tool's data folder ({@code ghrs-data}, {@code traffic})
     * @throws ArchiveFormatException when neither tells one, or the folders are no repository name
     */
    static RepositoryId repository(ArchiveFile file, String marker, RepositoryId given) {
        if (given != null) {
            return given;
        }
        List<String> folders = file.folders();
        int at = folders.lastIndexOf(marker);
        if (at < 2) {
            throw new ArchiveFormatException(file.name(), 0, 0, "cannot tell which repository this file is of: it is"
                    + " not inside <owner>/<repository>/" + marker + "/; give the repository's owner and name with the import");
        }
        String owner = folders.get(at - 2);
        String name = folders.get(at - 1);
        try {
            return RepositoryId.of(owner, name);
        } catch (InvalidInputException notARepository) {
            throw new ArchiveFormatException(file.name(), 0, 0, "the folders " + owner + "/" + name + " before "
                    + marker + " do not name a GitHub repository (" + notARepository.getMessage()
                    + "); give the repository's owner and name with the import");
        }
    }
}
