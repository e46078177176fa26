package io.tidemark.storage.persistence;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of {@code referrer_snapshot}: the top-10 list of one repository for one UTC day, with its
 * entries in {@code referrer_entry}.
 */
@Entity
@Table(name = "referrer_snapshot")
public class ReferrerSnapshotEntity implements DailySnapshot<ReferrerEntryEmbeddable> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "repository_id", nullable = false, updatable = false)
    private Long repositoryId;

    @Column(name = "snapshot_day", nullable = false, updatable = false)
    private LocalDate day;

    @Column(name = "taken_at", nullable = false)
    private Instant takenAt;

    @ElementCollection
    @CollectionTable(name = "referrer_entry", joinColumns = @JoinColumn(name = "snapshot_id"))
    @OrderColumn(name = "entry_index")
    private List<ReferrerEntryEmbeddable> entries = new ArrayList<>();

    public Long getId() {
        return id;
    }

    public Long getRepositoryId() {
        return repositoryId;
    }

    public void setRepositoryId(Long repositoryId) {
        this.repositoryId = repositoryId;
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }

    public Instant getTakenAt() {
        return takenAt;
    }

    public void setTakenAt(Instant takenAt) {
        this.takenAt = takenAt;
    }

    public List<ReferrerEntryEmbeddable> getEntries() {
        return entries;
    }

    /** Replaces the whole list. */
    public void replaceEntries(List<ReferrerEntryEmbeddable> replacement) {
        entries.clear();
        entries.addAll(replacement);
    }
}
