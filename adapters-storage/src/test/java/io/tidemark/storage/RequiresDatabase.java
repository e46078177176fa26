package io.tidemark.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Decides, before Quarkus starts, whether the database of this run is there. H2 always is. On
 * the PostgreSQL run (Quarkus profile {@code pg}) an unreachable server skips the suite with a
 * loud message on a developer machine, and fails it when the environment variable {@code CI} is
 * {@code true}.
 */
public final class RequiresDatabase implements ExecutionCondition {

    private static volatile String postgresProblem;
    private static volatile boolean probed;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!isPostgresRun()) {
            return ConditionEvaluationResult.enabled("H2 is embedded");
        }
        String problem = probePostgres();
        if (problem == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL is reachable at " + url());
        }
        String message = "PostgreSQL is not reachable at " + url() + " as user " + user() + ": " + problem;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + " -- CI=true, so the PostgreSQL run must not be skipped;"
                    + " start it, e.g. pg_ctlcluster --skip-systemctl-redirect <version> main start");
        }
        System.err.println();
        System.err.println("*".repeat(100));
        System.err.println("* SKIPPING THE POSTGRESQL RUN OF " + context.getDisplayName());
        System.err.println("* " + message);
        System.err.println("* Start PostgreSQL to run it (CI=true makes this a failure).");
        System.err.println("*".repeat(100));
        System.err.println();
        return ConditionEvaluationResult.disabled("SKIPPED ON POSTGRESQL: " + message);
    }

    static boolean isPostgresRun() {
        return "pg".equals(System.getProperty("quarkus.test.profile"));
    }

    private static synchronized String probePostgres() {
        if (!probed) {
            DriverManager.setLoginTimeout(5);
            try (Connection connection = DriverManager.getConnection(url(), user(), password())) {
                connection.isValid(5);
                postgresProblem = null;
            } catch (SQLException e) {
                postgresProblem = e.getMessage();
            }
            probed = true;
        }
        return postgresProblem;
    }

    private static String url() {
        return "jdbc:postgresql://" + System.getProperty("tidemark.test.pg.host", "127.0.0.1") + ":"
                + System.getProperty("tidemark.test.pg.port", "5432") + "/"
                + System.getProperty("tidemark.test.pg.database", "test");
    }

    private static String user() {
        return System.getProperty("tidemark.test.pg.user", "postgres");
    }

    private static String password() {
        return System.getProperty("tidemark.test.pg.password", "");
    }
}
