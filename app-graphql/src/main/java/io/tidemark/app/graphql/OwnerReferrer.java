package io.tidemark.app.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Since 2.")
public class OwnerReferrer {

    // Copied, not held, and the sum under another name: SmallRye maps a field named like a
    // property with the field's type (long would become BigInteger).
    private final String referrer;
    private final long total;
    private final int repositories;

    OwnerReferrer(io.tidemark.core.model.OwnerReferrer referrer) {
        this.referrer = referrer.referrer();
        this.total = referrer.count();
        this.repositories = referrer.repositories();
    }

    @NonNull
    public String getReferrer() {
        return referrer;
    }

    @Description("Sum of the repositories' 14-day counts for this referrer.")
    public int getCount() {
        return OwnerBucket.toInt(total);
    }

    @Description("How many repositories list this referrer in their snapshot.")
    public int getRepositories() {
        return repositories;
    }
}
