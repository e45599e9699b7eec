-- Per-rule provenance: every piece of evidence names the rule of the extraction grammar that read
-- it (`visit.arrival`, `person.title-name`, …), so an analyst can see why a fact exists and
-- `make rules-report` can count, per rule, the facts it makes and how many the gold confirms.
-- Evidence stored before this migration has no rule (''); the next re-extraction fills it.
ALTER TABLE evidence_spans ADD COLUMN rule TEXT NOT NULL DEFAULT '';
CREATE INDEX evidence_spans_rule ON evidence_spans(rule);

DROP VIEW evidence;
CREATE VIEW evidence AS
    SELECT s.id, s.article_id,
           substr(a.raw_text, s.start_offset + 1, s.end_offset - s.start_offset) AS sentence,
           s.start_offset, s.end_offset, s.extractor, s.extractor_version, s.rule
    FROM evidence_spans s LEFT JOIN articles a ON a.id = s.article_id;

-- doc evidence_spans.rule: Id of the extraction rule that read it (visit.arrival, person.title-name, …); '' before rules were recorded.
-- doc evidence.rule: Id of the extraction rule that read it.
