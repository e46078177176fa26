package io.tidemark.app.graphql;

import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("""
        GitHub's own totals for one fetched 14-day window: the count and the distinct visitors (or
        cloners) over the rolling 14 x 24 hours that ended at fetchedAt, as GitHub reported them with
        that answer. Windows of different fetches overlap: never add these up. uniques is GitHub's
        figure for the whole window, never a sum of bucket uniques.""")
public class WindowTotals {

    private final Instant fetchedAt;
    private final int count;
    private final int uniques;

    WindowTotals(io.tidemark.core.model.WindowTotals totals) {
        this.fetchedAt = totals.fetchedAt();
        this.count = totals.count();
        this.uniques = totals.uniques();
    }

    @NonNull
    @Description("When GitHub answered (its Date header); the window is the 14 x 24 hours before, from the whole hour.")
    public Instant getFetchedAt() {
        return fetchedAt;
    }

    @Description("GitHub's total count over the window.")
    public int getCount() {
        return count;
    }

    @Description("GitHub's distinct visitors or cloners over the whole window (not a sum of daily or weekly uniques).")
    public int getUniques() {
        return uniques;
    }
}
