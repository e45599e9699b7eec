-- File problems get a machine-readable kind beside their reason. The reason is for people and
-- names no command-line flag (the library does not know which program runs it): kb adds the flag
-- that fixes a kind when it prints the problem.

ALTER TABLE ingest_problems ADD COLUMN kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('too-large', 'symlink', 'link-loop', 'not-regular', 'unreadable', 'bad-path', 'not-article', 'crashed', 'refused', 'failed', 'warning', 'missing', 'other'));  -- what went wrong: too-large, symlink (leads outside the directory, not followed), link-loop, not-regular, unreadable, bad-path, not-article (empty, binary, undecodable, no text), crashed, refused (by the database), failed, warning, missing, other (older rows of no known reason)
ALTER TABLE skipped_files ADD COLUMN kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('too-large', 'symlink', 'link-loop', 'not-regular', 'unreadable', 'bad-path', 'not-article', 'crashed', 'refused', 'failed', 'warning', 'missing', 'other'));  -- what went wrong (as ingest_problems.kind)

-- Rows written before this migration: the kind is read from the reason's wording (the first
-- pattern that matches), once for both tables.
CREATE TEMP TABLE reason_kinds (seq INTEGER PRIMARY KEY, pattern TEXT NOT NULL, kind TEXT NOT NULL);
INSERT INTO reason_kinds(pattern, kind) VALUES
    ('file is %, over the % limit: skipped%', 'too-large'),
    ('symbolic link to %not followed%', 'symlink'),
    ('symbolic link loop%', 'link-loop'),
    ('not a regular file%', 'not-regular'),
    ('path of % bytes%', 'bad-path'), ('path too long%', 'bad-path'), ('the file name is not valid UTF-8%', 'bad-path'),
    ('broken symbolic link%', 'unreadable'), ('permission denied%', 'unreadable'), ('cannot be read%', 'unreadable'),
    ('directory cannot be listed%', 'unreadable'), ('file changed while being read%', 'unreadable'), ('the file disappeared%', 'unreadable'),
    ('%crashed kb%', 'crashed'),
    ('the database refused%', 'refused'),
    ('could not be processed%', 'failed'),
    ('empty file%', 'not-article'), ('HTML page %', 'not-article'), ('UTF-32 text%', 'not-article'), ('starts with a UTF-16%', 'not-article'),
    ('binary file%', 'not-article'), ('not valid UTF-8%', 'not-article'), ('only white space%', 'not-article'), ('no headline%', 'not-article');

UPDATE ingest_problems SET kind = CASE severity WHEN 'missing' THEN 'missing' WHEN 'warning' THEN 'warning'
    ELSE coalesce((SELECT k.kind FROM reason_kinds k WHERE ingest_problems.reason LIKE k.pattern ORDER BY k.seq LIMIT 1), 'other') END;
UPDATE skipped_files SET kind = coalesce((SELECT k.kind FROM reason_kinds k WHERE skipped_files.reason LIKE k.pattern ORDER BY k.seq LIMIT 1), 'other');
DROP TABLE reason_kinds;

-- The remedies the old reasons named are cut off: « …limit: skipped (raise it with the flag) »
-- ends at « skipped »; « …: not followed (follow them with the flag): skipped » loses the parenthesis.
UPDATE ingest_problems SET reason = substr(reason, 1, instr(reason, ' limit: skipped') + 14) WHERE kind = 'too-large' AND reason LIKE '% limit: skipped (%';
UPDATE skipped_files SET reason = substr(reason, 1, instr(reason, ' limit: skipped') + 14) WHERE kind = 'too-large' AND reason LIKE '% limit: skipped (%';
UPDATE ingest_problems SET reason = substr(reason, 1, instr(reason, ': not followed (') + 13) || ': skipped' WHERE kind = 'symlink' AND reason LIKE '%: not followed (%';
UPDATE skipped_files SET reason = substr(reason, 1, instr(reason, ': not followed (') + 13) || ': skipped' WHERE kind = 'symlink' AND reason LIKE '%: not followed (%';

-- doc ingest_problems.reason: What was wrong, for people; names no command-line flag (kb adds the one that fixes the kind when it prints the problem)
