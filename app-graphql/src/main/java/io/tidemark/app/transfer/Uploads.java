package io.tidemark.app.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Bodies and zips on disk, within limits: a body is copied to a private temporary folder while its
 * bytes are counted, and a zip's entries are judged from its central directory (count, names,
 * declared sizes) before a byte is expanded, and counted again while expanding, since a zip may
 * lie about its sizes.
 */
final class Uploads implements AutoCloseable {

    /** A drive letter, or a path starting with a slash or backslash. */
    private static final Pattern ABSOLUTE = Pattern.compile("^([A-Za-z]:|[/\\\\]).*");

    private final Path folder;

    Uploads() {
        try {
            this.folder = Files.createTempDirectory("tidemark-import-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary folder for the import", e);
        }
    }

    /**
     * Copies a body to a file of its own.
     *
     * @throws TransferError 413 as soon as the body passes {@code maxBytes}
     */
    Path body(InputStream in, long maxBytes) throws IOException {
        Path file = Files.createTempFile(folder, "body-", ".upload");
        try (OutputStream out = Files.newOutputStream(file)) {
            copy(in, out, maxBytes, () -> TransferError.tooLarge("the request body is larger than the limit of "
                    + maxBytes + " bytes (TIDEMARK_IMPORT_MAX_BODY)"));
        }
        return file;
    }

    /** A zip whose entries were checked: open it with {@link #open}. */
    record Zip(ZipFile file, List<ZipEntry> entries) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    /**
     * Opens a zip and checks it whole before anything is expanded: not more than {@code
     * maxEntries} entries, no entry with {@code ..} or an absolute path, and at most {@code
     * maxExpanded} bytes in all by the sizes it declares.
     *
     * @param name the zip's name, for messages
     * @return its files (not folders), in the zip's order (Tidemark's CSV export lists its
     *     repositories before their buckets, so that an untracked repository is imported as such)
     * @throws TransferError 400 {@code MALFORMED_FILE} for a zip that cannot be read (cut short,
     *     damaged), {@code UNSAFE_ARCHIVE} for a zip refused by the rules above
     */
    Zip open(Path zip, String name, int maxEntries, long maxExpanded) {
        ZipFile file;
        try {
            file = new ZipFile(zip.toFile());
        } catch (ZipException e) {
            throw TransferError.malformed(new io.tidemark.core.model.ArchiveFormatException(name, 0, 0,
                    "not a readable zip: it is damaged or cut short (its table of contents is missing or broken)"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the uploaded zip", e);
        }
        try {
            if (file.size() > maxEntries) {
                throw TransferError.unsafe(name + " has " + file.size() + " entries, more than the limit of "
                        + maxEntries + " (TIDEMARK_IMPORT_MAX_ENTRIES); nothing was imported");
            }
            List<ZipEntry> entries = new ArrayList<>();
            long declared = 0;
            Enumeration<? extends ZipEntry> all = file.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                String entryName = entry.getName();
                if (ABSOLUTE.matcher(entryName).matches()
                        || Stream.of(entryName.split("[/\\\\]")).anyMatch(".."::equals)) {
                    throw TransferError.unsafe(name + " has an entry with an absolute path or '..' ("
                            + printable(entryName) + "); such a zip is refused whole, nothing was imported");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (entry.getSize() > 0) {
                    declared += entry.getSize();
                }
                if (declared > maxExpanded) {
                    throw TransferError.unsafe(name + " would expand to more than the limit of " + maxExpanded
                            + " bytes (TIDEMARK_IMPORT_MAX_EXPANDED); nothing was imported");
                }
                entries.add(entry);
            }
            return new Zip(file, List.copyOf(entries));
        } catch (RuntimeException refused) {
            closeQuietly(file);
            throw refused;
        }
    }

    /**
     * Expands one entry to a file of its own, counting the bytes against what is left of the
     * expansion budget.
     *
     * @return the file, and the bytes it took
     * @throws TransferError {@code UNSAFE_ARCHIVE} when the entry expands beyond the budget
     * @throws ZipException when the entry's data is damaged
     */
    Path expand(Zip zip, ZipEntry entry, long budget) throws IOException {
        Path file = Files.createTempFile(folder, "entry-", ".upload");
        try (InputStream in = zip.file().getInputStream(entry); OutputStream out = Files.newOutputStream(file)) {
            copy(in, out, budget, () -> TransferError.unsafe("the zip expands to more than the limit"
                    + " (TIDEMARK_IMPORT_MAX_EXPANDED) at " + printable(entry.getName())
                    + "; it declared smaller sizes than it holds; the files before it were imported"));
        }
        return file;
    }

    private interface Refusal {
        TransferError get();
    }

    private static long copy(InputStream in, OutputStream out, long max, Refusal tooMuch) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            copied += read;
            if (copied > max) {
                throw tooMuch.get();
            }
            out.write(buffer, 0, read);
        }
        return copied;
    }

    /** A name as it may be shown: control characters replaced, at most 200 characters. */
    static String printable(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
    }

    /** Deletes a file now (files of an import are deleted as soon as it is read). */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the folder goes at close()
        }
    }

    private static void closeQuietly(ZipFile file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(Uploads::delete);
        } catch (IOException ignored) {
            // a temporary folder left behind is removed by the system
        }
    }

    static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
