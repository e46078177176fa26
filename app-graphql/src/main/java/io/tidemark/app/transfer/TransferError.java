package io.tidemark.app.transfer;

import io.tidemark.core.model.ArchiveFormatException;

/**
 * A refusal of {@code /api/import} or {@code /api/export}: an HTTP status, a code (the README's
 * error table) and a message written for the user. Never carries a stack trace to the client.
 */
final class TransferError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final String BAD_REQUEST = "BAD_REQUEST";
    static final String MALFORMED_FILE = "MALFORMED_FILE";
    static final String UNSAFE_ARCHIVE = "UNSAFE_ARCHIVE";
    static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    static final String NOT_FOUND = "NOT_FOUND";

    private final int status;
    private final String code;
    private final transient ArchiveFormatException where;

    TransferError(int status, String code, String message) {
        this(status, code, message, null);
    }

    private TransferError(int status, String code, String message, ArchiveFormatException where) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.where = where;
    }

    static TransferError badRequest(String message) {
        return new TransferError(400, BAD_REQUEST, message);
    }

    static TransferError malformed(ArchiveFormatException malformed) {
        return new TransferError(400, MALFORMED_FILE, malformed.getMessage(), malformed);
    }

    static TransferError unsafe(String message) {
        return new TransferError(400, UNSAFE_ARCHIVE, message);
    }

    static TransferError tooLarge(String message) {
        return new TransferError(413, PAYLOAD_TOO_LARGE, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** Where in which file, for a malformed file; null otherwise. */
    ArchiveFormatException where() {
        return where;
    }
}
