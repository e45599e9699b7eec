-- French search (see Sources/KnowledgeBase/Search*.swift).
--
-- articles.search_headline / search_body hold each text's analysed *terms*: elisions stripped,
-- folded, stop words removed, NOT stemmed — so the stock sqlite3 CLI and Datasette match plain
-- words (MATCH 'cybersecurite'). Stemming happens at query time instead: every query term is
-- expanded to all indexed terms with the same light stem, read from this vocabulary, which the
-- ingest keeps up to date. That is the same set of matches as stemming at index time.
CREATE TABLE search_terms (
    term TEXT PRIMARY KEY,           -- an indexed term (« cooperations »)
    stem TEXT NOT NULL               -- its light stem (« cop »), FrenchLightStemmer
) WITHOUT ROWID;
CREATE INDEX search_terms_stem ON search_terms(stem);

-- The FTS5 vocabulary, one row per term (doc = number of articles), for « Did you mean ».
CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, row);

-- Default ranking for `ORDER BY rank`, in kb and in any SQLite client: a headline match weighs
-- five times a body match.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
