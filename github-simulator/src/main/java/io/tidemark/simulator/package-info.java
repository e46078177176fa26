/**
 * A faithful fake of GitHub's traffic API for tests, demos and benchmarks.
 *
 * <p>Start one with {@link io.tidemark.simulator.GitHubSimulator#builder()}; its ground truth is a
 * {@link io.tidemark.simulator.TrafficModel} of visitor events per repository, queried through
 * {@link io.tidemark.simulator.GroundTruth}. Traffic answers are computed at the simulated now of
 * {@link io.tidemark.simulator.SimulatedClock}; rate limits ({@link
 * io.tidemark.simulator.RateLimit}), faults ({@link io.tidemark.simulator.Faults}) and request
 * counters ({@link io.tidemark.simulator.RequestCounters}) are driven by tests. Run it standalone
 * with {@link io.tidemark.simulator.Main}. Serves HTTP with Vert.x core and writes JSON with Jackson;
 * no dependency on Tidemark's code.
 */
package io.tidemark.simulator;
