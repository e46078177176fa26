package io.tidemark.app.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Since 2.")
public class OwnerReferrer {

    // Copied, not held: SmallRye would map a field named like a property with the field's type.
    private final String referrer;
    private final long count;
    private final int repositories;

    OwnerReferrer(io.tidemark.core.model.OwnerReferrer referrer) {
        this.referrer = referrer.referrer();
        this.count = referrer.count();
        this.repositories = referrer.repositories();
    }

    @NonNull
    public String getReferrer() {
        return referrer;
    }

    @Description("Sum of the repositories' 14-day counts for this referrer.")
    public int getCount() {
        return OwnerBucket.toInt(count);
    }

    @Description("How many repositories list this referrer in their snapshot.")
    public int getRepositories() {
        return repositories;
    }
}
