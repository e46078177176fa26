package io.tidemark.app.graphql;

import org.eclipse.microprofile.graphql.Description;

@Description("Since 2.")
public enum RepositoryOrderField {
    NAME,
    VIEWS,
    CLONES,
    STARS;

    io.tidemark.core.model.RepositoryOrder.Field toCore() {
        return io.tidemark.core.model.RepositoryOrder.Field.valueOf(name());
    }
}
