package io.tidemark.github;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.Guard;
import io.tidemark.core.port.out.SourceFailure;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.api.LoggingScope;

/**
 * Makes GitHub requests for one token: one at a time (or {@code concurrency} at a time, fairly),
 * within the rate-limit reserve, conditionally when an {@code ETag} is known, retried by a
 * SmallRye Fault Tolerance {@link Guard} on transient failures, and turned into a parsed,
 * validated answer or a {@link SourceFailure}.
 */
final class GitHubRequests implements Closeable {

    private static final Logger LOG = Logger.getLogger(GitHubRequests.class);

    /**
     * One GET: how to make it (given the {@code If-None-Match} value or {@code null}), how to
     * parse the body into something worth caching, and how to finish that into the answer at
     * GitHub's time of the response.
     */
    record Request<B, T>(
            String description,
            String cacheKey,
            Function<String, Response> call,
            Function<Response, B> parse,
            BiFunction<B, Instant, T> finish) {}

    private final GitHubApi api;
    private final URI apiUrl;
    private final boolean hasToken;
    private final Redactor redactor;
    private final FailureDescriber failures;
    private final Semaphore permits;
    private final RateLimiter rateLimits;
    private final ResponseCache cache;
    private final RequestMetrics metrics;
    private final Guard guard;
    private final int attempts;

    GitHubRequests(GitHubConfig config, Clock clock) {
        this(config, clock, null);
    }

    GitHubRequests(GitHubConfig config, Clock clock, io.micrometer.core.instrument.MeterRegistry registry) {
        String token = config.token().map(String::trim).filter(t -> !t.isEmpty()).orElse(null);
        this.apiUrl = apiRoot(config.apiUrl());
        this.hasToken = token != null;
        this.redactor = new Redactor(token);
        this.failures = new FailureDescriber(apiUrl, config.connectTimeout(), config.readTimeout(), redactor);
        this.permits = new Semaphore(Math.max(1, config.concurrency()), true);
        this.rateLimits = new RateLimiter(
                clock,
                config.rateLimit().reserve(),
                config.rateLimit().secondaryBackoff(),
                config.rateLimit().secondaryBackoffMax());
        this.cache = new ResponseCache(config.etagCacheSize());
        this.metrics = registry == null ? RequestMetrics.none() : new RequestMetrics(registry, rateLimits::remaining);
        int maxRetries = Math.max(0, config.retry().maxRetries());
        this.attempts = maxRetries + 1;
        this.guard = retryGuard(config, maxRetries);

        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(apiUrl)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .userAgent(config.userAgent().orElseGet(GitHubRequests::defaultUserAgent))
                .followRedirects(false)
                .disableDefaultMapper(true)
                // the adapter's own, redacting request-response logging (DEBUG), never Quarkus'
                // verbatim one nor the Vert.x wire dump of scope "all"
                .loggingScope(LoggingScope.REQUEST_RESPONSE)
                .clientLogger(new RedactingClientLogger(redactor))
                .loggingMaskedHeaders(Set.of("Authorization"));
        if (token != null) {
            builder.register(new AuthorizationFilter(token));
        }
        this.api = builder.build(GitHubApi.class);
    }

    private Guard retryGuard(GitHubConfig config, int maxRetries) {
        long delay = Math.max(0, config.retry().delay().toMillis());
        long maxDelay = Math.max(delay, config.retry().maxDelay().toMillis());
        long perAttempt = config.connectTimeout().toMillis() + config.readTimeout().toMillis();
        long maxDuration = (maxRetries + 1L) * (perAttempt + maxDelay) + 1_000;
        return Guard.create()
                .withDescription("GitHub REST API")
                .withRetry()
                .maxRetries(maxRetries)
                .delay(delay, ChronoUnit.MILLIS)
                .jitter(delay / 5, ChronoUnit.MILLIS)
                .maxDuration(maxDuration, ChronoUnit.MILLIS)
                .retryOn(TransientFailure.class)
                .abortOn(SourceFailure.class)
                .beforeRetry((Throwable failure) -> LOG.debugf("Retrying after: %s", failure.getMessage()))
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(maxDelay, ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
    }

    /** The API root, without a trailing slash. */
    URI apiUrl() {
        return apiUrl;
    }

    GitHubApi api() {
        return api;
    }

    RateLimiter rateLimits() {
        return rateLimits;
    }

    ResponseCache cache() {
        return cache;
    }

    /** Requests waiting for their turn (for tests and diagnostics). */
    int queuedRequests() {
        return permits.getQueueLength();
    }

    /**
     * Makes the request, retrying transient failures.
     *
     * @throws SourceFailure every failure, typed
     */
    @SuppressWarnings("unchecked")
    <B, T> T get(Request<B, T> request) {
        if (!hasToken) {
            throw new SourceFailure.BadCredentials(
                    "No GitHub token is configured: set TIDEMARK_GITHUB_TOKEN (or GITHUB_TOKEN) to a token"
                            + " with push access to the repositories");
        }
        Callable<Object> attempt = () -> attempt(request);
        try {
            return (T) guard.call(attempt, Object.class);
        } catch (SourceFailure e) {
            LOG.debugf("%s: %s", request.description(), e.getMessage());
            throw e;
        } catch (TransientFailure e) {
            String message = e.getMessage() + (attempts > 1 ? " (gave up after " + attempts + " attempts)" : "");
            LOG.debugf("%s", message);
            throw new SourceFailure.Upstream(message, e.getCause());
        } catch (Exception e) {
            throw new SourceFailure.Upstream(
                    request.description() + " failed: " + describe(request.description(), e), redactor.sanitize(e));
        }
    }

    private <B, T> T attempt(Request<B, T> request) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceFailure.Upstream(request.description() + " was interrupted", null);
        }
        try {
            rateLimits.beforeCall();
            ResponseCache.Entry cached = cache.get(request.cacheKey());
            Response response;
            try {
                response = request.call().apply(cached == null ? null : cached.etag());
            } catch (SourceFailure e) {
                throw e;
            } catch (RuntimeException e) {
                throw new TransientFailure(
                        request.description() + " failed: " + describe(request.description(), e), redactor.sanitize(e));
            }
            try (response) {
                return answer(request, cached, response);
            }
        } finally {
            permits.release();
        }
    }

    private <B, T> T answer(Request<B, T> request, ResponseCache.Entry cached, Response response) {
        int status = response.getStatus();
        Instant answeredAt = rateLimits.observe(response);
        metrics.answered(request.description(), status);
        LOG.debugf("%s -> HTTP %d (%s)", request.description(), status, rateLimits.describe());
        if (status / 100 == 2) {
            B body;
            T value;
            try {
                // the whole body first: a connection cut short fails here even when the part
                // that arrived happens to be complete JSON
                response.bufferEntity();
                body = request.parse().apply(response);
                value = request.finish().apply(body, answeredAt);
            } catch (SourceFailure e) {
                throw e;
            } catch (RuntimeException e) {
                throw new TransientFailure(
                        request.description() + ": GitHub's answer (HTTP " + status + ") is unusable: "
                                + describe(request.description(), e),
                        redactor.sanitize(e));
            }
            rateLimits.succeeded();
            cache.put(request.cacheKey(), response.getHeaderString("ETag"), body);
            return value;
        }
        if (status == 304 && cached != null) {
            @SuppressWarnings("unchecked")
            B body = (B) cached.body();
            T value;
            try {
                value = request.finish().apply(body, answeredAt);
            } catch (RuntimeException e) {
                throw new TransientFailure(
                        request.description() + ": the remembered answer is unusable: "
                                + describe(request.description(), e),
                        redactor.sanitize(e));
            }
            rateLimits.succeeded();
            return value;
        }
        String message = gitHubMessage(response);
        String said = "HTTP " + status + (message == null ? "" : ": " + message);
        if (status == 401) {
            throw new SourceFailure.BadCredentials("GitHub rejected the token on " + request.description() + " ("
                    + said + "); set TIDEMARK_GITHUB_TOKEN to a valid token");
        }
        if (status == 403 || status == 429) {
            SourceFailure.RateLimited limited =
                    rateLimits.refusal(status, response, message, request.description());
            if (limited != null) {
                throw limited;
            }
            if (status == 403) {
                throw new SourceFailure.NotPermitted("GitHub refused " + request.description() + " (" + said
                        + "); reading traffic needs a token with push access to the repository");
            }
        }
        if (status == 404 || status == 410) {
            throw new SourceFailure.NotFound("GitHub found nothing at " + request.description() + " (" + said
                    + "): it does not exist or is hidden from the token");
        }
        if (status == 301 || status == 302 || status == 307 || status == 308) {
            throw new SourceFailure.NotFound("GitHub answered " + request.description() + " with a redirect (" + said
                    + "): the repository or owner was renamed or moved; track it under its new name");
        }
        if (status >= 500 || status == 304 || status == 408) {
            throw new TransientFailure(
                    request.description() + " failed on GitHub's side (" + said + ")", null);
        }
        throw new SourceFailure.Upstream("GitHub did not accept " + request.description() + " (" + said + ")", null);
    }

    private String gitHubMessage(Response response) {
        try {
            if (!response.hasEntity()) {
                return null;
            }
            GitHubJson.Error error = response.readEntity(GitHubJson.Error.class);
            if (error == null || error.message() == null || error.message().isBlank()) {
                return null;
            }
            return GitHubMapping.abbreviate(redactor.redact(error.message().strip()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * What {@code failure} means for the request, in plain words for a user (see {@link
     * FailureDescriber}); the technical detail, exception chain included and token redacted, goes
     * to the debug log only.
     */
    private String describe(String description, Throwable failure) {
        String plain = failures.describe(failure);
        LOG.debugf(redactor.sanitize(failure), "%s: %s", description, plain);
        return plain;
    }

    /**
     * The URL of a further page, checked to lie under {@code api-url} (same scheme, host, port and
     * path prefix) so that the token is never sent elsewhere.
     *
     * @throws SourceFailure.Upstream if it does not
     */
    URI pageUrl(String link) {
        URI uri;
        try {
            uri = apiUrl.resolve(link.trim());
        } catch (IllegalArgumentException e) {
            throw new SourceFailure.Upstream("GitHub's pagination link is not a URL", null);
        }
        String basePath = apiUrl.getRawPath() == null ? "" : apiUrl.getRawPath();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        boolean sameOrigin = apiUrl.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
                && apiUrl.getHost() != null
                && apiUrl.getHost().equalsIgnoreCase(String.valueOf(uri.getHost()))
                && port(apiUrl) == port(uri);
        boolean under = basePath.isEmpty() || path.equals(basePath) || path.startsWith(basePath + "/");
        if (!sameOrigin || !under) {
            throw new SourceFailure.Upstream(
                    "GitHub's pagination link leaves the configured API root " + apiUrl + "; not following it", null);
        }
        return uri;
    }

    /** {@code path?query} of a URL under the API root, for descriptions. */
    String relative(URI uri) {
        String basePath = apiUrl.getRawPath() == null ? "" : apiUrl.getRawPath();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String rest = path.startsWith(basePath) ? path.substring(basePath.length()) : path;
        return (rest.isEmpty() ? "/" : rest) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Override
    public void close() {
        if (api instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debugf(redactor.sanitize(e), "Closing the GitHub REST client failed: %s", failures.describe(e));
            }
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    private static URI apiRoot(URI configured) {
        String text = configured.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        URI root = URI.create(text);
        if (root.getScheme() == null || root.getHost() == null
                || !Set.of("http", "https").contains(root.getScheme().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(
                    "tidemark.github.api-url must be an http or https URL, such as https://api.github.com");
        }
        return root;
    }

    static String defaultUserAgent() {
        String version = null;
        try (InputStream in = GitHubRequests.class.getResourceAsStream("tidemark-github.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                version = properties.getProperty("version");
            }
        } catch (IOException e) {
            version = null;
        }
        if (version == null || version.isBlank() || version.startsWith("${")) {
            version = "dev";
        }
        return "tidemark/" + version;
    }

    @Override
    public String toString() {
        return "GitHubRequests[" + apiUrl + ", token " + (hasToken ? Redactor.REDACTED : "missing") + "]";
    }
}
