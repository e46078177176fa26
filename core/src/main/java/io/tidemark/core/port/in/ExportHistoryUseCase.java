package io.tidemark.core.port.in;

import io.tidemark.core.model.HistoryFact;
import io.tidemark.core.model.RepositoryId;
import java.util.function.Consumer;

/** Takes every kept fact out: for backup, analysis or another tool. */
public interface ExportHistoryUseCase {

    /**
     * Which repositories to export.
     *
     * @param owner only this owner's repositories, or null
     * @param repository only this repository, or null (then {@code owner} is ignored)
     */
    record Scope(String owner, RepositoryId repository) {
        public static final Scope EVERYTHING = new Scope(null, null);
    }

    /**
     * Gives every kept fact of the scope to {@code facts}, streamed: first the tracked owners (all
     * of them when the scope is everything, the scope's owner when it is tracked), then
     * repository by repository in key order: the repository ({@link HistoryFact.Tracked}), its
     * daily and weekly buckets of views then clones with their completeness, oldest first, its
     * window totals, then its referrer and path snapshots, oldest first, then its counters
     * ({@link HistoryFact.Stat}), oldest day first, stars, forks, watchers and open issues in that
     * order, those seen. Holds one repository's history in memory at most.
     *
     * @throws java.util.NoSuchElementException if a single repository is asked for and not known
     */
    void export(Scope scope, Consumer<HistoryFact> facts);
}
