-- Spelling tolerance for `kb search`: for each indexed word, the words one letter shorter (a
-- deletion index: a query word finds the indexed words within its typo budget by exact look-ups,
-- without scanning the vocabulary) and its transliteration skeleton (« Lukashenko » and
-- « Loukachenko » share `lukachenko`). Written by kb at ingest, beside search_terms.
CREATE TABLE search_term_variants (
    variant TEXT NOT NULL,           -- A deletion or the skeleton of the term.
    kind    TEXT NOT NULL CHECK (kind IN ('deletion', 'skeleton')),
    term    TEXT NOT NULL REFERENCES search_terms(term) ON DELETE CASCADE,
    PRIMARY KEY (variant, kind, term)
) WITHOUT ROWID;
CREATE INDEX search_term_variants_term ON search_term_variants(term);

-- doc search_term_variants: Spelling variants of the indexed words, for typo and transliteration tolerance in kb search (a deletion index and transliteration skeletons).
-- doc search_term_variants.variant: The term with one letter deleted, or its transliteration skeleton.
-- doc search_term_variants.kind: deletion or skeleton.
-- doc search_term_variants.term: The indexed term (search_terms.term).
