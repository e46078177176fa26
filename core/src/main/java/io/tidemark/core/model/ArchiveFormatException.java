package io.tidemark.core.model;

/**
 * A file to import that is not what its format says: a figure that is not a whole number, a
 * negative count, a date that does not parse, a header no format has, a database of another
 * schema. Says where and what was expected, in words a user can act on; never holds a Java class
 * name. Nothing of a file that fails this way is kept.
 */
public class ArchiveFormatException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final int column;
    private final String problem;

    /**
     * @param file the file's name as given ({@link ArchiveFile#name()})
     * @param line the line, from 1 (for a database: the row's number in its table, from 1); 0 when
     *     the problem is with the file as a whole
     * @param column the column, from 1 (a CSV field, a database column); 0 when the problem is with
     *     the whole line or file
     * @param problem what was found and what was expected
     */
    public ArchiveFormatException(String file, long line, int column, String problem) {
        super("file", describe(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    private static String describe(String file, long line, int column, String problem) {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(", line ").append(line);
        }
        if (column > 0) {
            where.append(", column ").append(column);
        }
        return where.append(": ").append(problem).toString();
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
