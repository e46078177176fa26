package io.tidemark.storage.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code tracked_owner}: an owner whose repositories are tracked as they appear. */
@Entity
@Table(name = "tracked_owner")
public class TrackedOwnerEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The owner in lower case; unique. */
    @Column(name = "owner_key", nullable = false, updatable = false, length = 39)
    private String ownerKey;

    /** The casing first given, for display. */
    @Column(name = "owner_name", nullable = false, updatable = false, length = 39)
    private String ownerName;

    @Column(name = "tracked_at", nullable = false, updatable = false)
    private Instant trackedAt;

    public Long getId() {
        return id;
    }

    public String getOwnerKey() {
        return ownerKey;
    }

    public void setOwnerKey(String ownerKey) {
        this.ownerKey = ownerKey;
    }

    public String getOwnerName() {
        return ownerName;
    }

    public void setOwnerName(String ownerName) {
        this.ownerName = ownerName;
    }

    public Instant getTrackedAt() {
        return trackedAt;
    }

    public void setTrackedAt(Instant trackedAt) {
        this.trackedAt = trackedAt;
    }
}
