package io.tidemark.app.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Since 2.")
public class OwnerReferrer {

    private final io.tidemark.core.model.OwnerReferrer referrer;

    OwnerReferrer(io.tidemark.core.model.OwnerReferrer referrer) {
        this.referrer = referrer;
    }

    @NonNull
    public String getReferrer() {
        return referrer.referrer();
    }

    @Description("Sum of the repositories' 14-day counts for this referrer.")
    public int getCount() {
        return OwnerBucket.toInt(referrer.count());
    }

    @Description("How many repositories list this referrer in their snapshot.")
    public int getRepositories() {
        return referrer.repositories();
    }
}
