package io.tidemark.github;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads GitHub's pagination header, {@code Link: <url>; rel="next", <url>; rel="last"}. */
final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>([^<]*)");
    private static final Pattern REL = Pattern.compile("rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,]+))", Pattern.CASE_INSENSITIVE);

    private LinkHeader() {}

    /** The URL marked {@code rel="next"}, or {@code null} on the last page. */
    static String next(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            Matcher rel = REL.matcher(link.group(2));
            while (rel.find()) {
                String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
                for (String value : rels.trim().split("\\s+")) {
                    if (value.toLowerCase(Locale.ROOT).equals("next")) {
                        return link.group(1).trim();
                    }
                }
            }
        }
        return null;
    }
}
