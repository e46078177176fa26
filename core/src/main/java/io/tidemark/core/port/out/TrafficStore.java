package io.tidemark.core.port.out;

/**
 * A whole store: the three roles in one type, so that a storage adapter can implement them in
 * one class and the application wires one bean. Services depend on the roles they use ({@link
 * RepositoryRegistry}, {@link TrafficHistory}, {@link SnapshotStore}), never on more; this type
 * adds no method and no rule of its own.
 *
 * <p>This is a public extension point. {@code InMemoryTrafficStore} in core's test jar is the
 * reference implementation: a new store should give the same reads for the same writes, and
 * {@code KeptHistoryOracle} computes what the history must be from the raw answers. The contract
 * suites of {@code tidemark-testkit} (which brings both) check a store against the rules of its
 * three roles.
 *
 * <p>Across roles: the roles share one set of repositories (a repository tracked in the registry
 * is known to the history and the snapshots, and {@link RepositoryRegistry#deleteHistory}
 * deletes what every role keeps of it).
 */
public interface TrafficStore extends RepositoryRegistry, TrafficHistory, SnapshotStore {}
