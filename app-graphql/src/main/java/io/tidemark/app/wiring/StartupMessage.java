package io.tidemark.app.wiring;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Tells a newcomer where to go once the server is up. */
@ApplicationScoped
public class StartupMessage {

    private static final Logger LOG = Logger.getLogger(StartupMessage.class);

    private final int port;
    private final String database;

    public StartupMessage(
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String database) {
        this.port = port;
        this.database = database;
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof("Tidemark is ready on %s: GraphQL at http://localhost:%d/graphql, GraphiQL at"
                + " http://localhost:%d/q/graphql-ui (send the header Authorization: Bearer <token>)",
                database, port, port);
    }
}
