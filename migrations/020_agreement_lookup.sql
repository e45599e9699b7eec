-- An agreement told again is looked up by kind, title (or match key) and signing date. The indexes
-- stopped at the title: a title signed on many dates (« accord sur l'exemption de visa », a yearly
-- plan) made every look-up read all its rows, so the ingest slowed down as the database grew
-- (the look-ups were the writer's costliest statements at 10,000 articles). With the date in the
-- index, each look-up reads the rows of its date and the undated ones only.
DROP INDEX agreements_key;
CREATE INDEX agreements_key ON agreements(kind, title, signed);
DROP INDEX agreements_match;
CREATE INDEX agreements_match ON agreements(kind, match_key, signed) WHERE match_key IS NOT NULL;
