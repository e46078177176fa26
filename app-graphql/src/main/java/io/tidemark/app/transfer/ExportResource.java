package io.tidemark.app.transfer;

import io.tidemark.app.security.Role;
import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.port.in.ExportHistoryUseCase;
import io.tidemark.core.port.in.QueryTrafficUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /api/export} (viewer or admin): every kept fact of one repository ({@code owner} and
 * {@code name}), one owner ({@code owner}) or everything, as Tidemark's export ({@code
 * docs/export-format.md}): {@code format=json} (the default) newline-delimited JSON, {@code
 * format=csv} a zip of CSVs. Streamed: the answer starts before the export is read whole, and at
 * most one repository's history is held in memory.
 */
@Path("/api/export")
public class ExportResource {

    private final ExportHistoryUseCase exports;
    private final QueryTrafficUseCase query;
    private final Clock clock;

    public ExportResource(ExportHistoryUseCase exports, QueryTrafficUseCase query, Clock clock) {
        this.exports = exports;
        this.query = query;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Role.VIEWER_NAME, Role.ADMIN_NAME})
    public Response export(@RestQuery String owner, @RestQuery String name, @RestQuery String format) {
        try {
            ExportHistoryUseCase.Scope scope = scope(owner, name);
            String kind = format == null ? "json" : format;
            String file = "tidemark-export" + (owner == null ? "" : "-" + scope.owner())
                    + (scope.repository() == null ? "" : "-" + scope.repository().name());
            StreamingOutput body;
            String type;
            switch (kind) {
                case "json":
                    type = "application/x-ndjson";
                    file += ".ndjson";
                    body = out -> {
                        try (NdjsonExport writer = new NdjsonExport(out, clock.instant())) {
                            exports.export(scope, writer);
                        }
                    };
                    break;
                case "csv":
                    type = "application/zip";
                    file += ".zip";
                    body = out -> {
                        try (CsvExport writer = new CsvExport()) {
                            exports.export(scope, writer);
                            writer.zipInto(out);
                        }
                    };
                    break;
                default:
                    throw TransferError.badRequest("format must be json or csv");
            }
            return Response.ok(body, type)
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (TransferError refused) {
            return TransferJson.error(refused);
        }
    }

    private ExportHistoryUseCase.Scope scope(String owner, String name) {
        if (name != null && owner == null) {
            throw TransferError.badRequest("a repository's export needs its owner as well as its name");
        }
        try {
            if (name != null) {
                RepositoryId repository = RepositoryId.of(owner, name);
                if (query.repository(repository).isEmpty()) {
                    throw new TransferError(404, TransferError.NOT_FOUND, "repository " + repository + " is not known");
                }
                return new ExportHistoryUseCase.Scope(repository.owner(), repository);
            }
            return new ExportHistoryUseCase.Scope(owner == null ? null : RepositoryId.validOwner(owner), null);
        } catch (InvalidInputException invalid) {
            throw TransferError.badRequest(invalid.getMessage());
        }
    }
}
