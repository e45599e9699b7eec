import GRDB
import FrenchText

/// The filters of a search as SQL on the fact tables (migration 002), each a `{id} IN (…)` test
/// that SQLite answers from an index.
enum SearchFilters {
    static func parts(_ db: Database, _ r: SearchRequest, reference: () -> ReferenceIndex) throws -> [SQLPart] {
        var parts: [SQLPart] = []
        for c in r.countries {
            parts.append(SQLPart(sql: "{id} IN (SELECT article_id FROM article_countries WHERE iso2 = ?)",
                                 arguments: [try country(db, c, reference()).databaseValue]))
        }
        for p in r.people {
            let folded = personSpellings(p, reference())
            // A name no article gives cannot match: say so (status 1, as for any unknown name)
            // rather than « 0 articles », which reads as « known, but not in these articles ».
            if try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM person_aliases WHERE folded IN (\(folded.map { _ in "?" }.joined(separator: ", "))))",
                                  arguments: StatementArguments(folded))! {
                throw LookupError.notFound(kind: "person", name: p, hint: "A person is searched by a name or alias as articles give it; `kb people` lists everyone known.",
                                           suggestions: try Suggest.people(db, p))
            }
            parts.append(SQLPart(sql: """
                {id} IN (SELECT pm.article_id FROM person_mentions pm JOIN person_aliases pa ON pa.person_id = pm.person_id \
                WHERE pa.folded IN (\(folded.map { _ in "?" }.joined(separator: ", "))))
                """, arguments: folded.map(\.databaseValue)))
        }
        for d in r.domains {
            parts.append(SQLPart(sql: "{id} IN (SELECT article_id FROM article_domains WHERE slug = ?)",
                                 arguments: [try domain(d, reference()).databaseValue]))
        }
        if let since = try date(r.since, "since") {
            parts.append(SQLPart(sql: "{id} IN (SELECT id FROM articles WHERE date >= ? AND date >= substr(?, 1, length(date)))",
                                 arguments: [String(since.prefix(4)).databaseValue, since.databaseValue]))
        }
        if let until = try date(r.until, "until") {
            parts.append(SQLPart(sql: "{id} IN (SELECT id FROM articles WHERE date <= ? AND substr(date, 1, ?) <= ?)",
                                 arguments: [(until + "~").databaseValue, until.count.databaseValue, until.databaseValue]))
        }
        return parts
    }

    /// An ISO code (any case) or a name, alias or demonym from the reference data.
    static func country(_ db: Database, _ s: String, _ reference: ReferenceIndex) throws -> String {
        let trimmed = s.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 2, trimmed.allSatisfy(\.isLetter) {
            let code = trimmed.uppercased()
            if reference.countries.contains(code) { return code }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM countries WHERE iso2 = ?", arguments: [code]) ?? false { return code }
        }
        let folded = Folding.fold(trimmed)
        for c in reference.reference.countries where ([c.name] + c.aliases + c.demonyms).contains(where: { Folding.fold($0) == folded }) {
            return c.iso2
        }
        throw LookupError.notFound(kind: "country", name: s, hint: "Give an ISO code such as BY or VN, or a name listed in seeds/reference/countries.tsv.",
                                   suggestions: try Suggest.countries(db, trimmed))
    }

    /// Every folded spelling of a person the reference data knows, else the name itself.
    static func personSpellings(_ name: String, _ reference: ReferenceIndex) -> [String] {
        let folded = Folding.fold(name.trimmingCharacters(in: .whitespaces))
        var out = [folded]
        for v in reference.personVariants[folded] ?? [] where !out.contains(Folding.fold(v)) { out.append(Folding.fold(v)) }
        return out
    }

    static func domain(_ s: String, _ reference: ReferenceIndex) throws -> String {
        if reference.domains.contains(s) { return s }
        let folded = Folding.fold(s.trimmingCharacters(in: .whitespaces))
        if let d = reference.reference.domains.first(where: { Folding.fold($0.labelFR) == folded || Folding.fold($0.labelEN) == folded || $0.slug == folded }) {
            return d.slug
        }
        let names = reference.reference.domains.flatMap { d in [d.slug, d.labelFR, d.labelEN].map { (folded: Folding.fold($0), display: d.slug) } }
        throw LookupError.notFound(kind: "domain", name: s, hint: "Use one of \(reference.reference.domains.map(\.slug).joined(separator: ", ")).",
                                   suggestions: Suggest.closest(s, among: names))
    }

    static func date(_ s: String?, _ bound: String) throws -> String? {
        guard let s else { return nil }
        guard let d = PartialDate(iso: s.trimmingCharacters(in: .whitespaces)) else {
            throw KBError.invalidDate(bound: bound, value: s)
        }
        return d.description
    }
}
