package io.tidemark.simulator;

import java.time.Duration;
import java.util.Objects;

/** A failure the simulator can inject into its next responses, see {@link Faults}. */
public sealed interface Fault {

    /** Answer with a 5xx status (e.g. 500, 502, 503) and a JSON error body. */
    record ServerError(int status) implements Fault {
        public ServerError {
            if (status < 500 || status > 599) {
                throw new IllegalArgumentException("not a 5xx status: " + status);
            }
        }
    }

    /** Answer normally, but only after {@code delay} (make it longer than the client's timeout). */
    record Slow(Duration delay) implements Fault {
        public Slow {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** Answer 200 with the JSON body cut in half (a complete HTTP message with invalid JSON). */
    record TruncatedBody() implements Fault {}

    /** Answer 200 with a syntactically invalid JSON body. */
    record MalformedBody() implements Fault {}

    /**
     * Answer a {@code per=week} views or clones request with the {@code per=day} answer: valid
     * JSON of the right schema (with its own {@code ETag}) whose buckets are daily timestamps,
     * most of them not Mondays. Only {@code per=week} requests take this fault; other requests
     * pass it by and leave it queued.
     */
    record DailyBucketsForWeeks() implements Fault {}

    /**
     * Send the status line and the headers with the full {@code Content-Length}, then only half the
     * body, then close the connection: the client reads a premature end of the body.
     */
    record CutBody() implements Fault {}

    /** Close the connection without answering: the client reads an end of stream instead of a response. */
    record Disconnect() implements Fault {}

    static Fault serverError(int status) {
        return new ServerError(status);
    }

    static Fault slow(Duration delay) {
        return new Slow(delay);
    }

    static Fault truncatedBody() {
        return new TruncatedBody();
    }

    static Fault malformedBody() {
        return new MalformedBody();
    }

    static Fault cutBody() {
        return new CutBody();
    }

    static Fault disconnect() {
        return new Disconnect();
    }

    static Fault dailyBucketsForWeeks() {
        return new DailyBucketsForWeeks();
    }
}
