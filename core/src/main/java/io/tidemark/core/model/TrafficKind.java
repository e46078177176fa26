package io.tidemark.core.model;

/** What GitHub counts: page views or git clones. */
public enum TrafficKind {
    VIEWS,
    CLONES
}
