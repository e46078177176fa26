package io.tidemark.app.transfer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.app.config.TidemarkConfig;
import io.tidemark.app.security.Role;
import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.model.ArchiveFormatException;
import io.tidemark.core.model.ImportReport;
import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.port.in.ImportHistoryUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code POST /api/import} (admin): brings history kept elsewhere in. The body is a zip of folders
 * in the formats Tidemark reads, a single CSV ({@code text/csv}, with {@code format}, {@code owner}
 * and {@code name}), a ghstats database ({@code application/vnd.sqlite3}) or Tidemark's export
 * ({@code application/x-ndjson} or {@code application/json}); {@code dense=true} states that each
 * file covers every day between its first and last row.
 *
 * <p>Each file is imported on its own (checked whole, then kept): a malformed file keeps nothing
 * and is reported with its line and column, the other files of the zip are imported. The answer
 * is 200 with a report per file when every file was imported, 400 with the errors and the reports
 * of the files that were imported otherwise.
 */
@Path("/api/import")
public class ImportResource {

    private static final Logger LOG = Logger.getLogger(ImportResource.class);

    /** Extensions of files that must be of a known format when found in a zip. */
    private static final Set<String> DATA_EXTENSIONS = Set.of("csv", "db", "sqlite", "sqlite3", "ndjson", "jsonl", "json");

    private final ImportHistoryUseCase imports;
    private final TidemarkConfig config;

    public ImportResource(ImportHistoryUseCase imports, TidemarkConfig config) {
        this.imports = imports;
        this.config = config;
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    public Response importBody(
            InputStream body,
            @RestHeader("Content-Type") String contentType,
            @RestQuery String format,
            @RestQuery String owner,
            @RestQuery String name,
            @RestQuery String dense,
            @RestQuery String filename) {
        try {
            ImportHistoryUseCase.Options options = options(format, owner, name, dense);
            Kind kind = Kind.of(contentType);
            try (Uploads uploads = new Uploads()) {
                java.nio.file.Path received = uploads.body(body, config.transfer().maxBody().asLongValue());
                Answer answer = new Answer();
                if (kind == Kind.ZIP) {
                    importZip(uploads, received, filename == null ? "the zip" : filename, options, answer);
                } else {
                    if (kind == Kind.CSV && (options.format() == null || options.repository() == null)) {
                        throw TransferError.badRequest("a single CSV needs the format, owner and name query parameters"
                                + " (format is one of " + String.join(", ", imports.formats()) + ")");
                    }
                    importOne(new ArchiveFile(filename == null ? kind.defaultName : safeName(filename), received), options, answer);
                }
                return answer.response();
            }
        } catch (TransferError refused) {
            return TransferJson.error(refused);
        } catch (IOException e) {
            LOG.warnf("an import could not be read: %s", e.getClass().getSimpleName());
            return TransferJson.error(400, TransferError.BAD_REQUEST, "the request body could not be read to its end");
        }
    }

    private ImportHistoryUseCase.Options options(String format, String owner, String name, String dense) {
        if (format != null && !imports.formats().contains(format)) {
            throw TransferError.badRequest("unknown format '" + Uploads.printable(format) + "'; the formats are "
                    + String.join(", ", imports.formats()));
        }
        if ((owner == null) != (name == null)) {
            throw TransferError.badRequest("give both owner and name, or neither");
        }
        RepositoryId repository;
        try {
            repository = owner == null ? null : RepositoryId.of(owner, name);
        } catch (InvalidInputException invalid) {
            throw TransferError.badRequest(invalid.getMessage());
        }
        boolean isDense;
        if (dense == null || dense.equals("false")) {
            isDense = false;
        } else if (dense.equals("true")) {
            isDense = true;
        } else {
            throw TransferError.badRequest("dense must be true or false");
        }
        return new ImportHistoryUseCase.Options(format, repository, isDense);
    }

    private void importZip(Uploads uploads, java.nio.file.Path received, String zipName,
            ImportHistoryUseCase.Options options, Answer answer) throws IOException {
        TidemarkConfig.Transfer limits = config.transfer();
        try (Uploads.Zip zip = uploads.open(received, zipName, limits.maxEntries(), limits.maxExpanded().asLongValue())) {
            Uploads.delete(received);
            long budget = limits.maxExpanded().asLongValue();
            for (ZipEntry entry : zip.entries()) {
                String entryName = entry.getName();
                if (hidden(entryName)) {
                    continue;
                }
                java.nio.file.Path expanded;
                try {
                    expanded = uploads.expand(zip, entry, budget);
                } catch (ZipException damaged) {
                    answer.failed(new ArchiveFormatException(entryName, 0, 0, "the zip's data of this file is damaged"));
                    continue;
                }
                budget -= java.nio.file.Files.size(expanded);
                ArchiveFile file = new ArchiveFile(entryName, expanded);
                if (!isData(entryName) && imports.formatOf(file).isEmpty()) {
                    answer.skipped(entryName, "not a file of a format Tidemark imports");
                } else {
                    importOne(file, options, answer);
                }
                Uploads.delete(expanded);
            }
        }
    }

    private void importOne(ArchiveFile file, ImportHistoryUseCase.Options options, Answer answer) {
        try {
            answer.imported(imports.importFile(file, options));
        } catch (ArchiveFormatException malformed) {
            answer.failed(malformed);
        }
    }

    /** Folders' metadata that zip tools add: {@code __MACOSX/}, {@code .DS_Store}, dot files. */
    private static boolean hidden(String entryName) {
        String last = entryName.substring(entryName.lastIndexOf('/') + 1);
        return entryName.startsWith("__MACOSX/") || last.startsWith(".");
    }

    private static boolean isData(String entryName) {
        int dot = entryName.lastIndexOf('.');
        return dot >= 0 && DATA_EXTENSIONS.contains(entryName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String safeName(String filename) {
        String name = Uploads.printable(filename).replace('\\', '/');
        return name.isBlank() ? "upload" : name;
    }

    /** What the body may be. */
    enum Kind {
        ZIP("import.zip"),
        CSV("upload.csv"),
        SQLITE("ghstats.db"),
        EXPORT("export.ndjson");

        final String defaultName;

        Kind(String defaultName) {
            this.defaultName = defaultName;
        }

        static Kind of(String contentType) {
            String media = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            switch (media) {
                case "application/zip":
                case "application/x-zip-compressed":
                    return ZIP;
                case "text/csv":
                    return CSV;
                case "application/vnd.sqlite3":
                case "application/x-sqlite3":
                    return SQLITE;
                case "application/json":
                case "application/x-ndjson":
                    return EXPORT;
                default:
                    throw new TransferError(415, TransferError.UNSUPPORTED_MEDIA_TYPE, "an import body must be "
                            + "application/zip, text/csv, application/vnd.sqlite3, application/x-ndjson or application/json"
                            + (media.isEmpty() ? " (no Content-Type was given)" : ", not " + Uploads.printable(media)));
            }
        }
    }

    /** The answer being built: reports of imported files, errors of the others. */
    private static final class Answer {
        private final ObjectNode body = TransferJson.object();
        private final ArrayNode files = body.putArray("files");
        private final ArrayNode skipped = body.putArray("skipped");
        private ArrayNode errors;

        void imported(ImportReport report) {
            files.add(TransferJson.report(report));
        }

        void failed(ArchiveFormatException malformed) {
            if (errors == null) {
                errors = body.putArray("errors");
            }
            errors.add(TransferJson.error(TransferError.MALFORMED_FILE,
                    malformed.getMessage() + "; nothing of this file was kept", malformed));
        }

        void skipped(String what, String reason) {
            skipped.addObject().put("what", what).put("count", 1).put("reason", reason);
        }

        Response response() {
            return TransferJson.json(errors == null ? 200 : 400, body);
        }
    }
}
