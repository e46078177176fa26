package io.tidemark.core.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when the PostgreSQL server of the tests answers. On a developer's machine
 * a missing server skips the class with a loud message; in CI it fails the class instead, because
 * CI must never skip the PostgreSQL suites. CI is recognised by the environment variable {@code CI}
 * being set to any value but an empty one, {@code false}, {@code 0} or {@code no} (in any case):
 * {@code CI=true}, {@code CI=1} and {@code CI=yes} all count (see {@link #isCi(String)}).
 *
 * <p>The server is given by the system properties {@code test.pg.host}, {@code .port},
 * {@code .database}, {@code .user} and {@code .password} (defaults: 127.0.0.1, 5432, test,
 * postgres, empty). The PostgreSQL JDBC driver has to be on the test class path. The probe runs
 * once per JVM.
 */
public final class RequiresPostgres implements ExecutionCondition {

    private static String problem;
    private static boolean probed;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String problem = probe();
        if (problem == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + jdbcUrl());
        }
        String message = "PostgreSQL does not answer at " + jdbcUrl() + " as user " + user() + ": " + problem;
        String ci = System.getenv("CI");
        if (isCi(ci)) {
            throw new IllegalStateException(message + " -- CI=" + ci + ", so " + context.getDisplayName()
                    + " must not be skipped; start PostgreSQL, e.g. pg_ctlcluster --skip-systemctl-redirect <version> main start");
        }
        loudly("SKIPPING " + context.getDisplayName(), message, "Start PostgreSQL to run it (with CI set, e.g. CI=true or CI=1, this is a failure).");
        return ConditionEvaluationResult.disabled("SKIPPED, NO POSTGRESQL: " + message);
    }

    /** Whether this build runs in CI, by {@link #isCi(String)} on the environment's {@code CI}. */
    public static boolean inCi() {
        return isCi(System.getenv("CI"));
    }

    /**
     * Whether the value of the environment variable {@code CI} says the build runs in CI: any
     * value that is not absent, empty (or blank), {@code false}, {@code 0} or {@code no},
     * ignoring case and surrounding spaces. CI services set {@code CI} to {@code true}, {@code 1}
     * or their own names, and a missing PostgreSQL must fail all of them.
     *
     * @param value the value of {@code CI}, null when it is not set
     */
    public static boolean isCi(String value) {
        if (value == null) {
            return false;
        }
        String normalized = value.strip().toLowerCase(Locale.ROOT);
        return !normalized.isEmpty()
                && !normalized.equals("false")
                && !normalized.equals("0")
                && !normalized.equals("no");
    }

    /** The JDBC URL of the test server, without parameters. */
    public static String jdbcUrl() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + System.getProperty("test.pg.database", "test");
    }

    /** The host of the test server. */
    public static String host() {
        return System.getProperty("test.pg.host", "127.0.0.1");
    }

    /** The port of the test server. */
    public static String port() {
        return System.getProperty("test.pg.port", "5432");
    }

    /** The user of the test server. */
    public static String user() {
        return System.getProperty("test.pg.user", "postgres");
    }

    /** The password of the test server (trust authentication: usually empty). */
    public static String password() {
        return System.getProperty("test.pg.password", "");
    }

    /** Prints a framed message to standard error, where a skipped suite cannot be overlooked. */
    public static void loudly(String... lines) {
        System.err.println();
        System.err.println("*".repeat(100));
        for (String line : lines) {
            System.err.println("* " + line);
        }
        System.err.println("*".repeat(100));
        System.err.println();
    }

    private static synchronized String probe() {
        if (!probed) {
            DriverManager.setLoginTimeout(5);
            try (Connection connection = DriverManager.getConnection(jdbcUrl(), user(), password())) {
                connection.isValid(5);
                problem = null;
            } catch (SQLException e) {
                problem = e.getMessage();
            }
            probed = true;
        }
        return problem;
    }
}
