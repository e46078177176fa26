package io.tidemark.storage.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One referrer of a snapshot, in GitHub's order. A row of {@code referrer_entry}. */
@Embeddable
public class ReferrerEntryEmbeddable {

    @Column(name = "referrer", nullable = false)
    private String referrer;

    @Column(name = "total", nullable = false)
    private int count;

    @Column(name = "uniques", nullable = false)
    private int uniques;

    protected ReferrerEntryEmbeddable() {}

    public ReferrerEntryEmbeddable(String referrer, int count, int uniques) {
        this.referrer = referrer;
        this.count = count;
        this.uniques = uniques;
    }

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
