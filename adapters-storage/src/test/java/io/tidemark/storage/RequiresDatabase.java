package io.tidemark.storage;

import io.tidemark.core.testing.RequiresPostgres;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Decides, before Quarkus starts, whether the database of this run is there. H2 always is. The
 * PostgreSQL run (Quarkus profile {@code pg}) follows {@link RequiresPostgres}: skipped loudly on a
 * developer machine without the server, failed when the environment variable {@code CI} is
 * {@code true}.
 */
public final class RequiresDatabase implements ExecutionCondition {

    private final RequiresPostgres postgres = new RequiresPostgres();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!isPostgresRun()) {
            return ConditionEvaluationResult.enabled("H2 is embedded");
        }
        return postgres.evaluateExecutionCondition(context);
    }

    static boolean isPostgresRun() {
        return "pg".equals(System.getProperty("quarkus.test.profile"));
    }
}
