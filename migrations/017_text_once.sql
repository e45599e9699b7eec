-- Text stored once. The cleaned body was a second copy of most of raw_text: it is now the list of
-- the raw text's paragraphs (character offsets, like evidence), and the view `article_bodies`
-- cuts it out of raw_text, so sqlite3 and Datasette users still read the body as one text.
-- The analysed columns stay: they are what the FTS5 index holds (external content), so stock
-- `sqlite3 … MATCH`, Datasette's search box and snippet() keep working.

-- The paragraphs of each article's story, in order: the cleaned body is their texts joined by a blank line (view article_bodies).
CREATE TABLE article_paragraphs (
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- the article (articles.id)
    seq          INTEGER NOT NULL CHECK (seq >= 0),                            -- order of the paragraph in the body (0 first)
    start_offset INTEGER NOT NULL CHECK (start_offset >= 0),                   -- start, in characters into articles.raw_text (0-based)
    end_offset   INTEGER NOT NULL CHECK (end_offset >= start_offset),          -- end, in characters into articles.raw_text (exclusive)
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

-- Stored bodies become paragraphs: each paragraph of the old body is looked up in raw_text after
-- the end of the previous one (after the headline for the first), where the parser took it from.
INSERT INTO article_paragraphs(article_id, seq, start_offset, end_offset)
WITH RECURSIVE split(article_id, seq, start_offset, end_offset, rest) AS (
    SELECT id, -1, 0, instr(raw_text, headline) + length(headline) - 1, body || char(10, 10)
    FROM articles WHERE body <> ''
    UNION ALL
    SELECT s.article_id, s.seq + 1,
           s.end_offset + instr(substr(a.raw_text, s.end_offset + 1), substr(s.rest, 1, instr(s.rest, char(10, 10)) - 1)) - 1,
           s.end_offset + instr(substr(a.raw_text, s.end_offset + 1), substr(s.rest, 1, instr(s.rest, char(10, 10)) - 1)) - 1
               + instr(s.rest, char(10, 10)) - 1,
           substr(s.rest, instr(s.rest, char(10, 10)) + 2)
    FROM split s JOIN articles a ON a.id = s.article_id
    WHERE s.rest <> ''
)
SELECT article_id, seq, start_offset, end_offset FROM split WHERE seq >= 0;

ALTER TABLE articles DROP COLUMN body;

-- Each article's cleaned story (headline and set-apart sections excluded), cut out of raw_text.
CREATE VIEW article_bodies AS
SELECT a.id AS article_id,   -- the article (articles.id)
       coalesce((SELECT group_concat(substr(a.raw_text, p.start_offset + 1, p.end_offset - p.start_offset), char(10, 10))
                 FROM (SELECT start_offset, end_offset FROM article_paragraphs WHERE article_id = a.id ORDER BY seq) p), '')
           AS body           -- the story, paragraphs separated by blank lines
FROM articles a;

-- Spelling variants, compact: the kind as a number, and no second index by term (variants are
-- only looked up by variant; they are cleared and rebuilt whole, never deleted term by term).
-- The view search_term_variants keeps the former table's columns for readers.

-- Spelling variants of the indexed words for kb search's typo and transliteration tolerance: each word's one-letter deletions and its transliteration skeleton.
CREATE TABLE search_variants (
    variant TEXT NOT NULL,                               -- the term with one letter deleted, or its transliteration skeleton
    kind    INTEGER NOT NULL CHECK (kind IN (0, 1)),     -- 0 deletion, 1 skeleton
    term    TEXT NOT NULL,                               -- the indexed term (search_terms.term)
    PRIMARY KEY (variant, kind, term)
) WITHOUT ROWID;
INSERT INTO search_variants(variant, kind, term)
    SELECT variant, CASE kind WHEN 'deletion' THEN 0 ELSE 1 END, term FROM search_term_variants;
DROP TABLE search_term_variants;

-- Spelling variants as before migration 017: kind spelled out (deletion or skeleton).
CREATE VIEW search_term_variants AS
SELECT variant,                                                  -- the term with one letter deleted, or its transliteration skeleton
       CASE kind WHEN 0 THEN 'deletion' ELSE 'skeleton' END AS kind,  -- deletion or skeleton
       term                                                      -- the indexed term (search_terms.term)
FROM search_variants;

-- Looked up by nothing: rule ids are read with their evidence, never searched by rule.
DROP INDEX evidence_spans_rule;
