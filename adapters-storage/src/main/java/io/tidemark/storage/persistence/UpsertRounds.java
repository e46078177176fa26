package io.tidemark.storage.persistence;

import jakarta.persistence.EntityManager;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Splits the rows of an upsert batch into rounds that each hold a row at most once: round
 * {@code i} holds the {@code i}-th occurrence of every row key. A multi-row upsert may not touch
 * one row twice (PostgreSQL: "ON CONFLICT DO UPDATE command cannot affect row a second time"),
 * and the rows are not combined beforehand: the database's "keep the maximum" is the only merge.
 *
 * <p>Every round is sorted by key, so concurrent transactions lock rows in one global order, and
 * all the locks of a transaction are taken in its first round (each later round only touches
 * keys of the first), so upserts never deadlock one another.
 */
final class UpsertRounds {

    private UpsertRounds() {}

    /** Executes the upsert {@code sql} for {@code rows}, one JDBC batch per round. */
    static <T, K extends Comparable<? super K>> void execute(
            EntityManager entityManager, String sql, List<T> rows, Function<T, K> key, NativeStatements.Binder<T> binder) {
        for (List<T> round : of(rows, key)) {
            NativeStatements.executeBatch(entityManager, sql, round, binder);
        }
    }

    static <T, K extends Comparable<? super K>> List<List<T>> of(List<T> rows, Function<T, K> key) {
        // each row's key computed once (not twice per comparison), then a stable sort by it
        List<Map.Entry<K, T>> sorted = new ArrayList<>(rows.size());
        for (T row : rows) {
            sorted.add(new AbstractMap.SimpleImmutableEntry<>(key.apply(row), row));
        }
        sorted.sort(Map.Entry.comparingByKey());
        List<List<T>> rounds = new ArrayList<>();
        Map<K, Integer> seen = new HashMap<>();
        for (Map.Entry<K, T> row : sorted) {
            int round = seen.merge(row.getKey(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(row.getValue());
        }
        return rounds;
    }
}
