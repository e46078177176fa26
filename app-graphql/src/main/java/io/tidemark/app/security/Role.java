package io.tidemark.app.security;

/** What a token may do. */
public enum Role {
    /** Queries only. */
    VIEWER,
    /** Queries and mutations. */
    ADMIN;

    /** The role name carried by the security identity. */
    public String roleName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
