package io.tidemark.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when PostgreSQL answers on 127.0.0.1:5432. On a developer's machine a
 * missing PostgreSQL skips it with a loud message; in CI ({@code CI=true}) it fails the build.
 */
public class PostgresAvailable implements ExecutionCondition {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try (Connection ignored = DriverManager.getConnection(URL, "postgres", "")) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + URL);
        } catch (SQLException unreachable) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true and PostgreSQL does not answer at " + URL
                        + ": the PostgreSQL suite must run in CI", unreachable);
            }
            String message = "SKIPPING " + context.getDisplayName() + ": PostgreSQL does not answer at " + URL;
            System.err.println("\n" + "*".repeat(message.length()) + "\n" + message + "\n" + "*".repeat(message.length()));
            return ConditionEvaluationResult.disabled(message);
        }
    }
}
