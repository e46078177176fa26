package io.tidemark.core.port.in;

import io.tidemark.core.model.SyncFreshness;

/** Watching for repositories whose history is at risk: GitHub forgets traffic after 14 days. */
public interface SyncFreshnessUseCase {

    /**
     * The freshness of every tracked repository now, by one rule ({@link
     * io.tidemark.core.model.TrackedRepository#isStale}), so that every report of it agrees.
     */
    SyncFreshness freshness();
}
