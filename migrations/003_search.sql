-- French search (see Sources/KnowledgeBase/Search*.swift).
--
-- articles.search_headline / search_body hold each text's analysed *terms*: elisions stripped,
-- folded, stop words removed, NOT stemmed — so the stock sqlite3 CLI and Datasette match plain
-- words (MATCH 'cybersecurite'). Stemming happens at query time instead: every query term is
-- expanded to all indexed terms with the same light stem, read from search_terms, which the
-- ingest keeps up to date. That finds the same articles as stemming at index time would.

-- Every term of the search index with its light French stem, so a query word finds all its forms (« coopérations » → « coopération »).
CREATE TABLE search_terms (
    term TEXT PRIMARY KEY,           -- An indexed term, as stored in articles_fts (« cooperations »).
    stem TEXT NOT NULL               -- Its stem by Savoy's light French stemmer (« cop »).
) WITHOUT ROWID;
CREATE INDEX search_terms_stem ON search_terms(stem);

-- The words of the search index (FTS5 vocabulary) with their frequency, for « Did you mean ».
CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab(articles_fts, row);
-- doc search_vocabulary.term: An indexed term (analysed: folded, no elision, not stemmed).
-- doc search_vocabulary.doc: Number of articles containing the term.
-- doc search_vocabulary.cnt: Number of occurrences of the term in all articles.

-- Default ranking for `ORDER BY rank`, in kb and in any SQLite client: a headline match weighs
-- five times a body match.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
