package io.tidemark.app.graphql;

import graphql.parser.ParserOptions;
import io.quarkus.runtime.StartupEvent;
import io.tidemark.app.config.TidemarkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Applies the token limit to GraphQL operations. SmallRye GraphQL passes {@code
 * quarkus.smallrye-graphql.parser-max-tokens} to graphql-java's general default parser options,
 * but graphql-java parses operations with its separate operation defaults, so without this the
 * limit would not apply to queries at all.
 */
@ApplicationScoped
public class ParserLimits {

    private final int maxTokens;

    public ParserLimits(TidemarkConfig config) {
        this.maxTokens = config.graphql().maxTokens();
    }

    void onStart(@Observes StartupEvent event) {
        ParserOptions.setDefaultOperationParserOptions(
                ParserOptions.getDefaultOperationParserOptions().transform(options -> options.maxTokens(maxTokens)));
    }
}
