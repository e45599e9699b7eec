-- Dates that tools parsing one date per cell can read. Stored dates keep the precision the text
-- gave (`2025`, `2025-05`, `2025-05-12`); a column mixing them makes `pandas.to_datetime` fail. The
-- views now also give each date as a full ISO date (the first day of what was stated) next to its
-- precision (year, month or day): `2025` is `2025-01-01` + `year`, never a claim about 1 January.
-- The existing columns are unchanged and keep their order; the new ones come last.

DROP VIEW visit_facts;

-- Visits with readable names, the first article that tells each one and its sentence.
CREATE VIEW visit_facts AS
SELECT v.id                                 AS visit_id,             -- the visit (visits.id)
       coalesce(p.name, v.visitor)          AS visitor,              -- who travelled (person or delegation), may be NULL
       v.visitor_id                         AS person_id,            -- the visitor when a known person (people.id)
       v.visitor_country                    AS visitor_country,      -- ISO code of the visitor's country
       vc.name                              AS visitor_country_name, -- French name of the visitor's country
       v.host_country                       AS host_country,         -- ISO code of the country visited
       hc.name                              AS host_country_name,    -- French name of the country visited
       v.city                               AS city,                 -- city visited, when stated
       v.start_date                         AS start_date,           -- YYYY, YYYY-MM or YYYY-MM-DD, NULL when unknown
       v.end_date                           AS end_date,             -- last day, when stated
       v.kind                               AS kind,                 -- state, official, working, other or NULL
       (SELECT count(DISTINCT x.article_id) FROM visit_evidence ve JOIN evidence x ON x.id = ve.evidence_id
         WHERE ve.visit_id = v.id)          AS articles,             -- number of articles telling this visit
       a.source                             AS article_source,       -- file name of the first article telling it
       e.sentence                           AS evidence,             -- the sentence it was read from
       CASE length(v.start_date) WHEN 4 THEN v.start_date || '-01-01' WHEN 7 THEN v.start_date || '-01'
            ELSE v.start_date END           AS start_iso,            -- start_date as a full ISO date (first day of the year or month stated), for pandas and spreadsheets
       v.date_precision                     AS start_precision,      -- how much of start_date was stated: year, month or day
       CASE length(v.end_date) WHEN 4 THEN v.end_date || '-01-01' WHEN 7 THEN v.end_date || '-01'
            ELSE v.end_date END             AS end_iso,              -- end_date as a full ISO date (first day of the year or month stated)
       CASE length(v.end_date) WHEN 4 THEN 'year' WHEN 7 THEN 'month' WHEN 10 THEN 'day'
            END                             AS end_precision         -- how much of end_date was stated: year, month or day
FROM visits v
LEFT JOIN people p     ON p.id = v.visitor_id
LEFT JOIN countries vc ON vc.iso2 = v.visitor_country
LEFT JOIN countries hc ON hc.iso2 = v.host_country
LEFT JOIN evidence e   ON e.id = (SELECT min(evidence_id) FROM visit_evidence WHERE visit_id = v.id)
LEFT JOIN articles a   ON a.id = e.article_id;

DROP VIEW agreement_facts;

-- Agreements with their parties and domains as lists, the first article that tells each one.
CREATE VIEW agreement_facts AS
SELECT g.id                                 AS agreement_id,         -- the agreement (agreements.id)
       g.kind                               AS kind,                 -- agreement, protocol, memorandum, declaration, …
       g.title                              AS title,                -- the document's name as written
       g.signed                             AS signed,               -- date signed (YYYY, YYYY-MM or YYYY-MM-DD), when stated
       (SELECT group_concat(party, ', ') FROM (SELECT party FROM agreement_parties
         WHERE agreement_id = g.id ORDER BY party)) AS parties,      -- party codes, comma-separated
       (SELECT group_concat(slug, ', ') FROM (SELECT slug FROM agreement_domains
         WHERE agreement_id = g.id ORDER BY slug))  AS domains,      -- domain slugs, comma-separated
       (SELECT count(DISTINCT x.article_id) FROM agreement_evidence ae JOIN evidence x ON x.id = ae.evidence_id
         WHERE ae.agreement_id = g.id)      AS articles,             -- number of articles telling this agreement
       a.source                             AS article_source,       -- file name of the first article telling it
       e.sentence                           AS evidence,             -- the sentence it was read from
       CASE length(g.signed) WHEN 4 THEN g.signed || '-01-01' WHEN 7 THEN g.signed || '-01'
            ELSE g.signed END               AS signed_iso,           -- signed as a full ISO date (first day of the year or month stated), for pandas and spreadsheets
       g.signed_precision                   AS signed_precision      -- how much of signed was stated: year, month or day
FROM agreements g
LEFT JOIN evidence e ON e.id = (SELECT min(evidence_id) FROM agreement_evidence WHERE agreement_id = g.id)
LEFT JOIN articles a ON a.id = e.article_id;

-- The taxonomy's file in this repository (the docs pointed to a spec/ folder it does not have).
-- doc domains: Cooperation domains, a fixed taxonomy (seeds/reference/domains.tsv).
-- doc domains.slug: Fixed taxonomy (seeds/reference/domains.tsv).
