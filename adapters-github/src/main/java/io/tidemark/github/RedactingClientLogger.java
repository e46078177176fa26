package io.tidemark.github;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.api.ClientLogger;

/**
 * The GitHub REST client's request-response logging, at DEBUG under this class's category: the
 * method, URL, headers and (up to the REST client's {@code logging.body-limit}) the body of every
 * exchange, with {@code Authorization} masked and the token redacted from every line, bodies and
 * headers GitHub (or a proxy) echoes included. Quarkus' own client logger prints bodies verbatim;
 * the adapter uses this one instead, whatever {@code quarkus.rest-client.logging.scope} says.
 */
final class RedactingClientLogger implements ClientLogger {

    private static final Logger LOG = Logger.getLogger(RedactingClientLogger.class);
    private static final String MASKED = "****";
    private static final Set<String> ALWAYS_MASKED = Set.of("authorization", "proxy-authorization");

    private final Redactor redactor;
    private volatile int bodySize;
    private volatile Set<String> maskedHeaders = ALWAYS_MASKED;

    RedactingClientLogger(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public void setBodySize(int bodySize) {
        this.bodySize = bodySize;
    }

    @Override
    public void setMaskedHeaders(Set<String> headers) {
        Set<String> masked = headers == null ? Set.of() : headers.stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(HashSet::new));
        masked.addAll(ALWAYS_MASKED);
        this.maskedHeaders = Set.copyOf(masked);
    }

    @Override
    public void logRequest(HttpClientRequest request, Buffer body, boolean omitBody) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        String shown = omitBody ? "omitted" : body == null || body.length() == 0 ? "empty" : "\n" + text(body);
        LOG.debug(redactor.redact("Request: " + request.getMethod() + " " + request.absoluteURI()
                + " Headers[" + headers(request.headers()) + "], Body " + shown));
    }

    @Override
    public void logResponse(HttpClientResponse response, boolean redirect) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        response.bodyHandler(body -> LOG.debug(redactor.redact((redirect ? "Redirect: " : "Response: ")
                + response.request().getMethod() + " " + response.request().absoluteURI()
                + ", Status[" + response.statusCode() + " " + response.statusMessage() + "]"
                + ", Headers[" + headers(response.headers()) + "], Body:\n" + text(body))));
    }

    private String text(Buffer body) {
        String text = body == null ? "" : body.toString();
        int limit = bodySize;
        return limit <= 0 || text.length() <= limit ? text : text.substring(0, limit) + "...";
    }

    private String headers(MultiMap headers) {
        Set<String> masked = maskedHeaders;
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> header : headers) {
            boolean hidden = masked.contains(header.getKey().toLowerCase(Locale.ROOT));
            text.append(text.length() == 0 ? "" : " ")
                    .append(header.getKey()).append('=').append(hidden ? MASKED : header.getValue());
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "RedactingClientLogger[" + Redactor.REDACTED + "]";
    }
}
