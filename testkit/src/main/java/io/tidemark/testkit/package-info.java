/**
 * Tidemark's contract test kit: abstract JUnit 5 suites, one per port role, that a store or
 * source adapter extends in its tests to prove it keeps the guarantees the ports' Javadoc states.
 *
 * <ul>
 *   <li>{@link io.tidemark.testkit.RepositoryRegistryContract}, {@link
 *       io.tidemark.testkit.TrafficHistoryContract} and {@link
 *       io.tidemark.testkit.SnapshotStoreContract} for a {@link
 *       io.tidemark.core.port.out.TrafficStore};
 *   <li>{@link io.tidemark.testkit.TrafficSourceContract} for a {@link
 *       io.tidemark.core.port.out.TrafficSource};
 *   <li>{@link io.tidemark.testkit.HistoryArchiveContract} for a {@link
 *       io.tidemark.core.port.out.HistoryArchive}.
 * </ul>
 *
 * <p>The reference store ({@code io.tidemark.core.testing.InMemoryTrafficStore}) and the oracle of
 * kept history ({@code io.tidemark.core.testing.KeptHistoryOracle}) come with the kit, from core's
 * test jar. Test support: nothing in production code may depend on this package.
 */
package io.tidemark.testkit;
