package io.tidemark.storage;

import io.tidemark.core.model.DateRange;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.model.OwnerBucket;
import io.tidemark.core.model.OwnerReferrer;
import io.tidemark.core.model.RankedPage;
import io.tidemark.core.model.RepositoryOrder;
import io.tidemark.core.model.TrackedRepository;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.port.out.TrafficAggregates;
import io.tidemark.storage.persistence.RepositoryEntity;
import io.tidemark.storage.persistence.RepositoryEntityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link TrafficAggregates} of the Hibernate store: each method is one aggregate query ({@code
 * GROUP BY} over the indexed bucket and snapshot tables) that returns only what is asked, never
 * every series. Portable SQL, the same on H2 and PostgreSQL. {@link PanacheTrafficStore} offers
 * them as its own (a store that implements {@link TrafficAggregates} is used for them).
 */
@ApplicationScoped
public class PanacheTrafficAggregates implements TrafficAggregates {

    private final EntityManager entityManager;
    private final RepositoryEntityRepository repositories;

    public PanacheTrafficAggregates(EntityManager entityManager, RepositoryEntityRepository repositories) {
        this.entityManager = entityManager;
        this.repositories = repositories;
    }

    @Override
    @Transactional
    public List<OwnerBucket> ownerSeries(String owner, TrafficKind kind, Granularity granularity, DateRange range) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(range, "range");
        StringBuilder sql = new StringBuilder("SELECT b.bucket_start, SUM(b.total), COUNT(*),"
                + " SUM(CASE WHEN b.complete THEN 1 ELSE 0 END)"
                + " FROM traffic_bucket b JOIN repository r ON r.id = b.repository_id"
                + " WHERE r.owner_key = :owner AND b.kind = :kind AND b.granularity = :granularity");
        appendRange(sql, "b.bucket_start", range);
        sql.append(" GROUP BY b.bucket_start ORDER BY b.bucket_start");
        Query query = entityManager.createNativeQuery(sql.toString())
                .setParameter("owner", StorageMapper.ownerKey(owner))
                .setParameter("kind", StorageMapper.kindCode(kind))
                .setParameter("granularity", StorageMapper.granularityCode(granularity));
        bindRange(query, range);
        List<OwnerBucket> series = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] cells = (Object[]) row;
            series.add(new OwnerBucket(day(cells[0]), number(cells[1]), (int) number(cells[2]), (int) number(cells[3])));
        }
        return series;
    }

    @Override
    @Transactional
    public List<OwnerReferrer> ownerReferrers(String owner, LocalDate at, int first) {
        Objects.requireNonNull(owner, "owner");
        // Each repository's latest snapshot on or before the day, then its entries added up per
        // referrer. Ordered here rather than by the database, whose collation may not be Java's.
        String sql = "SELECT e.referrer, SUM(e.total), COUNT(DISTINCT s.repository_id)"
                + " FROM referrer_entry e JOIN referrer_snapshot s ON s.id = e.snapshot_id"
                + " JOIN (SELECT s2.repository_id AS repository_id, MAX(s2.snapshot_day) AS latest"
                + "   FROM referrer_snapshot s2 JOIN repository r ON r.id = s2.repository_id"
                + "   WHERE r.owner_key = :owner" + (at == null ? "" : " AND s2.snapshot_day <= :at")
                + "   GROUP BY s2.repository_id) l ON l.repository_id = s.repository_id AND l.latest = s.snapshot_day"
                + " GROUP BY e.referrer";
        Query query = entityManager.createNativeQuery(sql).setParameter("owner", StorageMapper.ownerKey(owner));
        if (at != null) {
            query.setParameter("at", at);
        }
        List<OwnerReferrer> referrers = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] cells = (Object[]) row;
            referrers.add(new OwnerReferrer((String) cells[0], number(cells[1]), (int) number(cells[2])));
        }
        referrers.sort(Comparator.comparingLong(OwnerReferrer::count).reversed().thenComparing(OwnerReferrer::referrer));
        return List.copyOf(referrers.subList(0, Math.min(first, referrers.size())));
    }

    @Override
    @Transactional
    public RankedPage rank(String owner, RepositoryOrder order, int offset, int limit) {
        Objects.requireNonNull(order, "order");
        if (limit < 1) {
            throw new InvalidInputException("limit", "limit must be at least 1, was " + limit);
        }
        String ownerKey = owner == null ? null : StorageMapper.ownerKey(owner);
        String ownerFilter = ownerKey == null ? "" : " WHERE r.owner_key = :owner";
        String direction = order.direction() == RepositoryOrder.Direction.ASC ? "ASC" : "DESC";
        StringBuilder sql = new StringBuilder();
        switch (order.field()) {
            case NAME -> {
                sql.append("SELECT r.id, CAST(NULL AS BIGINT) FROM repository r").append(ownerFilter)
                        .append(" ORDER BY r.repo_key ").append(direction);
            }
            case VIEWS, CLONES -> {
                sql.append("SELECT r.id, v.total FROM repository r LEFT JOIN (SELECT b.repository_id AS repository_id,"
                        + " SUM(b.total) AS total FROM traffic_bucket b WHERE b.kind = :kind AND b.granularity = 'DAY'");
                appendRange(sql, "b.bucket_start", order.range());
                sql.append(" GROUP BY b.repository_id) v ON v.repository_id = r.id").append(ownerFilter)
                        .append(" ORDER BY CASE WHEN v.total IS NULL THEN 1 ELSE 0 END, v.total ").append(direction)
                        .append(", r.repo_key ASC");
            }
            default -> {
                // STARS: each repository's stars of the latest day on which stars were seen
                sql.append("SELECT r.id, v.stars FROM repository r LEFT JOIN (SELECT s.repository_id AS repository_id,"
                        + " s.stars AS stars FROM repository_stats s WHERE s.stars IS NOT NULL AND s.stats_day ="
                        + " (SELECT MAX(l.stats_day) FROM repository_stats l WHERE l.repository_id = s.repository_id"
                        + " AND l.stars IS NOT NULL)) v ON v.repository_id = r.id").append(ownerFilter)
                        .append(" ORDER BY CASE WHEN v.stars IS NULL THEN 1 ELSE 0 END, v.stars ").append(direction)
                        .append(", r.repo_key ASC");
            }
        }
        sql.append(" LIMIT :limit OFFSET :offset");
        Query query = entityManager.createNativeQuery(sql.toString())
                .setParameter("limit", limit + 1)
                .setParameter("offset", offset);
        if (ownerKey != null) {
            query.setParameter("owner", ownerKey);
        }
        if (order.field() == RepositoryOrder.Field.VIEWS || order.field() == RepositoryOrder.Field.CLONES) {
            query.setParameter("kind", StorageMapper.kindCode(
                    order.field() == RepositoryOrder.Field.VIEWS ? TrafficKind.VIEWS : TrafficKind.CLONES));
            bindRange(query, order.range());
        }
        Map<Long, Long> ranked = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] cells = (Object[]) row;
            ranked.put(number(cells[0]), cells[1] == null ? null : number(cells[1]));
        }
        boolean hasNextPage = ranked.size() > limit;
        List<Long> ids = new ArrayList<>(ranked.keySet()).subList(0, Math.min(limit, ranked.size()));
        Map<Long, RepositoryEntity> entities = new HashMap<>();
        if (!ids.isEmpty()) {
            repositories.list("id in ?1", ids).forEach(entity -> entities.put(entity.getId(), entity));
        }
        List<TrackedRepository> page = new ArrayList<>(ids.size());
        List<Long> values = new ArrayList<>(ids.size());
        for (Long id : ids) {
            page.add(StorageMapper.trackedRepository(entities.get(id)));
            values.add(ranked.get(id));
        }
        int total = Math.toIntExact(repositories.countOf(ownerKey));
        return new RankedPage(page, values, hasNextPage, total, page.isEmpty() ? null : RankedPage.cursorAt(offset + page.size()));
    }

    private static void appendRange(StringBuilder sql, String column, DateRange range) {
        if (range.since() != null) {
            sql.append(" AND ").append(column).append(" >= :since");
        }
        if (range.until() != null) {
            sql.append(" AND ").append(column).append(" <= :until");
        }
    }

    private static void bindRange(Query query, DateRange range) {
        if (range.since() != null) {
            query.setParameter("since", range.since());
        }
        if (range.until() != null) {
            query.setParameter("until", range.until());
        }
    }

    private static long number(Object cell) {
        return ((Number) cell).longValue();
    }

    private static LocalDate day(Object cell) {
        return cell instanceof Date date ? date.toLocalDate() : (LocalDate) cell;
    }
}
