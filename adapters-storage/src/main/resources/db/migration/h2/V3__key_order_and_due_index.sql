-- H2 only. H2 compares strings byte-wise already (no collation set), so keys need no change;
-- H2 has no partial indexes, so the due index covers inactive rows too.
CREATE INDEX ix_repository_due ON repository (active, next_due_at, repo_key);
