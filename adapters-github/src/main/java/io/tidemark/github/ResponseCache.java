package io.tidemark.github;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conditional-request cache: per URL, the last {@code ETag} and the answer parsed from that
 * response, least recently used dropped first. Thread-safe.
 */
final class ResponseCache {

    /** What is remembered about one URL. */
    record Entry(String etag, Object body) {}

    private final Map<String, Entry> entries;

    ResponseCache(int capacity) {
        int max = Math.max(0, capacity);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > max;
            }
        };
    }

    synchronized Entry get(String url) {
        return entries.get(url);
    }

    /** Remembers {@code body} under {@code etag}, or forgets the URL when GitHub sent no ETag. */
    synchronized void put(String url, String etag, Object body) {
        if (etag == null || etag.isBlank()) {
            entries.remove(url);
        } else {
            entries.put(url, new Entry(etag, body));
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
