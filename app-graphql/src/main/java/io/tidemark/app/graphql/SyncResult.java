package io.tidemark.app.graphql;

import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public class SyncResult {

    private final Repository repository;
    private final Instant syncedAt;

    SyncResult(Repository repository, Instant syncedAt) {
        this.repository = repository;
        this.syncedAt = syncedAt;
    }

    @NonNull
    public Repository getRepository() {
        return repository;
    }

    @NonNull
    @Description("When this fetch happened.")
    public Instant getSyncedAt() {
        return syncedAt;
    }
}
