package io.tidemark.core.model;

import java.time.LocalDate;

/**
 * One bucket of an owner's traffic: the counts of its repositories added up. Only counts add up
 * across repositories (a visitor may have seen several), so there is no uniques here.
 *
 * @param start first day of the bucket (UTC)
 * @param count the sum of the counts of the repositories that have this bucket kept
 * @param repositoriesObserved how many of the owner's repositories have this bucket kept (for the
 *     others it is a gap, never a zero)
 * @param repositoriesComplete how many of those have it complete
 */
public record OwnerBucket(LocalDate start, long count, int repositoriesObserved, int repositoriesComplete) {

    public OwnerBucket {
        Checks.notNull("start", start);
        if (count < 0 || repositoriesObserved < 1 || repositoriesComplete < 0 || repositoriesComplete > repositoriesObserved) {
            throw new InvalidInputException("bucket", "an owner bucket of " + start + " has impossible figures: count "
                    + count + ", observed " + repositoriesObserved + ", complete " + repositoriesComplete);
        }
    }
}
