package io.tidemark.app.graphql;

import org.eclipse.microprofile.graphql.Description;

@Description("Bucket size. Timestamps are UTC midnight at the start of the day or week; weeks begin on Monday, as GitHub defines them.")
public enum Granularity {
    DAY,
    WEEK;

    io.tidemark.core.model.Granularity toCore() {
        return this == DAY ? io.tidemark.core.model.Granularity.DAY : io.tidemark.core.model.Granularity.WEEK;
    }
}
