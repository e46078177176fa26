-- PostgreSQL only. Keys sort byte-wise (COLLATE "C"), like RepositoryId.key() in Java, whatever
-- the database's default collation: keyset pagination and the order of list() must agree with
-- the Java order, and a linguistic collation would ignore '-', '.' and '_'.
ALTER TABLE repository ALTER COLUMN repo_key TYPE VARCHAR(140) COLLATE "C";
ALTER TABLE repository ALTER COLUMN owner_key TYPE VARCHAR(39) COLLATE "C";
ALTER TABLE tracked_owner ALTER COLUMN owner_key TYPE VARCHAR(39) COLLATE "C";

-- active(): active repositories, never synced first, then the most overdue
CREATE INDEX ix_repository_due ON repository (next_due_at NULLS FIRST, repo_key) WHERE active;
