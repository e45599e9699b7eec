-- The log of ingest runs: one row per `kb ingest` / `kb reextract`, written when the run starts
-- (status 'running') and updated as it goes, so a run killed half-way is still on record. The
-- next run, holding the writer lock, marks runs left 'running' as 'interrupted'.
CREATE TABLE ingest_runs (
    id                INTEGER PRIMARY KEY,
    command           TEXT NOT NULL CHECK (command IN ('ingest', 'reextract')),
    started_at        TEXT NOT NULL,
    finished_at       TEXT,
    status            TEXT NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed', 'interrupted')),
    extractor_version TEXT NOT NULL,
    paths             TEXT NOT NULL DEFAULT '',          -- the paths given, one per line
    files             INTEGER NOT NULL DEFAULT 0,        -- files found
    new               INTEGER NOT NULL DEFAULT 0,
    updated           INTEGER NOT NULL DEFAULT 0,
    unchanged         INTEGER NOT NULL DEFAULT 0,
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
    id       INTEGER PRIMARY KEY,
    run_id   INTEGER NOT NULL REFERENCES ingest_runs(id) ON DELETE CASCADE,
    path     TEXT NOT NULL,
    severity TEXT NOT NULL CHECK (severity IN ('skipped', 'warning', 'missing')),
    reason   TEXT NOT NULL
);
CREATE INDEX ingest_problems_run ON ingest_problems(run_id);
