package io.tidemark.app.graphql;

import org.eclipse.microprofile.graphql.NonNull;

public class Referrer {

    private final String referrer;
    private final int count;
    private final int uniques;

    Referrer(io.tidemark.core.model.Referrer referrer) {
        this.referrer = referrer.referrer();
        this.count = referrer.count();
        this.uniques = referrer.uniques();
    }

    @NonNull
    public String getReferrer() {
        return referrer;
    }

    public int getCount() {
        return count;
    }

    public int getUniques() {
        return uniques;
    }
}
