import GRDB
import FrenchText

/// One possible meaning of a name the user typed.
public struct Candidate: Sendable, Codable, Equatable {
    /// What to type to choose it unambiguously (an ISO code, a person's id as `#12`, a file name).
    public var key: String
    public var name: String
    public var detail: String
}

/// A name that matches nothing, or several things. The CLI exits with status 1, in every command
/// (cards, listing filters, `kb search` filters): « no such name » is one documented status.
public enum LookupError: Error, CustomStringConvertible, Equatable {
    case notFound(kind: String, name: String, hint: String)
    case ambiguous(kind: String, name: String, candidates: [Candidate])

    public var description: String {
        switch self {
        case let .notFound(kind, name, hint):
            return "no \(kind) matches « \(name) ». \(hint)"
        case let .ambiguous(kind, name, candidates):
            let list = candidates.map { "  \($0.key)\t\($0.name)\($0.detail.isEmpty ? "" : " (\($0.detail))")" }.joined(separator: "\n")
            return "« \(name) » matches \(candidates.count) \(kind == "person" ? "people" : kind + "s"); say which one:\n\(list)"
        }
    }

    public var exitCode: Int32 { 1 }

    /// Not found, with the closest known names (« Did you mean … ? ») before the hint.
    static func notFound(kind: String, name: String, hint: String, suggestions: [String]) -> LookupError {
        guard !suggestions.isEmpty else { return .notFound(kind: kind, name: name, hint: hint) }
        return .notFound(kind: kind, name: name, hint: "Did you mean \(suggestions.map { "« \($0) »" }.joined(separator: ", "))? " + hint)
    }
}

/// The known names closest to a mistyped one, by edit distance on folded forms (a typo budget
/// growing with the length, as `kb search` forgives typos), and names the input is a prefix of.
enum Suggest {
    /// `candidates`: (folded form, what to show). At most `limit` distinct displays, closest first.
    static func closest(_ input: String, among candidates: [(folded: String, display: String)], limit: Int = 3) -> [String] {
        let folded = Folding.fold(input.trimmingCharacters(in: .whitespaces))
        guard !folded.isEmpty else { return [] }
        let budget = max(1, min(3, folded.count / 3))
        var scored: [(Int, String)] = []
        for c in candidates where !c.folded.isEmpty {
            var d = Spelling.distance(folded, c.folded, bound: budget)
            if d > budget, folded.count >= 3, c.folded.hasPrefix(folded) { d = budget }
            if d <= budget { scored.append((d, c.display)) }
        }
        var seen = Set<String>(), out: [String] = []
        for (_, display) in scored.sorted(by: { ($0.0, Folding.fold($0.1)) < ($1.0, Folding.fold($1.1)) }) where seen.insert(display).inserted {
            out.append(display)
            if out.count == limit { break }
        }
        return out
    }

    static func countries(_ db: Database, _ input: String) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: "SELECT n.folded, c.name, c.iso2 FROM country_names n JOIN countries c USING (iso2)")
        return closest(input, among: rows.map { (folded: $0["folded"], display: "\($0["name"] as String) (\($0["iso2"] as String))") })
    }

    static func people(_ db: Database, _ input: String) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: "SELECT a.folded, p.name FROM person_aliases a JOIN people p ON p.id = a.person_id")
        return closest(input, among: rows.map { (folded: $0["folded"], display: $0["name"]) })
    }
}

extension Array where Element == String {
    /// Sorted as people read names: accents and case folded (« Aïdar » before « Anwar », « Đoàn »
    /// among the D), the exact form breaking ties so the order is stable.
    func sortedByFoldedName() -> [String] {
        map { (Folding.fold($0), $0) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.1)
    }
}

/// Resolves what the user typed to one row: accent- and case-insensitively, through aliases.
enum Lookup {
    /// An ISO code (`BY`), or any name, alias, demonym or capital of a country (« Biélorussie », « Belarus »).
    static func country(_ db: Database, _ input: String) throws -> String {
        let trimmed = input.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 2, let iso = try String.fetchOne(db, sql: "SELECT iso2 FROM countries WHERE iso2 = ?", arguments: [trimmed.uppercased()]) {
            return iso
        }
        let folded = Folding.fold(trimmed)
        var codes = try String.fetchAll(db, sql: "SELECT DISTINCT iso2 FROM country_names WHERE folded = ? ORDER BY iso2", arguments: [folded])
        if codes.isEmpty, folded.count >= 3 {
            codes = try String.fetchAll(db, sql: "SELECT DISTINCT iso2 FROM country_names WHERE folded LIKE ? ESCAPE '\\' ORDER BY iso2",
                                        arguments: [like(folded) + "%"])
        }
        if codes.count == 1 { return codes[0] }
        if codes.isEmpty {
            throw LookupError.notFound(kind: "country", name: input, hint: "Use an ISO code (BY) or a French or English name (Biélorussie, Belarus); `kb countries` lists them.",
                                       suggestions: try Suggest.countries(db, trimmed))
        }
        throw LookupError.ambiguous(kind: "country", name: input, candidates: try codes.map { code in
            Candidate(key: code, name: try String.fetchOne(db, sql: "SELECT name FROM countries WHERE iso2 = ?", arguments: [code]) ?? code, detail: "")
        })
    }

    /// A card's id as typed: `12` or `#12` (kb prints ids as `#12`; both forms work for every card).
    static func id(_ input: String) -> Int64? {
        let digits = input.hasPrefix("#") ? String(input.dropFirst()) : input
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(digits)
    }

    /// A person's id (`12` or `#12`), full name or any alias; a partial name (« Lâm ») when it is unique.
    static func person(_ db: Database, _ input: String) throws -> Int64 {
        let trimmed = input.trimmingCharacters(in: .whitespaces)
        if let id = id(trimmed) {
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM people WHERE id = ?", arguments: [id]) == true { return id }
            throw LookupError.notFound(kind: "person", name: input, hint: "There is no person #\(id); `kb people` lists everyone known with their id.")
        }
        let folded = Folding.fold(trimmed)
        var ids = try Int64.fetchAll(db, sql: "SELECT DISTINCT person_id FROM person_aliases WHERE folded = ? ORDER BY person_id", arguments: [folded])
        if ids.isEmpty {
            // Every word of the query is a whole word of some alias: « lam » finds « to lam ».
            let words = folded.split(separator: " ").map(String.init)
            if !words.isEmpty {
                let clause = words.map { _ in "(' ' || replace(folded, '-', ' ') || ' ') LIKE ? ESCAPE '\\'" }.joined(separator: " AND ")
                ids = try Int64.fetchAll(db, sql: "SELECT DISTINCT person_id FROM person_aliases WHERE \(clause) ORDER BY person_id",
                                         arguments: StatementArguments(words.map { "% " + like($0) + " %" }))
            }
        }
        if ids.count == 1 { return ids[0] }
        if ids.isEmpty {
            throw LookupError.notFound(kind: "person", name: input, hint: "Names match without accents and through aliases; `kb people` lists everyone known.",
                                       suggestions: try Suggest.people(db, trimmed))
        }
        throw LookupError.ambiguous(kind: "person", name: input, candidates: try ids.map { id in
            let row = try Row.fetchOne(db, sql: """
                SELECT p.name, p.country, (SELECT title FROM people_roles WHERE person_id = p.id ORDER BY stated_on DESC LIMIT 1) AS title
                FROM people p WHERE p.id = ?
                """, arguments: [id])
            let detail = [row?["country"] as String?, row?["title"] as String?].compactMap { $0 }.joined(separator: ", ")
            return Candidate(key: "#\(id)", name: row?["name"] ?? "?", detail: detail)
        })
    }

    /// An article id, or the file name it was ingested from (with or without `.txt`, or a unique prefix).
    static func article(_ db: Database, _ input: String) throws -> Int64 {
        let trimmed = input.trimmingCharacters(in: .whitespaces)
        // « 003 » is a file name prefix (seed names start with zeros), « 3 » and « #3 » (as kb show prints it) an id.
        if let id = id(trimmed), trimmed.hasPrefix("#") || !trimmed.hasPrefix("0"),
           try Bool.fetchOne(db, sql: "SELECT 1 FROM articles WHERE id = ?", arguments: [id]) == true {
            return id
        }
        let name = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
        var ids = try Int64.fetchAll(db, sql: """
            SELECT id FROM articles WHERE source IN (?, ?)
            UNION SELECT article_id FROM article_sources WHERE name IN (?, ?) ORDER BY 1
            """, arguments: [name, name + ".txt", name, name + ".txt"])
        if ids.isEmpty {
            ids = try Int64.fetchAll(db, sql: """
                SELECT id FROM articles WHERE source LIKE ? ESCAPE '\\'
                UNION SELECT article_id FROM article_sources WHERE name LIKE ? ESCAPE '\\' ORDER BY 1
                """, arguments: [like(name) + "%", like(name) + "%"])
        }
        if ids.count == 1 { return ids[0] }
        if ids.isEmpty {
            let sources = try String.fetchAll(db, sql: "SELECT source FROM articles")
            throw LookupError.notFound(kind: "article", name: input, hint: "Give an article id or the file name it was ingested from; `kb sql \"SELECT id, source FROM articles\"` lists them.",
                                       suggestions: Suggest.closest(name, among: sources.map { (folded: Folding.fold($0), display: $0) }))
        }
        throw LookupError.ambiguous(kind: "article", name: input, candidates: try ids.map { id in
            let row = try Row.fetchOne(db, sql: "SELECT source, headline FROM articles WHERE id = ?", arguments: [id])
            return Candidate(key: "\(id)", name: row?["source"] ?? "?", detail: row?["headline"] ?? "")
        })
    }

    static func like(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
