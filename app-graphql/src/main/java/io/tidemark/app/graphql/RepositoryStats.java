package io.tidemark.app.graphql;

import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A repository's counters on one UTC day; a counter not seen that day is null. */
@Description("Since 2.")
public class RepositoryStats {

    private final io.tidemark.core.model.RepositoryStats kept;

    RepositoryStats(io.tidemark.core.model.RepositoryStats kept) {
        this.kept = kept;
    }

    @NonNull
    public LocalDate getDate() {
        return kept.day();
    }

    public Integer getStars() {
        return kept.stars();
    }

    public Integer getForks() {
        return kept.forks();
    }

    public Integer getWatchers() {
        return kept.watchers();
    }

    public Integer getOpenIssues() {
        return kept.openIssues();
    }
}
