-- Near-duplicate articles: another outlet's copy of a wire story, or an updated version. Each
-- article's body has a 64-bit simhash over runs of three analysed words (Manku et al. 2007); two
-- articles whose fingerprints differ in at most 3 bits are near-duplicates, the later one linked to
-- the earliest of its group. Search shows one hit per group (« also in N sources »).
CREATE TABLE article_fingerprints (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    simhash    INTEGER NOT NULL,     -- The 64 bits, as a signed integer.
    -- Its four 16-bit blocks: fingerprints within 3 bits share at least one (the look-up's index).
    b0 INTEGER NOT NULL, b1 INTEGER NOT NULL, b2 INTEGER NOT NULL, b3 INTEGER NOT NULL
);
CREATE INDEX article_fingerprints_b0 ON article_fingerprints(b0);
CREATE INDEX article_fingerprints_b1 ON article_fingerprints(b1);
CREATE INDEX article_fingerprints_b2 ON article_fingerprints(b2);
CREATE INDEX article_fingerprints_b3 ON article_fingerprints(b3);

CREATE TABLE near_duplicates (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    original_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    distance    INTEGER NOT NULL CHECK (distance BETWEEN 0 AND 3),  -- Differing bits of the fingerprints.
    CHECK (article_id <> original_id)
);
CREATE INDEX near_duplicates_original ON near_duplicates(original_id);

-- doc article_fingerprints: A 64-bit simhash of each article's body (runs of three analysed words), for near-duplicate detection; articles too short to compare have none.
-- doc article_fingerprints.article_id: The article (articles.id).
-- doc near_duplicates: Articles that are near-copies of an earlier one (another outlet's copy of a wire story, an updated version): at most 3 of 64 fingerprint bits differ.
-- doc near_duplicates.article_id: The copy (articles.id).
-- doc near_duplicates.original_id: The earliest article of its group (articles.id).
-- doc article_fingerprints.b0: Bits 0–15 of simhash (look-up block).
-- doc article_fingerprints.b1: Bits 16–31 of simhash (look-up block).
-- doc article_fingerprints.b2: Bits 32–47 of simhash (look-up block).
-- doc article_fingerprints.b3: Bits 48–63 of simhash (look-up block).
