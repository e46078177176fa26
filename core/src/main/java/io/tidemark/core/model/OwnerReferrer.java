package io.tidemark.core.model;

/**
 * A referrer across an owner's repositories: the 14-day counts of the repositories' snapshots
 * added up. No uniques: a visitor may have come to several repositories.
 *
 * @param referrer the referrer as GitHub names it
 * @param count the sum of the repositories' counts for it
 * @param repositories how many repositories list it in their snapshot
 */
public record OwnerReferrer(String referrer, long count, int repositories) {

    public OwnerReferrer {
        Checks.notBlank("referrer", referrer);
        if (count < 0 || repositories < 1) {
            throw new InvalidInputException("referrer", "impossible figures for referrer " + referrer);
        }
    }
}
