-- Compact views for browsing (Datasette's first page, spreadsheets): one short line per fact, a
-- year column to facet and sort on, amounts with thousands separators. The *_facts views keep
-- every column and whole evidence sentences; these leave out ids of joined rows and names that
-- the codes already say, and cut long sentences.

-- Visits, one short line each, newest first in Datasette.
CREATE VIEW visit_list AS
SELECT v.visit_id                           AS visit_id,             -- the visit (visits.id)
       v.start_date                         AS start_date,           -- YYYY, YYYY-MM or YYYY-MM-DD, NULL when unknown
       v.end_date                           AS end_date,             -- last day, when stated
       substr(v.start_date, 1, 4)           AS year,                 -- year the visit started
       v.visitor                            AS visitor,              -- who travelled (person or delegation)
       v.visitor_country                    AS visitor_country,      -- ISO code of the visitor's country
       v.host_country                       AS host_country,         -- ISO code of the country visited
       v.city                               AS city,                 -- city visited, when stated
       v.kind                               AS kind,                 -- state, official, working, other or NULL
       v.articles                           AS articles,             -- number of articles telling this visit
       v.article_source                     AS article_source,       -- file name of the first article telling it
       CASE WHEN length(v.evidence) > 140 THEN substr(v.evidence, 1, 139) || '…' ELSE v.evidence END
                                            AS evidence              -- the sentence it was read from, cut at 140 characters (whole in the *_facts view)
FROM visit_facts v;

-- Agreements, one short line each.
CREATE VIEW agreement_list AS
SELECT g.agreement_id                       AS agreement_id,         -- the agreement (agreements.id)
       g.signed                             AS signed,               -- date signed, when stated
       substr(g.signed, 1, 4)               AS year,                 -- year signed
       g.kind                               AS kind,                 -- agreement, protocol, memorandum, …
       g.title                              AS title,                -- the document's name as written
       g.parties                            AS parties,              -- party codes, comma-separated
       g.domains                            AS domains,              -- domain slugs, comma-separated
       g.article_source                     AS article_source,       -- file name of the first article telling it
       CASE WHEN length(g.evidence) > 140 THEN substr(g.evidence, 1, 139) || '…' ELSE g.evidence END
                                            AS evidence              -- the sentence it was read from, cut at 140 characters (whole in the *_facts view)
FROM agreement_facts g;

-- Trade figures with the amount written out (1,200,000,000) next to its number.
CREATE VIEW trade_list AS
SELECT t.trade_figure_id                    AS trade_figure_id,      -- the figure (trade_figures.id)
       t.year                               AS year,                 -- year the figure is for, when stated
       t.period                             AS period,               -- period covered, when stated
       t.kind                               AS kind,                 -- actual, target or other
       t.scope                              AS scope,                -- bilateral, regional or bloc
       coalesce(t.country_a, '') || CASE WHEN t.country_b IS NOT NULL OR t.organisation IS NOT NULL THEN '–' ELSE '' END
         || coalesce(t.country_b, t.organisation, '') AS pair,      -- the trading pair (VN–BY) or country and bloc (VN–EAEU)
       CASE WHEN t.amount IS NULL THEN NULL
            ELSE printf('%,d', CAST(t.amount AS INTEGER)) || CASE WHEN t.amount = CAST(t.amount AS INTEGER) THEN ''
                 ELSE substr(printf('%.2f', abs(t.amount - CAST(t.amount AS INTEGER))), 2) END
       END                                  AS amount,               -- the amount with thousands separators (text)
       t.currency                           AS currency,             -- ISO 4217 code
       t.amount                             AS amount_value,         -- the amount as a number, for sorting and sums
       t.article_source                     AS article_source,       -- file name of the first article stating it
       CASE WHEN length(t.evidence) > 140 THEN substr(t.evidence, 1, 139) || '…' ELSE t.evidence END
                                            AS evidence              -- the sentence it was read from, cut at 140 characters (whole in the *_facts view)
FROM trade_facts t;

-- Articles without their texts: what each is about and what was extracted from it.
CREATE VIEW article_list AS
SELECT s.article_id                         AS article_id,           -- the article (articles.id)
       s.date                               AS date,                 -- publication date, when stated
       substr(s.date, 1, 4)                 AS year,                 -- year published
       s.headline                           AS headline,             -- the headline
       (SELECT iso2 FROM article_countries WHERE article_id = s.article_id
         ORDER BY mentions DESC, iso2 LIMIT 1) AS main_country,     -- the country mentioned most
       s.countries                          AS countries,            -- countries mentioned, most mentioned first
       s.visits                             AS visits,               -- number of visits told
       s.agreements                         AS agreements,           -- number of agreements told
       s.trade_figures                      AS trade_figures,        -- number of trade figures stated
       s.source                             AS source                -- file name
FROM article_facts_summary s;
