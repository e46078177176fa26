package io.tidemark.simulator;

/** The two kinds of counted traffic GitHub reports per day or week. */
public enum TrafficKind {
    /** Page views ({@code /traffic/views}). */
    VIEWS,
    /** Git clones ({@code /traffic/clones}). */
    CLONES
}
