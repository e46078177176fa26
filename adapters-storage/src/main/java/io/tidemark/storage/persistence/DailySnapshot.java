package io.tidemark.storage.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A snapshot entity kept one per repository and UTC day, with its list of entries {@code E}. */
public interface DailySnapshot<E> {

    void setRepositoryId(Long repositoryId);

    void setDay(LocalDate day);

    Instant getTakenAt();

    void setTakenAt(Instant takenAt);

    void replaceEntries(List<E> replacement);
}
