-- The log of ingest runs: one row per `kb ingest` / `kb reextract`, written when the run starts
-- (status 'running') and updated as it goes, so a run killed half-way is still on record. The
-- next run, holding the writer lock, marks runs left 'running' as 'interrupted'.
CREATE TABLE ingest_runs (
    id                INTEGER PRIMARY KEY,                -- run number, shown by `kb runs`
    command           TEXT NOT NULL CHECK (command IN ('ingest', 'reextract')),  -- the kb command that ran
    started_at        TEXT NOT NULL,                     -- UTC, ISO 8601
    finished_at       TEXT,                              -- UTC, ISO 8601; NULL while running or when interrupted
    status            TEXT NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed', 'interrupted')),  -- ok: all files ingested; partial: some skipped; failed: stopped by an error; interrupted: the process died
    extractor_version TEXT NOT NULL,                     -- FactExtractor version of the kb that ran
    paths             TEXT NOT NULL DEFAULT '',          -- the paths given, one per line
    files             INTEGER NOT NULL DEFAULT 0,        -- files found
    new               INTEGER NOT NULL DEFAULT 0,        -- files whose text became a new article
    updated           INTEGER NOT NULL DEFAULT 0,        -- files whose changed text updated their article
    unchanged         INTEGER NOT NULL DEFAULT 0,        -- files already stored as they are (not re-extracted)
    skipped           INTEGER NOT NULL DEFAULT 0,        -- files not ingested (see ingest_problems)
    warnings          INTEGER NOT NULL DEFAULT 0,        -- files ingested with a warning
    missing           INTEGER NOT NULL DEFAULT 0,        -- sources marked missing by --prune
    reextracted       INTEGER NOT NULL DEFAULT 0,        -- stored articles re-extracted (new extractor version)
    error             TEXT,                              -- why a 'failed' run stopped
    CHECK (status IN ('running', 'interrupted') OR finished_at IS NOT NULL)
);
CREATE INDEX ingest_runs_started ON ingest_runs(started_at);

-- Per-file problems of a run: files skipped, files ingested with a warning, sources found missing (--prune).
CREATE TABLE ingest_problems (
    id       INTEGER PRIMARY KEY,                        -- problem number
    run_id   INTEGER NOT NULL REFERENCES ingest_runs(id) ON DELETE CASCADE,  -- the run (ingest_runs.id)
    path     TEXT NOT NULL,                              -- absolute path of the file
    severity TEXT NOT NULL CHECK (severity IN ('skipped', 'warning', 'missing')),  -- skipped: not ingested; warning: ingested anyway; missing: file gone (--prune)
    reason   TEXT NOT NULL                               -- what was wrong, and what to do about it
);
CREATE INDEX ingest_problems_run ON ingest_problems(run_id);
