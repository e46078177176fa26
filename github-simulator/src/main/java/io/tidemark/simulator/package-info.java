/** A faithful fake of GitHub's traffic API for tests, demos and benchmarks. */
package io.tidemark.simulator;
