-- Facts extracted from articles, normalised and linked, each with its evidence.
-- A fact repeated by several articles is one row with several pieces of evidence.

-- Reference data (seeds/reference/*.tsv), loaded idempotently at ingest.
CREATE TABLE countries (
    iso2 TEXT PRIMARY KEY CHECK (length(iso2) = 2 AND iso2 = upper(iso2)),
    name TEXT NOT NULL                                   -- French name (« Biélorussie »)
) WITHOUT ROWID;

CREATE TABLE country_names (
    -- Key columns come first: SQLite 3.40's integrity_check misreports other layouts of WITHOUT ROWID tables.
    folded TEXT NOT NULL,                                -- lower case, no accents (« belarus »)
    iso2   TEXT NOT NULL REFERENCES countries(iso2) ON DELETE CASCADE,
    kind   TEXT NOT NULL CHECK (kind IN ('name', 'alias', 'demonym', 'capital')),
    name   TEXT NOT NULL,                                -- as written (« Bélarus », « biélorusse », « Minsk »)
    PRIMARY KEY (folded, iso2, kind)
) WITHOUT ROWID;

CREATE TABLE organisations (
    code TEXT PRIMARY KEY,                               -- EAEU, ASEAN, …
    name TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE organisation_names (
    folded TEXT NOT NULL,
    code   TEXT NOT NULL REFERENCES organisations(code) ON DELETE CASCADE,
    name   TEXT NOT NULL,
    PRIMARY KEY (folded, code)
) WITHOUT ROWID;

CREATE TABLE domains (
    slug     TEXT PRIMARY KEY,                           -- fixed taxonomy (spec/domains.tsv)
    label_fr TEXT NOT NULL,
    label_en TEXT NOT NULL
) WITHOUT ROWID;

-- Provenance: where a fact was read. Offsets are character offsets into articles.raw_text, which
-- holds the sentence once: the view `evidence` adds it (many facts share a sentence).
CREATE TABLE evidence_spans (
    id                INTEGER PRIMARY KEY,
    article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_offset      INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset        INTEGER NOT NULL CHECK (end_offset >= start_offset),
    extractor         TEXT NOT NULL,                     -- e.g. visits
    extractor_version TEXT NOT NULL
);
CREATE INDEX evidence_spans_article ON evidence_spans(article_id);

-- Each piece of evidence with its sentence, as written in the article.
CREATE VIEW evidence AS
    SELECT s.id, s.article_id,
           substr(a.raw_text, s.start_offset + 1, s.end_offset - s.start_offset) AS sentence,
           s.start_offset, s.end_offset, s.extractor, s.extractor_version
    FROM evidence_spans s LEFT JOIN articles a ON a.id = s.article_id;

-- Countries each article mentions.
CREATE TABLE article_countries (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    iso2        TEXT NOT NULL REFERENCES countries(iso2),
    mentions    INTEGER NOT NULL CHECK (mentions > 0),
    evidence_id INTEGER NOT NULL REFERENCES evidence_spans(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, iso2)
) WITHOUT ROWID;
CREATE INDEX article_countries_iso2 ON article_countries(iso2);
CREATE INDEX article_countries_evidence ON article_countries(evidence_id);

-- One row per real person across all articles.
CREATE TABLE people (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,                               -- fullest form seen (« Alexandre Loukachenko »)
    country TEXT REFERENCES countries(iso2)              -- nationality when known
);

CREATE TABLE person_aliases (
    folded    TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,                             -- « Loukachenko », « Lukashenko »
    PRIMARY KEY (folded, person_id)
) WITHOUT ROWID;
CREATE INDEX person_aliases_person ON person_aliases(person_id);

CREATE TABLE person_mentions (
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,                           -- the form this article uses
    evidence_id INTEGER NOT NULL REFERENCES evidence_spans(id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, article_id)
) WITHOUT ROWID;
CREATE INDEX person_mentions_article ON person_mentions(article_id);
CREATE INDEX person_mentions_evidence ON person_mentions(evidence_id);

-- Roles as dated positions: a title is true as of the dates of the articles that state it.
CREATE TABLE roles (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    title        TEXT NOT NULL,                          -- « secrétaire général du Parti communiste du Vietnam »
    organisation TEXT,
    country      TEXT REFERENCES countries(iso2),
    UNIQUE (person_id, title)
);

CREATE TABLE role_statements (
    role_id     INTEGER NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    stated_on   TEXT,                                    -- the article's date (as precise as it is)
    evidence_id INTEGER NOT NULL REFERENCES evidence_spans(id) ON DELETE CASCADE,
    PRIMARY KEY (role_id, article_id)
) WITHOUT ROWID;
CREATE INDEX role_statements_article ON role_statements(article_id);
CREATE INDEX role_statements_evidence ON role_statements(evidence_id);

CREATE TABLE visits (
    id                INTEGER PRIMARY KEY,
    visitor_id        INTEGER REFERENCES people(id) ON DELETE SET NULL,
    visitor           TEXT,                              -- name as extracted (or a delegation), may be NULL
    visitor_country   TEXT REFERENCES countries(iso2),
    host_country      TEXT NOT NULL REFERENCES countries(iso2),
    city              TEXT,
    start_date        TEXT,                              -- YYYY, YYYY-MM or YYYY-MM-DD
    end_date          TEXT,
    date_precision    TEXT CHECK (date_precision IN ('year', 'month', 'day')),
    kind              TEXT CHECK (kind IN ('state', 'official', 'working', 'other')),
    CHECK ((start_date IS NULL) = (date_precision IS NULL)),
    CHECK (end_date IS NULL OR start_date IS NOT NULL)
);
CREATE INDEX visits_host ON visits(host_country);
CREATE INDEX visits_visitor ON visits(visitor_id, host_country);
CREATE INDEX visits_delegation ON visits(host_country, visitor_country) WHERE visitor_id IS NULL;

CREATE TABLE visit_evidence (
    visit_id    INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    evidence_id INTEGER NOT NULL REFERENCES evidence_spans(id) ON DELETE CASCADE,
    PRIMARY KEY (visit_id, evidence_id)
) WITHOUT ROWID;
CREATE INDEX visit_evidence_evidence ON visit_evidence(evidence_id);

CREATE TABLE agreements (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('agreement', 'protocol', 'memorandum', 'declaration',
                                                   'letter_of_intent', 'programme', 'plan', 'treaty', 'other')),
    title            TEXT NOT NULL,
    signed           TEXT,                               -- YYYY, YYYY-MM or YYYY-MM-DD
    signed_precision TEXT CHECK (signed_precision IN ('year', 'month', 'day')),
    CHECK ((signed IS NULL) = (signed_precision IS NULL))
);
-- Merging a fact with what other articles stated looks it up by its key: without these
-- indexes every article would scan all agreements and trade figures (quadratic ingest).
CREATE INDEX agreements_key ON agreements(kind, title);

-- Parties: a country (ISO code) or an organisation code, exactly one of the two.
CREATE TABLE agreement_parties (
    agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    party        TEXT NOT NULL,
    country      TEXT REFERENCES countries(iso2),
    organisation TEXT REFERENCES organisations(code),
    PRIMARY KEY (agreement_id, party),
    CHECK ((country IS NULL) <> (organisation IS NULL)),
    CHECK (party = coalesce(country, organisation))
) WITHOUT ROWID;

CREATE TABLE agreement_domains (
    agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    slug         TEXT NOT NULL REFERENCES domains(slug),
    PRIMARY KEY (agreement_id, slug)
) WITHOUT ROWID;

CREATE TABLE agreement_evidence (
    agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    evidence_id  INTEGER NOT NULL REFERENCES evidence_spans(id) ON DELETE CASCADE,
    PRIMARY KEY (agreement_id, evidence_id)
) WITHOUT ROWID;
CREATE INDEX agreement_evidence_evidence ON agreement_evidence(evidence_id);

CREATE TABLE article_domains (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    slug        TEXT NOT NULL REFERENCES domains(slug),
    evidence_id INTEGER NOT NULL REFERENCES evidence_spans(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, slug)
) WITHOUT ROWID;
CREATE INDEX article_domains_slug ON article_domains(slug);
CREATE INDEX article_domains_evidence ON article_domains(evidence_id);

CREATE TABLE trade_figures (
    id        INTEGER PRIMARY KEY,
    amount    REAL CHECK (amount IS NULL OR amount >= 0),   -- normalised (94,5 millions → 94500000)
    currency  TEXT CHECK (currency IS NULL OR (length(currency) = 3 AND currency = upper(currency))),
    kind      TEXT NOT NULL CHECK (kind IN ('actual', 'target', 'other')),
    year      INTEGER CHECK (year IS NULL OR year BETWEEN 1900 AND 2200),
    period    TEXT,
    country_a TEXT REFERENCES countries(iso2),             -- the trading pair, from the article's main countries
    country_b TEXT REFERENCES countries(iso2)
);
CREATE INDEX trade_figures_key ON trade_figures(kind, amount, currency, year);

CREATE TABLE trade_figure_evidence (
    trade_figure_id INTEGER NOT NULL REFERENCES trade_figures(id) ON DELETE CASCADE,
    evidence_id     INTEGER NOT NULL REFERENCES evidence_spans(id) ON DELETE CASCADE,
    PRIMARY KEY (trade_figure_id, evidence_id)
) WITHOUT ROWID;
CREATE INDEX trade_figure_evidence_evidence ON trade_figure_evidence(evidence_id);

-- Which extractor version produced each article's facts (facts never mix two versions).
ALTER TABLE articles ADD COLUMN extractor_version TEXT;
