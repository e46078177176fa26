-- How far the optional stars backfill of a repository has come (io.tidemark.core.model.StarsBackfill):
-- the next stargazer page, the first day not kept yet, the calls of the latest call day, whether
-- the list was read to its end. One row per repository, replaced on every page.
CREATE TABLE stars_backfill (
    repository_id     BIGINT  NOT NULL,
    next_page         INTEGER NOT NULL,
    pending_from      DATE,
    call_day          DATE,
    calls_on_call_day INTEGER NOT NULL,
    complete          BOOLEAN NOT NULL,
    CONSTRAINT pk_stars_backfill PRIMARY KEY (repository_id),
    CONSTRAINT fk_stars_backfill_repository FOREIGN KEY (repository_id)
        REFERENCES repository (id) ON DELETE CASCADE,
    CONSTRAINT ck_stars_backfill_page CHECK (next_page >= 1 AND calls_on_call_day >= 0)
);
