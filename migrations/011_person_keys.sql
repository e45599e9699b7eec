-- Transliteration keys of people's names (FrenchText Transliteration.key): « Loukachenko »,
-- « Lukashenko » and « Lukachenko » have one key, « Petrov Ivan Ilitch » and « Ivan Petrov » too, so
-- articles that spell a name differently name one person. Filled as articles are (re)extracted.
CREATE TABLE person_keys (
    key       TEXT NOT NULL,                                        -- transliteration key of one form of the name
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,  -- the person (people.id)
    PRIMARY KEY (key, person_id)
) WITHOUT ROWID;
CREATE INDEX person_keys_person ON person_keys(person_id);
