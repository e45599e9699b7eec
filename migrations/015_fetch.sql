-- What `kb fetch` remembers between runs: the feeds it reads (validators for conditional requests,
-- permanent redirects, retirement by 410, Retry-After), robots.txt per host, and every article page
-- URL met in a feed, so that a page is downloaded once and a second run fetches nothing new.
CREATE TABLE fetch_feeds (
    url           TEXT PRIMARY KEY,   -- the feed URL as listed (feeds file or command line)
    current_url   TEXT,               -- where a permanent redirect (301/308) moved it; NULL: the listed URL
    etag          TEXT,               -- ETag of the last full answer (sent as If-None-Match)
    last_modified TEXT,               -- Last-Modified of the last full answer (sent as If-Modified-Since)
    retired_at    TEXT,               -- UTC, ISO 8601: when the server answered 410 Gone (never requested again); NULL: active
    not_before    REAL,               -- seconds since 1970: a Retry-After longer than kb waits; not requested before then
    updated_at    TEXT NOT NULL       -- UTC, ISO 8601: last change of this row
);

-- robots.txt of each origin as last read (RFC 9309: trusted up to 24 hours).
CREATE TABLE fetch_robots (
    origin        TEXT PRIMARY KEY,   -- scheme://host[:port]
    body          TEXT NOT NULL,      -- the robots.txt text (empty when the server has none: everything allowed)
    fetched_at    REAL NOT NULL,      -- seconds since 1970
    etag          TEXT,               -- ETag (sent as If-None-Match when it is read again)
    last_modified TEXT                -- Last-Modified (sent as If-Modified-Since)
);

-- Every article page URL met in a feed and what became of it.
CREATE TABLE fetch_pages (
    url         TEXT PRIMARY KEY,     -- the page URL as the feed gives it
    feed        TEXT NOT NULL,        -- the feed it was first met in (fetch_feeds.url)
    status      TEXT NOT NULL CHECK (status IN ('spooled', 'failed', 'gone', 'disallowed', 'too-large')),  -- spooled: downloaded (never requested again); failed: tried again next run; gone: 404/410; disallowed: robots.txt; too-large: over the size limit
    spool_file  TEXT,                 -- the file in the spool directory (SHA-256 of the URL + .html) that kb ingest reads
    http_status INTEGER,              -- HTTP status of the last answer, if any
    attempts    INTEGER NOT NULL DEFAULT 0,  -- runs that requested it
    detail      TEXT NOT NULL DEFAULT '',    -- what happened last
    first_seen  TEXT NOT NULL,        -- UTC, ISO 8601
    updated_at  TEXT NOT NULL         -- UTC, ISO 8601
);
CREATE INDEX fetch_pages_status ON fetch_pages(status);

-- The log of fetch runs, one row per `kb fetch`, written when it starts and completed at the end
-- (a killed run stays 'running' until the next one marks it 'interrupted').
CREATE TABLE fetch_runs (
    id             INTEGER PRIMARY KEY,  -- fetch run number (`kb runs --fetch`)
    started_at     TEXT NOT NULL,        -- UTC, ISO 8601
    finished_at    TEXT,                 -- UTC, ISO 8601; NULL while running or when interrupted
    status         TEXT NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed', 'interrupted')),  -- ok: nothing failed; partial: some feed or page failed (see fetch_events); failed: stopped by an error
    feeds          INTEGER NOT NULL DEFAULT 0,  -- feeds listed
    feeds_fetched  INTEGER NOT NULL DEFAULT 0,  -- feeds read (200)
    not_modified   INTEGER NOT NULL DEFAULT 0,  -- feeds unchanged (304)
    feeds_failed   INTEGER NOT NULL DEFAULT 0,  -- feeds that failed, were retired (410) or are forbidden by robots.txt
    pages_spooled  INTEGER NOT NULL DEFAULT 0,  -- pages downloaded into the spool
    pages_failed   INTEGER NOT NULL DEFAULT 0,  -- pages that failed (tried again next run, or too large)
    requests       INTEGER NOT NULL DEFAULT 0,  -- HTTP requests made
    conditional    INTEGER NOT NULL DEFAULT 0,  -- of which conditional (If-None-Match / If-Modified-Since)
    error          TEXT                  -- why a 'failed' run stopped
);

-- Every outcome of a fetch run: each robots.txt, feed and page request (or decision not to request).
CREATE TABLE fetch_events (
    id          INTEGER PRIMARY KEY,   -- event number
    run_id      INTEGER NOT NULL REFERENCES fetch_runs(id) ON DELETE CASCADE,  -- the run (fetch_runs.id)
    kind        TEXT NOT NULL CHECK (kind IN ('robots', 'feed', 'page')),  -- what was requested
    url         TEXT NOT NULL,         -- the URL requested (for a moved feed, the old one)
    feed        TEXT,                  -- the feed as listed that the event belongs to; NULL for robots.txt
    outcome     TEXT NOT NULL CHECK (outcome IN ('fetched', 'not-modified', 'moved', 'gone', 'not-requested', 'disallowed', 'failed')),  -- fetched: read or spooled; not-modified: 304; moved: 301/308, address updated; gone: 410 (or 404 for a page); not-requested: retired feed or Retry-After not over; disallowed: robots.txt; failed: see detail
    http_status INTEGER,               -- HTTP status of the last answer, if any
    attempts    INTEGER NOT NULL,      -- requests made for it (retries included)
    detail      TEXT NOT NULL,         -- what happened, and what kb does next
    at          TEXT NOT NULL          -- UTC, ISO 8601
);
CREATE INDEX fetch_events_run ON fetch_events(run_id);
