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
 * limit would not apply to queries at all. The limit counts the document's tokens as GraphQL
 * defines them (punctuators, names, values), not graphql-java's end-of-document token.
 */
@ApplicationScoped
public class ParserLimits {

    private final int maxTokens;

    public ParserLimits(TidemarkConfig config) {
        this.maxTokens = config.graphql().maxTokens();
    }

    void onStart(@Observes StartupEvent event) {
        ParserOptions.setDefaultOperationParserOptions(
                ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> options.maxTokens(parserMaxTokens(maxTokens))));
    }

    /**
     * graphql-java's token limit for a document of at most {@code maxTokens} tokens: its parser
     * counts the end of the document as one more token, so a document of exactly {@code
     * maxTokens} punctuators, names and values would otherwise be refused.
     */
    static int parserMaxTokens(int maxTokens) {
        return maxTokens == Integer.MAX_VALUE ? maxTokens : maxTokens + 1;
    }
}
