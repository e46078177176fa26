package io.tidemark.core.model;

/** One of GitHub's top referrers over a 14-day window, for example {@code google.com}. */
public record Referrer(String referrer, int count, int uniques) {

    public Referrer {
        Checks.notBlank("referrer", referrer);
        Checks.notNegative("count", count);
        Checks.notNegative("uniques", uniques);
    }
}
