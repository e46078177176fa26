package io.tidemark.storage.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A row of {@code traffic_bucket}: one kept bucket, the per-field maximum of every observation.
 * Written only by {@link TrafficBucketRepository#upsertMax}, never through the persistence
 * context, so that concurrent merges are resolved by the database.
 */
@Entity
@Table(name = "traffic_bucket")
@IdClass(TrafficBucketEntity.Key.class)
public class TrafficBucketEntity {

    @Id
    @Column(name = "repository_id", nullable = false)
    private Long repositoryId;

    /** {@code VIEWS} or {@code CLONES}. */
    @Id
    @Column(name = "kind", nullable = false, length = 8)
    private String kind;

    /** {@code DAY} or {@code WEEK}. */
    @Id
    @Column(name = "granularity", nullable = false, length = 8)
    private String granularity;

    @Id
    @Column(name = "bucket_start", nullable = false)
    private LocalDate start;

    @Column(name = "total", nullable = false)
    private int count;

    @Column(name = "uniques", nullable = false)
    private int uniques;

    @Column(name = "complete", nullable = false)
    private boolean complete;

    @Column(name = "first_seen_at", nullable = false)
    private Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

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

    public LocalDate getStart() {
        return start;
    }

    public void setStart(LocalDate start) {
        this.start = start;
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

    public boolean isComplete() {
        return complete;
    }

    public void setComplete(boolean complete) {
        this.complete = complete;
    }

    public Instant getFirstSeenAt() {
        return firstSeenAt;
    }

    public void setFirstSeenAt(Instant firstSeenAt) {
        this.firstSeenAt = firstSeenAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public void setLastSeenAt(Instant lastSeenAt) {
        this.lastSeenAt = lastSeenAt;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long repositoryId;
        private String kind;
        private String granularity;
        private LocalDate start;

        public Key() {}

        public Key(Long repositoryId, String kind, String granularity, LocalDate start) {
            this.repositoryId = repositoryId;
            this.kind = kind;
            this.granularity = granularity;
            this.start = start;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that
                    && Objects.equals(repositoryId, that.repositoryId)
                    && Objects.equals(kind, that.kind)
                    && Objects.equals(granularity, that.granularity)
                    && Objects.equals(start, that.start);
        }

        @Override
        public int hashCode() {
            return Objects.hash(repositoryId, kind, granularity, start);
        }
    }
}
