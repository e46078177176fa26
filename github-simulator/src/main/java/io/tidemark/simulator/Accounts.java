package io.tidemark.simulator;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The simulated accounts: owners (users or organizations), their repositories, and the tokens
 * with their grants. Immutable; names are looked up case-insensitively, like GitHub.
 */
final class Accounts {

    /** An owner account. */
    record Owner(String login, long id, boolean organization) {}

    /** A repository, its traffic model and its activity (generated on first use). */
    record Repo(long id, Owner owner, String name, boolean isPrivate, TrafficModel model,
            Supplier<RepositoryActivity> activitySource) {
        String fullName() {
            return owner.login() + "/" + name;
        }

        RepositoryActivity activity() {
            return activitySource.get();
        }
    }

    /** Computes a value once, on first use. Thread-safe. */
    static <T> Supplier<T> lazy(Supplier<T> source) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = source.get();
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }

    /** A token's permission on the repositories matching {@code pattern} (owner/name, owner/*, *). */
    record Grant(String pattern, Permission permission) {
        int specificity() {
            return pattern.equals("*") ? 0 : pattern.endsWith("/*") ? 1 : 2;
        }

        boolean matches(Repo repo) {
            String p = pattern.toLowerCase(Locale.ROOT);
            String full = repo.fullName().toLowerCase(Locale.ROOT);
            return p.equals("*")
                    || p.equals(full)
                    || (p.endsWith("/*") && full.startsWith(p.substring(0, p.length() - 1)));
        }
    }

    private final Map<String, Owner> owners; // by lower-case login
    private final Map<String, Repo> repos; // by lower-case full name
    private final Map<String, List<Grant>> tokens; // by exact token

    Accounts(Map<String, Owner> owners, Map<String, Repo> repos, Map<String, List<Grant>> tokens) {
        this.owners = Map.copyOf(owners);
        this.repos = Map.copyOf(repos);
        this.tokens = Map.copyOf(tokens);
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    boolean isToken(String token) {
        return token != null && tokens.containsKey(token);
    }

    Optional<Owner> owner(String login) {
        return Optional.ofNullable(owners.get(key(login)));
    }

    Optional<Repo> repo(String owner, String name) {
        return Optional.ofNullable(repos.get(key(owner + "/" + name)));
    }

    /**
     * The token's explicitly granted permission: the most specific matching grant ({@code
     * owner/name}, then {@code owner/*}, then {@code *}); the strongest among equally specific ones.
     */
    Optional<Permission> granted(String token, Repo repo) {
        return tokens.getOrDefault(token, List.of()).stream()
                .filter(grant -> grant.matches(repo))
                .max(Comparator.comparingInt(Grant::specificity).thenComparing(Grant::permission))
                .map(Grant::permission);
    }

    /** What the token may do: its grant, or pull on a public repository; empty if it cannot see it. */
    Optional<Permission> permission(String token, Repo repo) {
        Optional<Permission> granted = granted(token, repo);
        return granted.isPresent() || repo.isPrivate() ? granted : Optional.of(Permission.PULL);
    }

    /** Every repository, sorted by full name (case-insensitive). */
    List<Repo> repos() {
        return repos.values().stream()
                .sorted(Comparator.comparing(repo -> key(repo.fullName())))
                .toList();
    }
}
