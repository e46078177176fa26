package io.tidemark.app.graphql;

/** Documents at and past the limits of the API, for the limit tests and the hostile-request suite. */
public final class LimitDocuments {

    private LimitDocuments() {}

    /** {@code { a0: __typename a1: __typename ... }}: {@code count} fields, depth 1. */
    public static String aliases(int count) {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            query.append(" a").append(i).append(": __typename");
        }
        return query.append(" }").toString();
    }

    /**
     * Issue 15's fragment explosion: {@code F0} selects {@code repository { name }}, each next
     * fragment spreads the previous one twice, and the query spreads the last, so the document
     * selects 2<sup>levels + 1</sup> fields in a few hundred bytes.
     */
    public static String fragmentExplosion(int levels) {
        StringBuilder document = new StringBuilder(
                "fragment F0 on Query { repository(owner:\"a\", name:\"b\") { name } }\n");
        for (int i = 1; i <= levels; i++) {
            document.append("fragment F").append(i).append(" on Query { ...F").append(i - 1)
                    .append(" ...F").append(i - 1).append(" }\n");
        }
        return document.append("{ ...F").append(levels).append(" }").toString();
    }
}
