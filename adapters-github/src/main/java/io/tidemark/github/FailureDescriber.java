package io.tidemark.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.netty.channel.ConnectTimeoutException;
import io.tidemark.core.model.InvalidInputException;
import io.vertx.core.http.HttpClosedException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;

/**
 * Says in plain words what went wrong with a GitHub request, for the {@code SourceFailure}
 * messages users read ({@code lastSyncError}, API error messages): "the body was cut short", "the
 * body is not valid JSON", "GitHub did not answer within 30s (read timeout)", "could not connect to
 * api.github.com:443 (connection refused)", "the connection was closed early".
 *
 * <p>A description never carries a class or package name, an exception's own wording (Jackson's,
 * Netty's, Vert.x's) or a parser's source location: that detail belongs in the debug log. Only the
 * adapter's own {@link MalformedResponseException} and the domain's {@link InvalidInputException}
 * are quoted, because their messages are written for users. Every description is redacted.
 */
final class FailureDescriber {

    private static final int MAX_LENGTH = 300;

    private final String server;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Redactor redactor;

    FailureDescriber(URI apiUrl, Duration connectTimeout, Duration readTimeout, Redactor redactor) {
        int port = apiUrl.getPort() >= 0 ? apiUrl.getPort() : "http".equalsIgnoreCase(apiUrl.getScheme()) ? 80 : 443;
        this.server = apiUrl.getHost() + ":" + port;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.redactor = redactor;
    }

    /** A short, one-line, token-free description of what {@code failure} means for the request. */
    String describe(Throwable failure) {
        List<Throwable> chain = chain(failure);
        return abbreviate(redactor.redact(plain(chain)).replaceAll("\\s+", " ").strip());
    }

    private String plain(List<Throwable> chain) {
        Throwable ours = first(chain, t -> t instanceof MalformedResponseException || t instanceof InvalidInputException);
        if (ours != null && ours.getMessage() != null) {
            return ours.getMessage();
        }
        if (has(chain, JsonEOFException.class)) {
            return "the body was cut short";
        }
        Throwable mapping = first(chain, JsonMappingException.class::isInstance);
        if (mapping != null && !has(chain, t -> t instanceof JsonProcessingException && !(t instanceof JsonMappingException))) {
            String field = field((JsonMappingException) mapping);
            String expected = mapping instanceof MismatchedInputException mismatch ? expected(mismatch) : null;
            return (field.isEmpty() ? "the body" : "'" + field + "'")
                    + (expected == null ? " is not the expected kind of value" : " is not " + expected);
        }
        if (has(chain, JsonProcessingException.class)) {
            return "the body is not valid JSON";
        }
        if (has(chain, ConnectTimeoutException.class)) {
            return "could not connect to " + server + " within " + text(connectTimeout) + " (connect timeout)";
        }
        if (has(chain, TimeoutException.class) || has(chain, SocketTimeoutException.class)) {
            return "GitHub did not answer within " + text(readTimeout) + " (read timeout)";
        }
        if (has(chain, UnknownHostException.class)) {
            return "could not connect to " + server + ": the host name is unknown";
        }
        if (has(chain, NoRouteToHostException.class)) {
            return "could not connect to " + server + " (no route to host)";
        }
        Throwable connect = first(chain, ConnectException.class::isInstance);
        if (connect != null) {
            return "could not connect to " + server + (mentions(connect, "refused") ? " (connection refused)" : "");
        }
        if (has(chain, SSLException.class)) {
            return "the secure (TLS) connection to " + server + " failed";
        }
        if (has(chain, t -> t instanceof SocketException && mentions(t, "reset"))) {
            return "the connection was reset";
        }
        if (has(chain, t -> t instanceof HttpClosedException
                || t instanceof ClosedChannelException
                || t instanceof EOFException
                || t instanceof IOException && mentions(t, "closed"))) {
            return "the connection was closed early";
        }
        if (has(chain, IOException.class)) {
            return "the connection failed";
        }
        return "something unexpected went wrong (the debug log has the details)";
    }

    /** The JSON path Jackson was at, such as {@code views[0].count}, or empty. */
    private static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What Jackson expected in words, such as "a whole number", or {@code null}. */
    private static String expected(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type == null) {
            return null;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isRecord()) {
            return "an object";
        }
        return null;
    }

    /** {@code 30s}, {@code 1m30s}, {@code 250ms}. */
    static String text(Duration duration) {
        if (duration.toMillis() < 1_000 || duration.toMillisPart() != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 20 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static Throwable first(List<Throwable> chain, Predicate<Throwable> test) {
        return chain.stream().filter(test).findFirst().orElse(null);
    }

    private static boolean has(List<Throwable> chain, Predicate<Throwable> test) {
        return first(chain, test) != null;
    }

    private static boolean has(List<Throwable> chain, Class<? extends Throwable> type) {
        return has(chain, type::isInstance);
    }

    private static boolean mentions(Throwable t, String word) {
        return t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(word);
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "...";
    }

    @Override
    public String toString() {
        return "FailureDescriber[" + server + "]";
    }
}
