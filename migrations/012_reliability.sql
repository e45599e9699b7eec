-- Files the last runs could not ingest, remembered by path with the size and times they had, so a
-- file that keeps failing is reported once per change, not as a new failure every night: while its
-- size and times are unchanged it is not read again (counted as still skipped).
CREATE TABLE skipped_files (
    path      TEXT PRIMARY KEY,                        -- absolute path of the file (or link, or directory)
    size      INTEGER NOT NULL,                        -- size in bytes when it was skipped (-1: could not stat)
    mtime     REAL NOT NULL,                           -- modification time (seconds since 1970) when it was skipped
    ctime     REAL NOT NULL,                           -- status change time then (moves on chmod, which a permission fix does not do to mtime)
    read_at   REAL NOT NULL,                           -- when it was read (seconds since 1970): an mtime within 2 s of it is « racy » and re-checked
    reason    TEXT NOT NULL,                           -- why it was skipped
    first_run INTEGER NOT NULL,                        -- the run that first skipped it in this state (ingest_runs.id)
    last_run  INTEGER NOT NULL                         -- the last run that found it still skipped (ingest_runs.id)
);

-- Texts whose extraction crashed kb (a trap in an extractor): never extracted again by the same
-- extractor version, so one bad article cannot stop every night. A changed file has another hash;
-- a new kb with another extractor version tries again.
CREATE TABLE crashed_texts (
    content_hash      TEXT NOT NULL,                   -- SHA-256 of the text (as articles.content_hash)
    extractor_version TEXT NOT NULL,                   -- the extractor version that crashed on it
    path              TEXT NOT NULL,                   -- the file (or article source) being extracted
    run_id            INTEGER NOT NULL,                -- the run that crashed (ingest_runs.id)
    crashed_at        TEXT NOT NULL,                   -- UTC, ISO 8601
    PRIMARY KEY (content_hash, extractor_version)
);

ALTER TABLE article_sources ADD COLUMN read_at REAL;  -- when the file was last read (seconds since 1970): an mtime within 2 s of it is « racy » (a change in the same tick could hide) and re-read next run

ALTER TABLE ingest_runs ADD COLUMN still_skipped INTEGER NOT NULL DEFAULT 0;  -- files skipped before and unchanged since (not read again; see skipped_files)
