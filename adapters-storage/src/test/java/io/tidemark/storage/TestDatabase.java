package io.tidemark.storage;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Plain JDBC access to the test database, beside the store: cleaning, counting, migrating. */
@ApplicationScoped
public class TestDatabase {

    /** Every table, children first. */
    static final List<String> TABLES = List.of(
            "stars_backfill",
            "release_asset_sighting",
            "release_sighting",
            "repository_release",
            "release_list",
            "repository_stats",
            "referrer_entry",
            "referrer_snapshot",
            "path_entry",
            "path_snapshot",
            "window_totals",
            "traffic_bucket",
            "repository",
            "tracked_owner");

    private final AgroalDataSource dataSource;

    public TestDatabase(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Deletes every row, so each test starts from an empty, fully migrated schema. */
    public void clean() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String table) {
        return ((Number) rows("SELECT COUNT(*) FROM " + table).get(0).get(0)).longValue();
    }

    /** Rows of every table together. */
    public long countAll() {
        long total = 0;
        for (String table : TABLES) {
            total += count(table);
        }
        return total;
    }

    /** The rows of a query, each a list of column values. */
    public List<List<Object>> rows(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A Flyway over the test database configured like the application's (same locations and
     * schemas), which may clean: for migration tests only.
     */
    public Flyway flyway(String target) {
        var config = ConfigProvider.getConfig();
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(config.getValue("quarkus.flyway.locations", String[].class))
                .cleanDisabled(false)
                .target(target);
        config.getOptionalValue("quarkus.flyway.schemas", String[].class).ifPresent(flyway::schemas);
        return flyway.load();
    }
}
