package io.tidemark.storage.persistence;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.Session;

/**
 * Runs native statements as JDBC batches on the connection (and so in the transaction) of the
 * current Hibernate session.
 */
final class NativeStatements {

    private NativeStatements() {}

    /** Binds one row's parameters. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(Parameters parameters, T row) throws SQLException;
    }

    /** Executes {@code sql} once per row, as one JDBC batch. */
    static <T> void executeBatch(EntityManager entityManager, String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                Parameters parameters = new Parameters(statement);
                for (T row : rows) {
                    parameters.reset();
                    binder.bind(parameters, row);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    /** Positional parameters of one row, bound with JDBC 4.2 java.time types, instants in UTC. */
    static final class Parameters {

        private final PreparedStatement statement;
        private int index;

        private Parameters(PreparedStatement statement) {
            this.statement = statement;
        }

        private void reset() {
            index = 0;
        }

        Parameters add(long value) throws SQLException {
            statement.setLong(++index, value);
            return this;
        }

        Parameters add(int value) throws SQLException {
            statement.setInt(++index, value);
            return this;
        }

        Parameters add(boolean value) throws SQLException {
            statement.setBoolean(++index, value);
            return this;
        }

        Parameters add(String value) throws SQLException {
            statement.setString(++index, value);
            return this;
        }

        Parameters add(LocalDate value) throws SQLException {
            statement.setObject(++index, value);
            return this;
        }

        Parameters add(Instant value) throws SQLException {
            statement.setObject(++index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
            return this;
        }
    }
}
