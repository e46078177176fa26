package io.tidemark.core.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A GitHub repository, {@code owner/name}.
 *
 * <p>Validated with GitHub's rules: the owner is 1 to 39 letters, digits or single hyphens, not
 * starting or ending with a hyphen; the name is 1 to 100 letters, digits, {@code .}, {@code -} or
 * {@code _}, and neither {@code .} nor {@code ..}. GitHub matches both case-insensitively, so
 * equality and hashing ignore case, while {@link #owner()} and {@link #name()} keep the casing
 * they were given, for display.
 */
public final class RepositoryId implements Comparable<RepositoryId> {

    static final int MAX_OWNER_LENGTH = 39;
    static final int MAX_NAME_LENGTH = 100;

    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final String owner;
    private final String name;
    private final String key;

    private RepositoryId(String owner, String name) {
        this.owner = owner;
        this.name = name;
        this.key = (owner + "/" + name).toLowerCase(Locale.ROOT);
    }

    /**
     * @throws InvalidRepositoryIdException if owner or name breaks GitHub's naming rules
     */
    public static RepositoryId of(String owner, String name) {
        return new RepositoryId(validOwner(owner), validName(name));
    }

    /** Parses {@code owner/name}. */
    public static RepositoryId parse(String nameWithOwner) {
        if (nameWithOwner == null) {
            throw new InvalidRepositoryIdException("nameWithOwner", "a repository is required, as owner/name");
        }
        int slash = nameWithOwner.indexOf('/');
        if (slash < 0 || slash != nameWithOwner.lastIndexOf('/')) {
            throw new InvalidRepositoryIdException(
                    "nameWithOwner", "a repository is written owner/name with exactly one slash");
        }
        return of(nameWithOwner.substring(0, slash), nameWithOwner.substring(slash + 1));
    }

    /**
     * @throws InvalidRepositoryIdException if the owner breaks GitHub's rules for user and
     *     organisation names
     */
    public static String validOwner(String owner) {
        if (owner == null || owner.isEmpty()) {
            throw new InvalidRepositoryIdException("owner", "owner is required");
        }
        if (owner.length() > MAX_OWNER_LENGTH) {
            throw new InvalidRepositoryIdException(
                    "owner", "owner must be at most " + MAX_OWNER_LENGTH + " characters long");
        }
        if (!OWNER.matcher(owner).matches()) {
            throw new InvalidRepositoryIdException(
                    "owner",
                    "owner may contain only letters, digits and single hyphens, and may not begin or end"
                            + " with a hyphen");
        }
        return owner;
    }

    private static String validName(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidRepositoryIdException("name", "repository name is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidRepositoryIdException(
                    "name", "repository name must be at most " + MAX_NAME_LENGTH + " characters long");
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidRepositoryIdException(
                    "name", "repository name may contain only letters, digits, '.', '-' and '_'");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new InvalidRepositoryIdException("name", "repository name may not be '.' or '..'");
        }
        return name;
    }

    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    /** {@code owner/name} in the casing it was given. */
    public String nameWithOwner() {
        return owner + "/" + name;
    }

    /** {@code owner/name} in lower case: the identity GitHub uses, stable for storage keys. */
    public String key() {
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RepositoryId that && key.equals(that.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    /** Orders by {@link #key()}, which is the order of {@code nameWithOwner} ignoring case. */
    @Override
    public int compareTo(RepositoryId other) {
        return key.compareTo(Objects.requireNonNull(other).key);
    }

    @Override
    public String toString() {
        return nameWithOwner();
    }
}
