package io.tidemark.storage.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@code window_totals}: GitHub's own 14-day totals of one fetched window. Written only by
 * {@link WindowTotalsRepository#upsertMax}.
 */
@Entity
@Table(name = "window_totals")
@IdClass(WindowTotalsEntity.Key.class)
public class WindowTotalsEntity {

    @Id
    @Column(name = "repository_id", nullable = false)
    private Long repositoryId;

    @Id
    @Column(name = "kind", nullable = false, length = 8)
    private String kind;

    @Id
    @Column(name = "granularity", nullable = false, length = 8)
    private String granularity;

    @Id
    @Column(name = "fetched_at", nullable = false)
    private Instant fetchedAt;

    @Column(name = "total", nullable = false)
    private int count;

    @Column(name = "uniques", nullable = false)
    private int uniques;

    public Long getRepositoryId() {
        return repositoryId;
    }

    public void setRepositoryId(Long repositoryId) {
        this.repositoryId = repositoryId;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getGranularity() {
        return granularity;
    }

    public void setGranularity(String granularity) {
        this.granularity = granularity;
    }

    public Instant getFetchedAt() {
        return fetchedAt;
    }

    public void setFetchedAt(Instant fetchedAt) {
        this.fetchedAt = fetchedAt;
    }

    public int getCount() {
        return count;
    }

    public void setCount(int count) {
        this.count = count;
    }

    public int getUniques() {
        return uniques;
    }

    public void setUniques(int uniques) {
        this.uniques = uniques;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long repositoryId;
        private String kind;
        private String granularity;
        private Instant fetchedAt;

        public Key() {}

        public Key(Long repositoryId, String kind, String granularity, Instant fetchedAt) {
            this.repositoryId = repositoryId;
            this.kind = kind;
            this.granularity = granularity;
            this.fetchedAt = fetchedAt;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that
                    && Objects.equals(repositoryId, that.repositoryId)
                    && Objects.equals(kind, that.kind)
                    && Objects.equals(granularity, that.granularity)
                    && Objects.equals(fetchedAt, that.fetchedAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(repositoryId, kind, granularity, fetchedAt);
        }
    }
}
