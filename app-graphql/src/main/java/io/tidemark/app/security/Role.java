package io.tidemark.app.security;

/** What a token may do. */
public enum Role {
    /** Queries only. */
    VIEWER,
    /** Queries and mutations. */
    ADMIN;

    /** The name of {@link #VIEWER}, for {@code @RolesAllowed}. */
    public static final String VIEWER_NAME = "viewer";
    /** The name of {@link #ADMIN}, for {@code @RolesAllowed}. */
    public static final String ADMIN_NAME = "admin";

    /** The role name carried by the security identity. */
    public String roleName() {
        return this == ADMIN ? ADMIN_NAME : VIEWER_NAME;
    }
}
