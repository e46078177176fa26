package io.tidemark.app.graphql;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonException;

/**
 * Answers a request body of the wrong shape (say {@code "variables": 5} or a numeric {@code
 * operationName}) with HTTP 400 and a GraphQL error coded {@code BAD_REQUEST}. SmallRye GraphQL
 * fails such a request with a ClassCastException, which would otherwise become an HTTP 500 page and
 * an error with a stack trace in the server log. Other failures go on to Quarkus's handlers.
 */
@ApplicationScoped
class MalformedRequests {

    static final String CODE = "BAD_REQUEST";

    void register(@Observes Router router) {
        router.route("/graphql").order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    void answer(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().headWritten() || !(failure instanceof ClassCastException || failure instanceof JsonException)) {
            context.next();
            return;
        }
        JsonObject error = new JsonObject()
                .put("message", "the request body must be a JSON object with a string \"query\", an optional object"
                        + " \"variables\" and an optional string \"operationName\"")
                .put("extensions", new JsonObject().put("code", CODE));
        context.response()
                .setStatusCode(400)
                .putHeader("Content-Type", "application/graphql-response+json; charset=UTF-8")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
