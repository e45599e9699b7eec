-- Whose trade a figure is, read from its own sentence rather than from the article's two most
-- mentioned countries, so that a province's or a bloc's total never enters a country pair's series;
-- and a match key for agreements, so that one document told in different words by several
-- articles is one row.

ALTER TABLE trade_figures ADD COLUMN scope TEXT CHECK (scope IS NULL OR scope IN ('bilateral', 'regional', 'bloc')); -- bilateral, regional or bloc
ALTER TABLE trade_figures ADD COLUMN organisation TEXT REFERENCES organisations(code); -- the bloc traded with (EAEU, ASEAN), for scope bloc

ALTER TABLE agreements ADD COLUMN match_key TEXT;      -- distinctive title words, folded and sorted (« libre-echange »)
CREATE INDEX agreements_match ON agreements(kind, match_key) WHERE match_key IS NOT NULL;

-- doc trade_figures.country_a: First country of the trading pair (ISO code), from the figure's sentence, else the article's main countries.
-- doc trade_figures.scope: Whose trade: bilateral (two countries), regional (a province or city of one of them) or bloc (a country and an organisation such as the EAEU); NULL when no pair is named. Only bilateral figures make a country pair's series.
-- doc trade_figures.organisation: The bloc traded with (organisations.code), when scope is bloc.
-- doc agreements.match_key: The title's distinctive words, folded, stemmed and sorted, without kind words, party names or dates; an agreement told by another article with the same kind, key and parties is the same row. NULL when the title has nothing distinctive.

DROP VIEW trade_facts;

-- Trade figures with the trading pair's names, the first article that states each one.
CREATE VIEW trade_facts AS
SELECT t.id                                 AS trade_figure_id,      -- the figure (trade_figures.id)
       t.year                               AS year,                 -- year the figure is for, when stated
       t.period                             AS period,               -- period covered, when stated
       t.kind                               AS kind,                 -- actual, target or other
       t.amount                             AS amount,               -- normalised amount (94,5 millions → 94500000), NULL when vague
       t.currency                           AS currency,             -- ISO 4217 code
       t.scope                              AS scope,                -- bilateral, regional or bloc (NULL when no pair is named)
       t.country_a                          AS country_a,            -- first country of the trading pair (ISO code)
       ca.name                              AS country_a_name,       -- its French name
       t.country_b                          AS country_b,            -- second country of the trading pair (ISO code)
       cb.name                              AS country_b_name,       -- its French name
       t.organisation                       AS organisation,         -- the bloc traded with (organisation code), for scope bloc
       (SELECT count(DISTINCT x.article_id) FROM trade_figure_evidence te JOIN evidence x ON x.id = te.evidence_id
         WHERE te.trade_figure_id = t.id)   AS articles,             -- number of articles stating this figure
       a.date                               AS article_date,         -- date of the first article stating it
       a.source                             AS article_source,       -- file name of the first article stating it
       e.sentence                           AS evidence              -- the sentence it was read from
FROM trade_figures t
LEFT JOIN countries ca ON ca.iso2 = t.country_a
LEFT JOIN countries cb ON cb.iso2 = t.country_b
LEFT JOIN evidence e   ON e.id = (SELECT min(evidence_id) FROM trade_figure_evidence WHERE trade_figure_id = t.id)
LEFT JOIN articles a   ON a.id = e.article_id;
