-- Analyst views: the fact tables joined into readable rows (names next to codes, the article
-- and sentence each fact was read from), for `kb sql`, Datasette and any SQLite client.
--
-- Documentation convention, read by `kb schema` and docs/SCHEMA.md: the comment block right
-- above a CREATE statement describes the table or view (its first sentence), a trailing
-- comment on a column line describes the column, and a line `-- doc TABLE[.COLUMN]: text`
-- (anywhere, in any migration) documents what earlier migrations left undocumented.

-- doc articles: Articles as ingested: the raw text kept unchanged (provenance), the cleaned story, headline and date.
-- doc articles.id: Article number (stable while the article's files exist).
-- doc articles.raw_text: The file's text exactly as read, the reference for every offset.
-- doc articles.date: Publication date as precise as the article states it (YYYY, YYYY-MM or YYYY-MM-DD).
-- doc articles.date_precision: Precision of date: year, month or day.
-- doc articles.headline: The headline, without the date prefix.
-- doc articles.ingested_at: When the article was first ingested (UTC, ISO 8601).
-- doc articles.updated_at: When the article's text or facts last changed (UTC, ISO 8601).
-- doc article_sources: Every file an article was read from; the same text under two names is one article with two sources.
-- doc article_sources.article_id: The article (articles.id).
-- doc article_sources.size: File size in bytes when last ingested.
-- doc article_sources.first_seen: When this file was first ingested (UTC, ISO 8601).
-- doc article_sources.last_seen: When this file was last seen by an ingest (UTC, ISO 8601).
-- doc article_sections: What cleaning set apart from the story: related links, credits, caption debris, datelines, « Voir plus ».
-- doc article_sections.id: Section number.
-- doc article_sections.article_id: The article (articles.id).
-- doc article_sections.seq: Order of the section in the article.
-- doc article_sections.kind: related, credit, caption_debris, dateline or more.
-- doc article_sections.text: The text set apart.
-- doc article_sections.start_offset: Start, in characters into articles.raw_text (0-based).
-- doc article_sections.end_offset: End, in characters into articles.raw_text (exclusive).
-- doc related_links: Headlines of the related articles listed under each article.
-- doc related_links.article_id: The article (articles.id).
-- doc related_links.seq: Order of the link in the article.
-- doc related_links.headline: The related article's headline.
-- doc kb_meta: Settings of the database itself (analyzer version, reference data fingerprint, …).
-- doc kb_meta.key: Setting name.
-- doc kb_meta.value: Setting value.
-- doc articles_fts: Full-text index over the analysed headline and body (external content: the articles table).
-- doc articles_fts.search_headline: Analysed headline (see articles.search_headline).
-- doc articles_fts.search_body: Analysed body (see articles.search_body).
-- doc schema_migrations: Schema migrations applied to this database, one row per migration file.
-- doc schema_migrations.version: Migration number (the file's numeric prefix).
-- doc schema_migrations.name: Migration file name.
-- doc schema_migrations.applied_at: When it was applied (UTC, ISO 8601).
-- doc countries: Countries known to kb (reference data), by ISO 3166-1 alpha-2 code.
-- doc countries.iso2: ISO 3166-1 alpha-2 code (BY, VN, …).
-- doc country_names: Every name kb recognises for a country: names, aliases, demonyms and capitals.
-- doc country_names.iso2: The country (countries.iso2).
-- doc country_names.kind: name, alias, demonym or capital.
-- doc organisations: International organisations known to kb (reference data).
-- doc organisations.code: Short code (EAEU, ASEAN, …).
-- doc organisations.name: Full name.
-- doc organisation_names: Every name kb recognises for an organisation.
-- doc organisation_names.code: The organisation (organisations.code).
-- doc organisation_names.name: The name as written.
-- doc organisation_names.folded: The name in lower case without accents, for matching.
-- doc domains: Cooperation domains, a fixed taxonomy (spec/domains.tsv).
-- doc domains.label_fr: French label.
-- doc domains.label_en: English label.
-- doc evidence_spans: Where each fact was read: the article and the sentence's character offsets (the view evidence adds the sentence text).
-- doc evidence_spans.id: Evidence number (evidence.id).
-- doc evidence_spans.article_id: The article (articles.id).
-- doc evidence_spans.start_offset: Start of the sentence, in characters into articles.raw_text (0-based).
-- doc evidence_spans.end_offset: End of the sentence, in characters into articles.raw_text (exclusive).
-- doc evidence_spans.extractor: The extractor that read it (countries, people, visits, agreements, domains, trade_figures).
-- doc evidence_spans.extractor_version: Version of the extractor that read it.
-- doc evidence.extractor: The extractor that read it.
-- doc evidence: The sentence a fact was read from, with its position in the article.
-- doc evidence.id: Evidence number.
-- doc evidence.article_id: The article (articles.id).
-- doc evidence.sentence: The sentence, as written in the article.
-- doc evidence.start_offset: Start of the sentence, in characters into articles.raw_text (0-based).
-- doc evidence.end_offset: End of the sentence, in characters into articles.raw_text (exclusive).
-- doc evidence.extractor_version: Version of the extractor that read it.
-- doc article_countries.article_id: The article (articles.id).
-- doc article_countries.iso2: The country (countries.iso2).
-- doc article_countries.mentions: How many sentences mention it.
-- doc article_countries.evidence_id: First sentence mentioning it (evidence.id).
-- doc people.id: Person number.
-- doc person_aliases: Every form of a person's name seen or known (« Loukachenko », « Lukashenko »).
-- doc person_aliases.person_id: The person (people.id).
-- doc person_aliases.folded: The alias in lower case without accents, for matching.
-- doc person_mentions: Which articles name which person.
-- doc person_mentions.person_id: The person (people.id).
-- doc person_mentions.article_id: The article (articles.id).
-- doc person_mentions.evidence_id: First sentence naming the person (evidence.id).
-- doc roles.id: Role number.
-- doc roles.person_id: Who holds it (people.id).
-- doc roles.organisation: Organisation the title belongs to, when stated.
-- doc roles.country: Country the title belongs to, when stated.
-- doc role_statements: Each article stating a role, with its date: the role is true as of that date.
-- doc role_statements.role_id: The role (roles.id).
-- doc role_statements.article_id: The article stating it (articles.id).
-- doc role_statements.evidence_id: The sentence stating it (evidence.id).
-- doc visits: Visits of a person or delegation of one country to another, one row per real visit across articles.
-- doc visits.id: Visit number.
-- doc visits.visitor_id: The visitor when a known person (people.id).
-- doc visits.visitor_country: Country of the visitor.
-- doc visits.host_country: Country visited.
-- doc visits.city: City visited, when stated.
-- doc visits.end_date: Last day of the visit, when stated.
-- doc visits.date_precision: Precision of start_date: year, month or day.
-- doc visits.kind: state, official, working, other, or NULL when the text does not say.
-- doc visit_evidence: The sentences each visit was read from.
-- doc visit_evidence.visit_id: The visit (visits.id).
-- doc visit_evidence.evidence_id: The sentence (evidence.id).
-- doc agreements: Named documents signed, adopted or in force between parties.
-- doc agreements.id: Agreement number.
-- doc agreements.kind: agreement, protocol, memorandum, declaration, letter_of_intent, programme, plan, treaty or other.
-- doc agreements.title: The document's name as written.
-- doc agreements.signed_precision: Precision of signed: year, month or day.
-- doc agreement_parties.agreement_id: The agreement (agreements.id).
-- doc agreement_parties.party: The party's code: country ISO code or organisation code.
-- doc agreement_parties.country: The party when a country (countries.iso2).
-- doc agreement_parties.organisation: The party when an organisation (organisations.code).
-- doc agreement_domains: Cooperation domains each agreement covers.
-- doc agreement_domains.agreement_id: The agreement (agreements.id).
-- doc agreement_domains.slug: The domain (domains.slug).
-- doc agreement_evidence: The sentences each agreement was read from.
-- doc agreement_evidence.agreement_id: The agreement (agreements.id).
-- doc agreement_evidence.evidence_id: The sentence (evidence.id).
-- doc article_domains: Cooperation domains each article mentions.
-- doc article_domains.article_id: The article (articles.id).
-- doc article_domains.slug: The domain (domains.slug).
-- doc article_domains.evidence_id: First sentence mentioning it (evidence.id).
-- doc trade_figures: Trade figures (actual or target amounts), one row per figure across articles.
-- doc trade_figures.id: Figure number.
-- doc trade_figures.currency: ISO 4217 currency code (USD, EUR, VND, …).
-- doc trade_figures.kind: actual (a result), target (an objective) or other.
-- doc trade_figures.year: Year the figure is for, when stated.
-- doc trade_figures.country_b: Second country of the trading pair (ISO code), when there are two.
-- doc trade_figures.period: Period the figure covers (2025-01/2025-09, 2016-2020), when stated.
-- doc trade_figure_evidence: The sentences each trade figure was read from.
-- doc trade_figure_evidence.trade_figure_id: The figure (trade_figures.id).
-- doc trade_figure_evidence.evidence_id: The sentence (evidence.id).

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
       e.sentence                           AS evidence              -- the sentence it was read from
FROM visits v
LEFT JOIN people p     ON p.id = v.visitor_id
LEFT JOIN countries vc ON vc.iso2 = v.visitor_country
LEFT JOIN countries hc ON hc.iso2 = v.host_country
LEFT JOIN evidence e   ON e.id = (SELECT min(evidence_id) FROM visit_evidence WHERE visit_id = v.id)
LEFT JOIN articles a   ON a.id = e.article_id;

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
       e.sentence                           AS evidence              -- the sentence it was read from
FROM agreements g
LEFT JOIN evidence e ON e.id = (SELECT min(evidence_id) FROM agreement_evidence WHERE agreement_id = g.id)
LEFT JOIN articles a ON a.id = e.article_id;

-- People and their roles, one row per article stating a role (so each role has the dates it was stated).
CREATE VIEW people_roles AS
SELECT p.id                                 AS person_id,            -- the person (people.id)
       p.name                               AS person,               -- fullest form of the name seen
       p.country                            AS person_country,       -- nationality (ISO code), when known
       r.id                                 AS role_id,              -- the role (roles.id)
       r.title                              AS title,                -- the title as the article gives it
       r.organisation                       AS organisation,         -- organisation of the title, when stated
       r.country                            AS role_country,         -- country of the title, when stated
       rs.stated_on                         AS stated_on,            -- date of the article stating it
       a.source                             AS article_source,       -- file name of the article stating it
       e.sentence                           AS evidence              -- the sentence stating it
FROM roles r
JOIN people p           ON p.id = r.person_id
JOIN role_statements rs ON rs.role_id = r.id
JOIN articles a         ON a.id = rs.article_id
LEFT JOIN evidence e    ON e.id = rs.evidence_id;

-- Trade figures with the trading pair's names, the first article that states each one.
CREATE VIEW trade_facts AS
SELECT t.id                                 AS trade_figure_id,      -- the figure (trade_figures.id)
       t.year                               AS year,                 -- year the figure is for, when stated
       t.period                             AS period,               -- period covered, when stated
       t.kind                               AS kind,                 -- actual, target or other
       t.amount                             AS amount,               -- normalised amount (94,5 millions → 94500000), NULL when vague
       t.currency                           AS currency,             -- ISO 4217 code
       t.country_a                          AS country_a,            -- first country of the trading pair (ISO code)
       ca.name                              AS country_a_name,       -- its French name
       t.country_b                          AS country_b,            -- second country of the trading pair (ISO code)
       cb.name                              AS country_b_name,       -- its French name
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

-- One row per article with what was extracted from it, counted.
CREATE VIEW article_facts_summary AS
SELECT a.id                                 AS article_id,           -- the article (articles.id)
       a.source                             AS source,               -- file name
       a.date                               AS date,                 -- publication date, when stated
       a.headline                           AS headline,             -- the headline
       (SELECT group_concat(iso2, ', ') FROM (SELECT iso2 FROM article_countries
         WHERE article_id = a.id ORDER BY mentions DESC, iso2)) AS countries, -- countries mentioned, most mentioned first
       (SELECT count(*) FROM person_mentions WHERE article_id = a.id) AS people, -- number of people named
       (SELECT count(DISTINCT ve.visit_id) FROM visit_evidence ve JOIN evidence x ON x.id = ve.evidence_id
         WHERE x.article_id = a.id)         AS visits,               -- number of visits told
       (SELECT count(DISTINCT ae.agreement_id) FROM agreement_evidence ae JOIN evidence x ON x.id = ae.evidence_id
         WHERE x.article_id = a.id)         AS agreements,           -- number of agreements told
       (SELECT count(DISTINCT te.trade_figure_id) FROM trade_figure_evidence te JOIN evidence x ON x.id = te.evidence_id
         WHERE x.article_id = a.id)         AS trade_figures,        -- number of trade figures stated
       (SELECT group_concat(slug, ', ') FROM (SELECT slug FROM article_domains
         WHERE article_id = a.id ORDER BY slug)) AS domains          -- domain slugs mentioned, comma-separated
FROM articles a;
