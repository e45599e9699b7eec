import GRDB
import Extraction
import FrenchText

/// What the fact store needs to know of the reference data, computed once per knowledge base.
struct ReferenceIndex: Sendable {
    let countries: Set<String>
    let organisations: Set<String>
    let domains: Set<String>
    /// Folded spelling → every spelling of the same known person (« lukashenko » → Loukachenko, …).
    let personVariants: [String: [String]]
    /// Transliteration key → every spelling of the same known person, so a spelling people.tsv does
    /// not list (« Aleksandr Lukachenko ») still finds the person a rule derives it from.
    let personVariantsByKey: [String: [String]]
    /// Changes whenever any reference file changes: the tables are reloaded then.
    let fingerprint: String
    let reference: Reference

    init(_ r: Reference) {
        reference = r
        countries = Set(r.countries.map(\.iso2))
        organisations = Set(r.organisations.map(\.code))
        domains = Set(r.domains.map(\.slug))
        var variants: [String: [String]] = [:]
        var byKey: [String: [String]] = [:]
        for p in r.people {
            let all = [p.name] + p.aliases
            for a in all {
                variants[Folding.fold(a), default: []].append(contentsOf: all)
                byKey[Transliteration.key(name: a), default: []].append(contentsOf: all)
            }
        }
        personVariants = variants
        personVariantsByKey = byKey
        fingerprint = r.fingerprint
    }
}

/// Loads reference data into its tables, idempotently: only when the fingerprint changed.
enum ReferenceStore {
    /// Takes the parsed reference, not the `ReferenceIndex`: a run with nothing to extract (the
    /// nightly no-op) compares fingerprints and never builds the index's person variants.
    static func sync(_ db: Database, _ r: Reference) throws {
        let stored = try String.fetchOne(db, sql: "SELECT value FROM kb_meta WHERE key = 'reference_fingerprint'")
        guard stored != r.fingerprint else { return }
        for c in r.countries {
            try db.execute(sql: "INSERT INTO countries(iso2, name) VALUES (?, ?) ON CONFLICT(iso2) DO UPDATE SET name = excluded.name",
                           arguments: [c.iso2, c.name])
            try db.execute(sql: "DELETE FROM country_names WHERE iso2 = ?", arguments: [c.iso2])
            let names = [(c.name, "name")] + c.aliases.map { ($0, "alias") } + c.demonyms.map { ($0, "demonym") } + c.capitals.map { ($0, "capital") }
            for (name, kind) in names {
                try db.execute(sql: "INSERT OR IGNORE INTO country_names(iso2, name, folded, kind) VALUES (?, ?, ?, ?)",
                               arguments: [c.iso2, name, Folding.fold(name), kind])
            }
        }
        for o in r.organisations {
            try db.execute(sql: "INSERT INTO organisations(code, name) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name",
                           arguments: [o.code, o.name])
            try db.execute(sql: "DELETE FROM organisation_names WHERE code = ?", arguments: [o.code])
            for name in [o.name, o.code] + o.aliases {
                try db.execute(sql: "INSERT OR IGNORE INTO organisation_names(code, name, folded) VALUES (?, ?, ?)",
                               arguments: [o.code, name, Folding.fold(name)])
            }
        }
        for d in r.domains {
            try db.execute(sql: """
                INSERT INTO domains(slug, label_fr, label_en) VALUES (?, ?, ?)
                ON CONFLICT(slug) DO UPDATE SET label_fr = excluded.label_fr, label_en = excluded.label_en
                """, arguments: [d.slug, d.labelFR, d.labelEN])
        }
        try db.execute(sql: "INSERT OR REPLACE INTO kb_meta(key, value) VALUES ('reference_fingerprint', ?)", arguments: [r.fingerprint])
    }
}

/// Decides which stored person a mention is: one row per real person across all articles. Spellings
/// are matched folded, then by transliteration key (« Lukachenko » is « Loukachenko », « Petrov Ivan »
/// is « Ivan Petrov »): the same rules for every name, rather than variants listed in people.tsv.
struct PersonResolver {
    let reference: ReferenceIndex

    /// A mention's spellings, folded forms and transliteration keys: string work only, done by an
    /// ingest worker (`ExtractedArticle.personForms`) so the writer only looks them up.
    struct Forms: Sendable {
        let forms: [String]
        let folded: [String]
        let multi: [String]
        let single: [String]
        let keys: [String]
    }

    func forms(name: String, aliases: [String]) -> Forms {
        var written = [name] + aliases
        for n in written {
            written += reference.personVariants[Folding.fold(n)] ?? []
            written += reference.personVariantsByKey[Transliteration.key(name: n)] ?? []
        }
        var seen = Set<String>()
        let forms = written.filter { seen.insert(Folding.fold($0)).inserted }
        let folded = forms.map { Folding.fold($0) }
        return Forms(forms: forms, folded: folded,
                     multi: folded.filter { FactMerging.isFullName(folded: $0) },
                     single: folded.filter { !FactMerging.isFullName(folded: $0) },
                     keys: Array(Set(forms.map { Transliteration.key(name: $0) }.filter { !$0.isEmpty })))
    }

    func resolve(_ db: Database, name: String, aliases: [String], country: String?) throws -> Int64 {
        try resolve(db, name: name, forms: forms(name: name, aliases: aliases), country: country)
    }

    func resolve(_ db: Database, name: String, forms f: Forms, country: String?) throws -> Int64 {
        let forms = f.forms, folded = f.folded, multi = f.multi, single = f.single

        var match: Int64?
        for f in multi where match == nil {
            match = try candidate(db, table: "person_aliases", column: "folded", f, country: country)
        }
        for f in single where match == nil {
            // Two ids say « more than one person »: the others are not read.
            let ids = try Int64.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT person_id FROM person_aliases WHERE folded = ? LIMIT 2"), arguments: [f])
            if ids.count == 1 { match = try compatible(db, ids[0], country: country) ? ids[0] : nil }
        }
        // No spelling seen before: the same name transliterated differently. A full name's key is
        // enough; a surname's only when one person has it.
        let keys = f.keys
        for k in keys where match == nil && k.contains(" ") {
            match = try candidate(db, table: "person_keys", column: "key", k, country: country)
        }
        for k in keys where match == nil && !k.contains(" ") {
            let ids = try Int64.fetchAll(db.cachedStatement(sql: "SELECT person_id FROM person_keys WHERE key = ? LIMIT 2"), arguments: [k])
            if ids.count == 1 { match = try compatible(db, ids[0], country: country) ? ids[0] : nil }
        }
        let id: Int64
        if let match {
            id = match
            let current = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM people WHERE id = ?"), arguments: [id]) ?? ""
            if FactMerging.prefersName(name, over: current) {
                try db.cachedStatement(sql: "UPDATE people SET name = ? WHERE id = ?").execute(arguments: [name, id])
            }
            if let country { try db.cachedStatement(sql: "UPDATE people SET country = coalesce(country, ?) WHERE id = ?").execute(arguments: [country, id]) }
        } else {
            try db.cachedStatement(sql: "INSERT INTO people(name, country) VALUES (?, ?)").execute(arguments: [name, country])
            id = db.lastInsertedRowID
        }
        let alias = try DirectStatement(db, sql: "INSERT OR IGNORE INTO person_aliases(person_id, alias, folded) VALUES (?, ?, ?)")
        for (form, f) in zip(forms, folded) { try alias.run(.int(id), .text(form), .text(f)) }
        let key = try DirectStatement(db, sql: "INSERT OR IGNORE INTO person_keys(key, person_id) VALUES (?, ?)")
        for k in keys { try key.run(.text(k), .int(id)) }
        return id
    }

    /// The first person (lowest id) of `table` under `value` whose nationality fits `country`. The
    /// people's countries come with the ids: a common spelling names many people, and a query per
    /// candidate was most of the writer's look-ups.
    private func candidate(_ db: Database, table: String, column: String, _ value: String, country: String?) throws -> Int64? {
        guard let country else {
            return try Int64.fetchOne(db.cachedStatement(sql: "SELECT person_id FROM \(table) WHERE \(column) = ? ORDER BY person_id LIMIT 1"), arguments: [value])
        }
        // A cursor stops at the first fit (its statement is reset when it goes).
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT t.person_id, p.country FROM \(table) t LEFT JOIN people p ON p.id = t.person_id WHERE t.\(column) = ? ORDER BY t.person_id
            """), arguments: [value])
        while let row = try rows.next() {
            if FactMerging.nationalitiesCompatible(stored: row[1], new: country) { return row[0] }
        }
        return nil
    }

    private func compatible(_ db: Database, _ id: Int64, country: String?) throws -> Bool {
        guard country != nil else { return true }
        let stored = try String.fetchOne(db.cachedStatement(sql: "SELECT country FROM people WHERE id = ?"), arguments: [id])
        return FactMerging.nationalitiesCompatible(stored: stored, new: country)
    }
}
