package io.tidemark.github;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A minimal scripted GitHub on a loopback port (a raw HTTP/1.1 socket server, so that tests
 * control every header, {@code Date} included, and can cut a body short or a connection off):
 * replies per path, every request recorded. For exact wire-level cases; behaviour against a
 * realistic GitHub is tested with the github-simulator.
 */
final class StubGitHub implements AutoCloseable {

    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** A request as the stub saw it; header names in lower case. */
    record Recorded(String method, String path, String rawQuery, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** How a scripted reply ends the exchange, other than with a complete answer. */
    enum Ending {
        /** A complete answer. */
        ANSWER,
        /** No answer at all until the stub closes. */
        HANG,
        /** The head declares twice the bytes of the body, then the connection closes. */
        CUT,
        /** The connection closes without a byte of answer. */
        CLOSE,
        /** The connection is reset (TCP RST) without a byte of answer. */
        RESET
    }

    /** A scripted reply; {@code ending} says whether it is answered in full. */
    record Reply(int status, Map<String, String> headers, String body, Ending ending) {

        static Reply json(int status, String body) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json; charset=utf-8");
            return new Reply(status, headers, body, Ending.ANSWER);
        }

        static Reply ok(String body) {
            return json(200, body);
        }

        static Reply error(int status, String message) {
            return json(status, "{\"message\":\"" + message + "\",\"documentation_url\":\"https://docs.github.com/rest\"}");
        }

        static Reply hanging() {
            return new Reply(200, Map.of(), "", Ending.HANG);
        }

        static Reply cutOff(String body) {
            return new Reply(200, json(200, body).headers(), body, Ending.CUT);
        }

        static Reply closed() {
            return new Reply(200, Map.of(), "", Ending.CLOSE);
        }

        static Reply reset() {
            return new Reply(200, Map.of(), "", Ending.RESET);
        }

        Reply header(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Reply(status, copy, body, ending);
        }

        Reply date(Instant at) {
            return header("Date", HTTP_DATE.format(at));
        }

        Reply rateLimit(int limit, int remaining, Instant reset) {
            return header("x-ratelimit-limit", Integer.toString(limit))
                    .header("x-ratelimit-remaining", Integer.toString(remaining))
                    .header("x-ratelimit-reset", Long.toString(reset.getEpochSecond()));
        }
    }

    private final ServerSocket server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Recorded, Reply>> routes = new ConcurrentHashMap<>();

    StubGitHub() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor.execute(this::accept);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Answers {@code path} (without query) with {@code handler}. */
    StubGitHub on(String path, Function<Recorded, Reply> handler) {
        routes.put(path, handler);
        return this;
    }

    /** Answers {@code path} with these replies in turn, the last one from then on. */
    StubGitHub on(String path, Reply... replies) {
        Deque<Reply> queue = new ArrayDeque<>(List.of(replies));
        return on(path, request -> {
            synchronized (queue) {
                return queue.size() > 1 ? queue.poll() : queue.peek();
            }
        });
    }

    List<Recorded> requests() {
        return new ArrayList<>(requests);
    }

    long count(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                executor.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** HTTP/1.1, one request per connection (GET only: no request bodies). */
    private void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            if (requestLine == null) {
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                            (a, b) -> a + "," + b);
                }
            }
            String[] parts = requestLine.split(" ");
            URI target = URI.create(parts[1]);
            Recorded request = new Recorded(parts[0], target.getRawPath(), target.getRawQuery(), Map.copyOf(headers));
            requests.add(request);
            Function<Recorded, Reply> route = routes.get(request.path());
            Reply reply = route == null ? Reply.error(404, "Not Found") : route.apply(request);
            switch (reply.ending()) {
                case HANG -> {
                    closing.await();
                    return;
                }
                case CLOSE -> {
                    return;
                }
                case RESET -> {
                    socket.setSoLinger(true, 0);
                    return;
                }
                default -> {
                    // answered below
                }
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(reply.status()).append(' ')
                    .append(reason(reply.status())).append("\r\n");
            reply.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            long length = reply.status() == 304 ? -1 : reply.ending() == Ending.CUT ? body.length * 2L : body.length;
            if (length >= 0) {
                head.append("Content-Length: ").append(length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (reply.status() != 304) {
                out.write(body);
            }
            out.flush();
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 304 -> "Not Modified";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            default -> status >= 500 ? "Server Error" : "Status";
        };
    }

    @Override
    public void close() {
        closing.countDown();
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        executor.shutdownNow();
    }
}
