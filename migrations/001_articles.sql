-- Articles as ingested: raw text kept unchanged (provenance), cleaned text derived from it,
-- and the French full-text index. Offsets everywhere are character offsets (Unicode code
-- points, 0-based, end exclusive) into articles.raw_text: substr(raw_text, start + 1, end - start).

CREATE TABLE articles (
    id                INTEGER PRIMARY KEY,
    source            TEXT NOT NULL,                 -- file base name it was first ingested from
    content_hash      TEXT NOT NULL UNIQUE,          -- SHA-256 of raw_text (hex)
    raw_text          TEXT NOT NULL,
    date              TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]'
                                  OR date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'
                                  OR date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    date_precision    TEXT CHECK (date_precision IN ('year', 'month', 'day')),
    headline          TEXT NOT NULL,
    body              TEXT NOT NULL,                 -- cleaned story, paragraphs separated by blank lines
    search_headline   TEXT NOT NULL DEFAULT '',      -- headline as analysed for search (see kb_meta.analyzer_version)
    search_body       TEXT NOT NULL DEFAULT '',      -- body as analysed for search
    ingested_at       TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK ((date IS NULL) = (date_precision IS NULL))
);
CREATE INDEX articles_date ON articles(date);

-- Every file an article was read from; the same text under two names is one article, two rows.
CREATE TABLE article_sources (
    path          TEXT PRIMARY KEY,                  -- absolute path as ingested
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,                     -- base name
    size          INTEGER NOT NULL CHECK (size >= 0),
    mtime         REAL NOT NULL,                     -- seconds since 1970, to skip unchanged files cheaply
    first_seen    TEXT NOT NULL,
    last_seen     TEXT NOT NULL,
    missing_since TEXT                               -- set by `kb ingest --prune` when the file disappeared
);
CREATE INDEX article_sources_article ON article_sources(article_id);

-- What cleaning set apart from the story: related links, credits, caption debris, datelines,
-- the trailing « Voir plus » block. Kept, not lost.
CREATE TABLE article_sections (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('related', 'credit', 'caption_debris', 'dateline', 'more')),
    text         TEXT NOT NULL,
    start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset   INTEGER NOT NULL CHECK (end_offset >= start_offset),
    UNIQUE (article_id, seq)
);

CREATE VIEW related_links AS
    SELECT article_id, seq, text AS headline FROM article_sections WHERE kind = 'related';

-- Key/value settings of the database itself (analyzer version, …).
CREATE TABLE kb_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- External-content FTS5 index over the analysed columns, with the stock tokenizer only, so any
-- SQLite client can MATCH it. content="articles" (double quotes) lets Datasette find it.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    search_headline, search_body,
    content="articles", content_rowid="id",
    tokenize="unicode61 remove_diacritics 2"
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, search_headline, search_body) VALUES (new.id, new.search_headline, new.search_body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, search_headline, search_body) VALUES ('delete', old.id, old.search_headline, old.search_body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF search_headline, search_body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, search_headline, search_body) VALUES ('delete', old.id, old.search_headline, old.search_body);
    INSERT INTO articles_fts(rowid, search_headline, search_body) VALUES (new.id, new.search_headline, new.search_body);
END;
