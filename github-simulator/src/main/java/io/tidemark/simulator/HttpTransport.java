package io.tidemark.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The simulator's HTTP/1.1 server, on Vert.x core (its own {@link Vertx} instance, closed with the
 * transport). Requests are answered off the event loop, in parallel, by a {@link Handler} that
 * knows nothing of Vert.x; the transport writes its {@link Response} exactly as given (the {@code
 * Date} header included: Vert.x does not set one), after the response's delay, and can cut the
 * body and the connection for the faults that need it.
 *
 * <p>HTTP/2 clear-text upgrades are declined (GitHub's API clients speak HTTP/1.1 to the
 * simulator, and a client asking for {@code h2c} falls back to HTTP/1.1).
 */
final class HttpTransport implements Closeable {

    /** A parsed request; header names are lower case, query parameters decoded (first value). */
    record Request(
            String method, String path, String version, Map<String, String> query, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** How a response reaches the client. */
    enum Delivery {
        /** The whole response. */
        COMPLETE,
        /** The status line, the headers (with the full {@code Content-Length}), half the body, then the connection is closed. */
        CUT_BODY,
        /** Nothing: the connection is closed without an answer. */
        DISCONNECT
    }

    /** A response; {@code delay} is waited (without holding a thread) before it is sent. */
    record Response(int status, Map<String, String> headers, byte[] body, Duration delay, Delivery delivery) {
        Response(int status, Map<String, String> headers, byte[] body, Duration delay) {
            this(status, headers, body, delay, Delivery.COMPLETE);
        }
    }

    /** Answers requests; must be thread-safe (it is called on worker threads, in parallel). */
    interface Handler {
        Response handle(Request request);
    }

    private static final int IDLE_TIMEOUT_SECONDS = 60;
    private static final long CLOSE_TIMEOUT_SECONDS = 10;

    private final Vertx vertx;
    private final HttpServer server;
    private volatile Handler handler;

    /** Starts listening; requests are answered 503 until {@link #start} gives the handler. */
    HttpTransport(InetAddress address, int port) throws IOException {
        this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(2)
                .setWorkerPoolSize(16)
                .setFileSystemOptions(new FileSystemOptions()
                        .setClassPathResolvingEnabled(false)
                        .setFileCachingEnabled(false)));
        this.server = vertx.createHttpServer(new HttpServerOptions()
                .setHost(address.getHostAddress())
                .setPort(port)
                .setReuseAddress(true)
                .setTcpNoDelay(true)
                .setHttp2ClearTextEnabled(false)
                .setCompressionSupported(false)
                .setIdleTimeout(IDLE_TIMEOUT_SECONDS)
                .setIdleTimeoutUnit(TimeUnit.SECONDS));
        server.requestHandler(this::serve);
        try {
            await(server.listen());
        } catch (IOException e) {
            await(vertx.close());
            throw e;
        }
    }

    /** Starts answering requests with {@code requestHandler}. */
    void start(Handler requestHandler) {
        this.handler = Objects.requireNonNull(requestHandler, "requestHandler");
    }

    int port() {
        return server.actualPort();
    }

    /** Stops listening, closes every connection and the Vert.x instance. */
    @Override
    public void close() {
        try {
            await(vertx.close());
        } catch (IOException e) {
            System.getLogger(HttpTransport.class.getName())
                    .log(System.Logger.Level.WARNING, "closing the GitHub simulator failed", e);
        }
    }

    private void serve(HttpServerRequest request) {
        Request parsed;
        try {
            parsed = parse(request);
        } catch (BadRequest e) {
            send(request, plain(400, e.getMessage()));
            return;
        }
        Handler current = handler;
        if (current == null) {
            send(request, plain(503, "the simulator is starting"));
            return;
        }
        vertx.executeBlocking(() -> current.handle(parsed), false).onComplete(result -> {
            Response response = result.succeeded()
                    ? result.result()
                    : plain(500, "simulator error: " + result.cause());
            if (response.delay().isZero() || response.delay().isNegative()) {
                send(request, response);
            } else {
                vertx.setTimer(Math.max(1, response.delay().toMillis()), id -> send(request, response));
            }
        });
    }

    private static void send(HttpServerRequest request, Response response) {
        HttpServerResponse out = request.response();
        if (out.closed() || out.ended()) {
            return; // the client went away (e.g. its timeout during a slow response)
        }
        if (response.delivery() == Delivery.DISCONNECT) {
            request.connection().close();
            return;
        }
        out.setStatusCode(response.status());
        response.headers().forEach(out::putHeader);
        if (request.version() == HttpVersion.HTTP_1_0 && !keepAlive(request)) {
            out.putHeader("Connection", "close");
        }
        boolean noBody = response.status() == 304 || response.status() == 204;
        try {
            if (noBody) {
                out.end();
            } else if (response.delivery() == Delivery.CUT_BODY) {
                byte[] body = response.body();
                out.putHeader("Content-Length", Integer.toString(body.length));
                out.write(Buffer.buffer(Arrays.copyOf(body, body.length / 2)))
                        .onComplete(written -> request.connection().close());
            } else {
                out.putHeader("Content-Length", Integer.toString(response.body().length));
                out.end(Buffer.buffer(response.body()));
            }
        } catch (IllegalStateException e) {
            // closed meanwhile
        }
    }

    private static boolean keepAlive(HttpServerRequest request) {
        String connection = request.getHeader("connection");
        return connection != null && connection.toLowerCase(Locale.ROOT).contains("keep-alive");
    }

    private static Request parse(HttpServerRequest request) {
        var headers = new LinkedHashMap<String, String>();
        request.headers().forEach(header -> headers.merge(
                header.getKey().toLowerCase(Locale.ROOT), header.getValue().trim(), (a, b) -> a + ", " + b));
        var query = new LinkedHashMap<String, String>();
        String raw = request.query();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.putIfAbsent(name, value);
            }
        }
        String version = switch (request.version()) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_1_1 -> "HTTP/1.1";
            case HTTP_2 -> "HTTP/2";
        };
        return new Request(request.method().name(), request.path(), version, query, headers);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("bad escape in " + s);
        }
    }

    static Response plain(int status, String message) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "text/plain; charset=utf-8");
        return new Response(status, headers, message.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    }

    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("timed out", e);
        }
    }

    /** A request the server cannot parse. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
