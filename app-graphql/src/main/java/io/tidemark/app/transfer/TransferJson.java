package io.tidemark.app.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.core.model.ArchiveFormatException;
import io.tidemark.core.model.ImportReport;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The JSON answers of {@code /api/import} and {@code /api/export}, built as trees (no reflection,
 * so nothing to register for a native image). Errors have the shape of the GraphQL API's: {@code
 * {"errors":[{"message":..., "extensions":{"code":...}}]}}, a malformed file's with its {@code
 * file}, {@code line} and {@code column}.
 */
final class TransferJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TransferJson() {}

    static Response error(TransferError error) {
        ObjectNode body = NODES.objectNode();
        body.putArray("errors").add(error(error.code(), error.getMessage(), error.where()));
        return json(error.status(), body);
    }

    static Response error(int status, String code, String message) {
        return error(new TransferError(status, code, message));
    }

    static ObjectNode error(String code, String message, ArchiveFormatException where) {
        ObjectNode error = NODES.objectNode().put("message", message);
        ObjectNode extensions = error.putObject("extensions").put("code", code);
        if (where != null) {
            extensions.put("file", where.file());
            extensions.put("line", where.line());
            extensions.put("column", where.column());
            extensions.put("problem", where.problem());
        }
        return error;
    }

    static Response json(int status, ObjectNode body) {
        try {
            return Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(JSON.writeValueAsString(body))
                    .build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** One file's report. */
    static ObjectNode report(ImportReport report) {
        ObjectNode file = NODES.objectNode().put("file", report.file()).put("format", report.format());
        ArrayNode repositories = file.putArray("repositories");
        for (ImportReport.RepositoryReport repository : report.repositories()) {
            repositories.addObject()
                    .put("repository", repository.repository())
                    .put("newlyTracked", repository.newlyTracked())
                    .put("daysRead", repository.daysRead())
                    .put("daysRaised", repository.daysRaised())
                    .put("daysNotLarger", repository.daysNotLarger())
                    .put("zeroDaysAdded", repository.zeroDaysAdded())
                    .put("weeksRead", repository.weeksRead())
                    .put("weeksRaised", repository.weeksRaised())
                    .put("windowTotalsRead", repository.windowTotalsRead())
                    .put("snapshotsKept", repository.snapshotsKept())
                    .put("snapshotsIgnored", repository.snapshotsIgnored())
                    .put("statsKept", repository.statsKept());
        }
        skipped(file.putArray("skipped"), report.skipped());
        return file;
    }

    static void skipped(ArrayNode into, List<ImportReport.Skipped> skipped) {
        for (ImportReport.Skipped one : skipped) {
            into.addObject().put("what", one.what()).put("count", one.count()).put("reason", one.reason());
        }
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }
}
