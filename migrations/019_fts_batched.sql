-- The search index gets a new article's row from the ingest itself, for a whole batch of articles
-- after their savepoints, instead of from an insert trigger inside each article's savepoint: FTS5
-- writes its pending terms to disk at every savepoint, so the trigger made one index segment per
-- article (perf: sqlite3VtabSavepoint on the writer thread), merged again at the end of the run.
-- Updates and deletes of stored articles still reach the index through their triggers.
DROP TRIGGER articles_fts_insert;
