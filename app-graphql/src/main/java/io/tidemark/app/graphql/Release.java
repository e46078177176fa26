package io.tidemark.app.graphql;

import io.tidemark.core.model.ReleaseHistory;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** A kept release; its downloads per day are resolved by {@link StatsApi}. */
@Description("Since 2.")
public class Release {

    private final ReleaseHistory kept;

    Release(ReleaseHistory kept) {
        this.kept = kept;
    }

    @NonNull
    public String getTagName() {
        return kept.latest().tagName();
    }

    public String getName() {
        return kept.latest().name();
    }

    public Instant getPublishedAt() {
        return kept.latest().publishedAt();
    }

    @Description("Downloads of all its assets, as GitHub last reported them (a cumulative counter).")
    public int getDownloadCount() {
        return StatsApi.saturated(kept.latest().downloadCount());
    }

    @Ignore
    ReleaseHistory kept() {
        return kept;
    }
}
