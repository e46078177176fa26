package io.tidemark.app.graphql;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import io.tidemark.app.config.TidemarkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Sets graphql-java's instrumentation when SmallRye GraphQL builds its engine (SmallRye fires the
 * builder as a CDI event, {@code quarkus.smallrye-graphql.events.enabled=true}): the depth and
 * complexity limits of {@link TidemarkConfig.Graphql} and {@link ErrorCodes}. It replaces the
 * limits SmallRye would otherwise set from {@code quarkus.smallrye-graphql.instrumentation-query-*},
 * which are therefore left unset.
 */
@ApplicationScoped
class GraphQlEngine {

    private final TidemarkConfig.Graphql limits;

    GraphQlEngine(TidemarkConfig config) {
        this.limits = config.graphql();
    }

    void instrument(@Observes GraphQL.Builder builder) {
        builder.instrumentation(new ChainedInstrumentation(List.of(
                new MaxQueryDepthInstrumentation(limits.maxDepth()),
                new MaxQueryComplexityInstrumentation(limits.maxComplexity()),
                new ErrorCodes())));
    }
}
