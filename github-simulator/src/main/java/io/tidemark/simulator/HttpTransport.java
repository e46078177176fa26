package io.tidemark.simulator;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server on plain JDK sockets: keep-alive, Content-Length bodies, one thread per
 * connection.
 *
 * <p>Why not {@code com.sun.net.httpserver.HttpServer}: it overwrites the {@code Date} response
 * header with the real time in every {@code sendResponseHeaders} call (JDK 17), and the simulator
 * must send its simulated now there.
 */
final class HttpTransport implements Closeable {

    /** A parsed request; header names are lower case, query parameters decoded (first value). */
    record Request(
            String method, String path, String version, Map<String, String> query, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A response; {@code delay} is waited before it is sent. */
    record Response(int status, Map<String, String> headers, byte[] body, Duration delay) {}

    /** Answers requests; must be thread-safe. */
    interface Handler {
        Response handle(Request request);
    }

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final int IDLE_TIMEOUT_MILLIS = 60_000;

    private final ServerSocket serverSocket;
    private final ExecutorService workers;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile Handler handler;
    private volatile boolean closed;

    /** Binds the server socket; requests are accepted once {@link #start} is called. */
    HttpTransport(InetAddress address, int port) throws IOException {
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(address, port), 128);
        var threads = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "github-simulator-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "github-simulator-acceptor");
        acceptor.setDaemon(true);
    }

    /** Starts accepting connections, answering them with {@code requestHandler}. */
    void start(Handler requestHandler) {
        this.handler = requestHandler;
        acceptor.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.forEach(HttpTransport::closeQuietly);
        workers.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                connections.add(socket);
                workers.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    System.getLogger(HttpTransport.class.getName())
                            .log(System.Logger.Level.WARNING, "accept failed", e);
                }
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return; // closing
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            boolean keepAlive = true;
            while (keepAlive && !closed) {
                Request request;
                try {
                    request = readRequest(in);
                } catch (BadRequest e) {
                    write(out, plain(400, e.getMessage()), false, false);
                    return;
                }
                if (request == null) {
                    return;
                }
                keepAlive = keepAlive(request);
                Response response;
                try {
                    response = handler.handle(request);
                } catch (RuntimeException e) {
                    response = plain(500, "simulator error: " + e);
                }
                if (!response.delay().isZero()) {
                    Thread.sleep(response.delay().toMillis());
                }
                write(out, response, keepAlive, request.method().equals("HEAD"));
            }
        } catch (SocketTimeoutException | SocketException e) {
            // idle or closed by the client (e.g. a client timeout during a slow response)
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down
        } finally {
            connections.remove(socket);
        }
    }

    private static boolean keepAlive(Request request) {
        String connection = request.header("connection");
        connection = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
        if (connection.contains("close")) {
            return false;
        }
        return !"HTTP/1.0".equals(request.version()) || connection.contains("keep-alive");
    }

    private static Request readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(in); // tolerate stray CRLF between requests
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new BadRequest("bad request line");
        }
        var headers = new LinkedHashMap<String, String>();
        for (int i = 0; ; i++) {
            String line = readLine(in);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || i >= MAX_HEADERS) {
                throw new BadRequest("bad header");
            }
            headers.merge(
                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        if (headers.containsKey("transfer-encoding")) {
            throw new BadRequest("chunked request bodies are not supported");
        }
        String length = headers.get("content-length");
        if (length != null) {
            long n;
            try {
                n = Long.parseLong(length);
            } catch (NumberFormatException e) {
                throw new BadRequest("bad content-length");
            }
            in.skipNBytes(n);
        }
        String target = parts[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        var query = new LinkedHashMap<String, String>();
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.putIfAbsent(name, value);
            }
        }
        return new Request(parts[0], path, parts[2], query, headers);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("bad escape in " + s);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new BadRequest("line too long");
            }
            line.write(b);
        }
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static void write(OutputStream out, Response response, boolean keepAlive, boolean head)
            throws IOException {
        var head1 = new StringBuilder()
                .append("HTTP/1.1 ").append(response.status()).append(' ')
                .append(reason(response.status())).append("\r\n");
        response.headers().forEach((name, value) ->
                head1.append(name).append(": ").append(value).append("\r\n"));
        boolean noBody = response.status() == 304 || response.status() == 204;
        if (!noBody) {
            head1.append("Content-Length: ").append(response.body().length).append("\r\n");
        }
        if (!keepAlive) {
            head1.append("Connection: close\r\n");
        }
        head1.append("\r\n");
        out.write(head1.toString().getBytes(StandardCharsets.UTF_8));
        if (!noBody && !head) {
            out.write(response.body());
        }
        out.flush();
    }

    static Response plain(int status, String message) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "text/plain; charset=utf-8");
        return new Response(status, headers, message.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** A request the server cannot parse. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
