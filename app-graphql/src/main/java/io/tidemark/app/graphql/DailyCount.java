package io.tidemark.app.graphql;

import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A count attributed to one UTC day. */
@Description("Since 2.")
public class DailyCount {

    private final io.tidemark.core.model.DailyCount kept;

    DailyCount(io.tidemark.core.model.DailyCount kept) {
        this.kept = kept;
    }

    @NonNull
    public LocalDate getDate() {
        return kept.day();
    }

    public int getCount() {
        return StatsApi.saturated(kept.count());
    }
}
