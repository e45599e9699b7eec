-- Article pages ingested from HTML: the bytes as published, for provenance. The article's raw_text
-- is the page's story rendered in kb's article format (evidence offsets point into it); this keeps
-- what it was read from. Text files have no row here: their raw_text is the file.
CREATE TABLE article_originals (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    media_type TEXT NOT NULL CHECK (media_type IN ('text/html')),   -- What the bytes are.
    bytes      BLOB NOT NULL                                        -- The page as read from disk.
);

-- doc article_originals: The bytes of articles read from HTML pages, as published (their raw_text is the extracted story).
-- doc article_originals.article_id: The article (articles.id).
