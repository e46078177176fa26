package io.tidemark.storage.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;

/**
 * The counters and releases of repositories ({@code repository_stats}, {@code release_list},
 * {@code repository_release}, {@code release_sighting}, {@code release_asset_sighting}), in plain
 * SQL on the connection (and so in the transaction) of the current Hibernate session. The caller
 * checks arguments and, for release writes, holds the repository's row lock.
 */
@ApplicationScoped
public class StatsRepository {

    /** A kept day of counters of a repository; {@code day} null for a known repository without any. */
    public record StatsRow(String key, String ownerName, String repoName, LocalDate day, Integer[] counters) {}

    /** A release as last seen. */
    public record ReleaseRow(long id, String tagName, String name, Instant publishedAt) {}

    /** One asset of a release on one day; {@code assetId} null for a day the release had no asset. */
    public record AssetRow(long releaseId, LocalDate day, Long assetId, String assetName, Integer downloadCount) {}

    /** An asset to keep: its id, name and counter. */
    public record Asset(long id, String name, int downloadCount) {}

    private final EntityManager entityManager;

    public StatsRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Keeps a sighting of counters ({@code counters} in the order of {@link SqlDialect#counters()},
     * null where not seen) with one upsert: per counter, the latest seen.
     */
    public void upsertStats(long repositoryId, LocalDate day, Integer[] counters, Instant seenAt) {
        String sql = SqlDialect.of(entityManager).upsertStatsLatest;
        work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 0;
                statement.setLong(++i, repositoryId);
                statement.setObject(++i, day);
                for (Integer counter : counters) {
                    if (counter == null) {
                        statement.setNull(++i, Types.INTEGER);
                        statement.setNull(++i, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        statement.setInt(++i, counter);
                        statement.setObject(++i, utc(seenAt));
                    }
                }
                statement.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Every known repository among {@code keys}, each with its days in the inclusive range (either
     * end null for open), ordered by key then day; a known repository without days yields one row
     * without a day.
     */
    public List<StatsRow> stats(Collection<String> keys, LocalDate since, LocalDate until) {
        if (keys.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT r.repo_key, r.owner_name, r.repo_name, s.stats_day, s.stars, s.forks, s.watchers, s.open_issues"
                + " FROM repository r LEFT JOIN repository_stats s ON s.repository_id = r.id"
                + (since == null ? "" : " AND s.stats_day >= ?")
                + (until == null ? "" : " AND s.stats_day <= ?")
                + " WHERE r.repo_key IN (" + placeholders(keys.size()) + ") ORDER BY r.repo_key, s.stats_day";
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 0;
                if (since != null) {
                    statement.setObject(++i, since);
                }
                if (until != null) {
                    statement.setObject(++i, until);
                }
                for (String key : keys) {
                    statement.setString(++i, key);
                }
                List<StatsRow> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        Integer[] counters = new Integer[4];
                        for (int c = 0; c < 4; c++) {
                            counters[c] = integer(result, 5 + c);
                        }
                        rows.add(new StatsRow(result.getString(1), result.getString(2), result.getString(3),
                                result.getObject(4, LocalDate.class), counters));
                    }
                }
                return rows;
            }
        });
    }

    /** Per known repository among {@code keys} with stars kept: key, owner, name and the stars of its latest such day. */
    public List<StatsRow> latestStars(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT r.repo_key, r.owner_name, r.repo_name, s.stats_day, s.stars"
                + " FROM repository r JOIN repository_stats s ON s.repository_id = r.id"
                + " WHERE r.repo_key IN (" + placeholders(keys.size()) + ") AND s.stars IS NOT NULL"
                + " AND s.stats_day = (SELECT MAX(l.stats_day) FROM repository_stats l"
                + "     WHERE l.repository_id = r.id AND l.stars IS NOT NULL)"
                + " ORDER BY r.repo_key";
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 0;
                for (String key : keys) {
                    statement.setString(++i, key);
                }
                List<StatsRow> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(new StatsRow(result.getString(1), result.getString(2), result.getString(3),
                                result.getObject(4, LocalDate.class), new Integer[] {result.getInt(5), null, null, null}));
                    }
                }
                return rows;
            }
        });
    }

    /** When the kept release list of the day was fetched, or null when none is kept. */
    /** The stars backfill progress of a repository, or null. */
    public io.tidemark.core.model.StarsBackfill starsBackfill(long repositoryId) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT next_page, pending_from, call_day, calls_on_call_day, complete FROM stars_backfill"
                            + " WHERE repository_id = ?")) {
                statement.setLong(1, repositoryId);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next()
                            ? new io.tidemark.core.model.StarsBackfill(result.getInt(1),
                                    result.getObject(2, LocalDate.class), result.getObject(3, LocalDate.class),
                                    result.getInt(4), result.getBoolean(5))
                            : null;
                }
            }
        });
    }

    /** Replaces the stars backfill progress of a repository (the caller holds its row lock). */
    public void saveStarsBackfill(long repositoryId, io.tidemark.core.model.StarsBackfill progress) {
        work(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM stars_backfill WHERE repository_id = ?")) {
                delete.setLong(1, repositoryId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO stars_backfill (repository_id, next_page, pending_from, call_day, calls_on_call_day,"
                            + " complete) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, repositoryId);
                insert.setInt(2, progress.nextPage());
                insert.setObject(3, progress.pendingFrom(), Types.DATE);
                insert.setObject(4, progress.callDay(), Types.DATE);
                insert.setInt(5, progress.callsOnCallDay());
                insert.setBoolean(6, progress.complete());
                return insert.executeUpdate();
            }
        });
    }

    public Instant releaseListFetchedAt(long repositoryId, LocalDate day) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT fetched_at FROM release_list WHERE repository_id = ? AND list_day = ?")) {
                statement.setLong(1, repositoryId);
                statement.setObject(2, day);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() ? result.getObject(1, OffsetDateTime.class).toInstant() : null;
                }
            }
        });
    }

    /**
     * Makes the list fetched at {@code fetchedAt} the one of its day: records it, and forgets the
     * sightings of that day (the caller then keeps the list's own).
     */
    public void replaceReleaseList(long repositoryId, LocalDate day, Instant fetchedAt, boolean known) {
        work(connection -> {
            if (known) {
                update(connection, "UPDATE release_list SET fetched_at = ? WHERE repository_id = ? AND list_day = ?",
                        utc(fetchedAt), repositoryId, day);
                update(connection, "DELETE FROM release_sighting WHERE seen_day = ? AND release_id IN"
                        + " (SELECT id FROM repository_release WHERE repository_id = ?)", day, repositoryId);
            } else {
                update(connection, "INSERT INTO release_list (repository_id, list_day, fetched_at) VALUES (?, ?, ?)",
                        repositoryId, day, utc(fetchedAt));
            }
            return null;
        });
    }

    /**
     * Keeps one release of a list: its latest form (when this list is not older than the one it
     * was last seen in), its sighting of {@code day} and the assets of that sighting.
     */
    public void keepRelease(long repositoryId, LocalDate day, Instant fetchedAt, String tagName, String name,
            Instant publishedAt, List<Asset> assets) {
        work(connection -> {
            Long id = null;
            Instant lastSeen = null;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, last_seen_at FROM repository_release WHERE repository_id = ? AND tag_name = ?")) {
                statement.setLong(1, repositoryId);
                statement.setString(2, tagName);
                try (ResultSet result = statement.executeQuery()) {
                    if (result.next()) {
                        id = result.getLong(1);
                        lastSeen = result.getObject(2, OffsetDateTime.class).toInstant();
                    }
                }
            }
            if (id == null) {
                update(connection, "INSERT INTO repository_release (repository_id, tag_name, release_name, published_at,"
                        + " last_seen_at) VALUES (?, ?, ?, ?, ?)",
                        repositoryId, tagName, text(name), instant(publishedAt), utc(fetchedAt));
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT id FROM repository_release WHERE repository_id = ? AND tag_name = ?")) {
                    statement.setLong(1, repositoryId);
                    statement.setString(2, tagName);
                    try (ResultSet result = statement.executeQuery()) {
                        result.next();
                        id = result.getLong(1);
                    }
                }
            } else if (!lastSeen.isAfter(fetchedAt)) {
                update(connection, "UPDATE repository_release SET release_name = ?, published_at = ?, last_seen_at = ?"
                        + " WHERE id = ?", text(name), instant(publishedAt), utc(fetchedAt), id);
            }
            update(connection, "INSERT INTO release_sighting (release_id, seen_day) VALUES (?, ?)", id, day);
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO release_asset_sighting"
                    + " (release_id, seen_day, asset_index, asset_id, asset_name, download_count) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < assets.size(); i++) {
                    Asset asset = assets.get(i);
                    statement.setLong(1, id);
                    statement.setObject(2, day);
                    statement.setInt(3, i);
                    statement.setLong(4, asset.id());
                    statement.setString(5, asset.name());
                    statement.setInt(6, asset.downloadCount());
                    statement.addBatch();
                }
                if (!assets.isEmpty()) {
                    statement.executeBatch();
                }
            }
            return null;
        });
    }

    /** The releases of a repository as last seen, newest first (drafts first, ties by tag), at most {@code limit}. */
    public List<ReleaseRow> releases(long repositoryId, int limit) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, tag_name, release_name, published_at FROM repository_release WHERE repository_id = ?"
                            + " ORDER BY CASE WHEN published_at IS NULL THEN 0 ELSE 1 END, published_at DESC, tag_name"
                            + " FETCH FIRST " + limit + " ROWS ONLY")) {
                statement.setLong(1, repositoryId);
                List<ReleaseRow> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        OffsetDateTime published = result.getObject(4, OffsetDateTime.class);
                        rows.add(new ReleaseRow(result.getLong(1), result.getString(2), result.getString(3),
                                published == null ? null : published.toInstant()));
                    }
                }
                return rows;
            }
        });
    }

    /** The sightings of the releases, by release, day and asset order. */
    public List<AssetRow> sightings(Collection<Long> releaseIds) {
        if (releaseIds.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT s.release_id, s.seen_day, a.asset_id, a.asset_name, a.download_count"
                + " FROM release_sighting s LEFT JOIN release_asset_sighting a"
                + " ON a.release_id = s.release_id AND a.seen_day = s.seen_day"
                + " WHERE s.release_id IN (" + placeholders(releaseIds.size()) + ")"
                + " ORDER BY s.release_id, s.seen_day, a.asset_index";
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 0;
                for (Long id : releaseIds) {
                    statement.setLong(++i, id);
                }
                List<AssetRow> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        long assetId = result.getLong(3);
                        boolean hasAsset = !result.wasNull();
                        rows.add(new AssetRow(result.getLong(1), result.getObject(2, LocalDate.class),
                                hasAsset ? assetId : null, result.getString(4), integer(result, 5)));
                    }
                }
                return rows;
            }
        });
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T work(Work<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work::run);
    }

    /** A null parameter of a SQL type. */
    private record SqlNull(int type) {}

    private static Object text(String value) {
        return value == null ? new SqlNull(Types.VARCHAR) : value;
    }

    private static Object instant(Instant value) {
        return value == null ? new SqlNull(Types.TIMESTAMP_WITH_TIMEZONE) : utc(value);
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof SqlNull none) {
                    statement.setNull(i + 1, none.type());
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            statement.executeUpdate();
        }
    }

    private static Integer integer(ResultSet result, int column) throws SQLException {
        int value = result.getInt(column);
        return result.wasNull() ? null : value;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
