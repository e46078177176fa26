package io.tidemark.app.graphql;

import graphql.GraphQL;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sets graphql-java's instrumentation when SmallRye GraphQL builds its engine (SmallRye fires the
 * builder as a CDI event, {@code quarkus.smallrye-graphql.events.enabled=true}): {@link
 * ErrorCodes}, which gives every error its code. The depth, complexity and token limits are
 * checked before a document reaches graphql-java, by {@link RequestGate}, because graphql-java's
 * own depth and complexity instrumentations walk the document with its fragments expanded, which
 * a small document can make exponentially large; SmallRye's {@code
 * quarkus.smallrye-graphql.instrumentation-query-*} settings are therefore left unset.
 */
@ApplicationScoped
class GraphQlEngine {

    void instrument(@Observes GraphQL.Builder builder) {
        builder.instrumentation(new ErrorCodes());
    }
}
