package io.tidemark.app.graphql;

/** Documents a hostile client sends, for the unit tests of the limits and the hostile-request suite. */
public final class HostileDocuments {

    private HostileDocuments() {}

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
