package io.tidemark.app.graphql;

import org.eclipse.microprofile.graphql.Description;

@Description("Since 2.")
public enum OrderDirection {
    ASC,
    DESC;

    io.tidemark.core.model.RepositoryOrder.Direction toCore() {
        return io.tidemark.core.model.RepositoryOrder.Direction.valueOf(name());
    }
}
