package io.tidemark.core.model;

/** An owner or repository name that GitHub would not accept. */
public final class InvalidRepositoryIdException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public InvalidRepositoryIdException(String field, String message) {
        super(field, message);
    }
}
