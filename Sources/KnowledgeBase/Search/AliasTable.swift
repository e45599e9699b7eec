import GRDB
import FrenchText

/// Spellings that name the same thing, for query expansion: a country's name, aliases and demonyms
/// (« Biélorussie », « Bélarus », « Belarus », « biélorusse »…), a person's known spellings
/// (« Loukachenko », « Lukashenko »). Capitals are left out: « Minsk » means the city, and the
/// Belarus articles that matter name the country anyway.
///
/// Read from the database, only for the words of the query: the reference data is there
/// (`country_names`, loaded at ingest), and so is every person the articles name with all their
/// spellings (`person_aliases`, people.tsv's variants included, `person_keys`). A search thus
/// never parses the reference files nor builds a table of every spelling (it did, at every start).
struct AliasTable {
    let db: Database

    /// All spellings of what `terms` names, as analysed terms, or nil when it names nothing known:
    /// a country (its name, aliases, demonyms), else a person when the spelling belongs to one only.
    func forms(of terms: [String]) throws -> [[String]]? {
        guard !terms.isEmpty else { return nil }
        if let iso2 = try country(terms) {
            let names = try String.fetchAll(db, sql: "SELECT name FROM country_names WHERE iso2 = ? AND kind <> 'capital' ORDER BY kind, name",
                                            arguments: [iso2])
            let forms = Self.analysed(names)
            if forms.count > 1 { return forms }
        }
        let key = terms.joined(separator: " ")
        let ids = try Int64.fetchAll(db, sql: "SELECT DISTINCT person_id FROM person_aliases WHERE folded = ? LIMIT 2", arguments: [key])
        guard ids.count == 1 else { return nil }
        return try person(ids[0])
    }

    /// The country one of whose names, aliases or demonyms is analysed as `terms`.
    private func country(_ terms: [String]) throws -> String? {
        // The folded name holds the analysed terms in order (the analysis also drops elisions, stop
        // words and hyphens, « Côte d'Ivoire » → cote ivoire): candidates by pattern, then checked.
        let rows = terms.count == 1
            ? try Row.fetchAll(db, sql: "SELECT iso2, name FROM country_names WHERE folded = ? AND kind <> 'capital'", arguments: [terms[0]])
            : try Row.fetchAll(db, sql: "SELECT iso2, name FROM country_names WHERE folded LIKE ? ESCAPE '\\' AND kind <> 'capital'",
                               arguments: [terms.map(Self.likeEscaped).joined(separator: "%")])
        var found: [String] = []
        for row in rows where FrenchAnalyzer.terms(row["name"] as String) == terms {
            let iso2: String = row["iso2"]
            if !found.contains(iso2) { found.append(iso2) }
        }
        return found.sorted().first
    }

    /// Every spelling of one person, analysed, when there are several.
    private func person(_ id: Int64) throws -> [[String]]? {
        let spellings = try String.fetchAll(db, sql: """
            SELECT name FROM people WHERE id = ?1 UNION SELECT alias FROM person_aliases WHERE person_id = ?1
            """, arguments: [id])
        let forms = Self.analysed(spellings)
        return forms.count > 1 ? forms : nil
    }

    /// Whether `term` is a name: a one-word spelling of a country or a word of a person's spelling.
    func isName(_ term: String) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM country_names WHERE folded = ?1 AND kind <> 'capital')
                OR EXISTS (SELECT 1 FROM person_aliases WHERE folded = ?1 OR folded LIKE ?1 || ' %' OR folded LIKE '% ' || ?1
                           OR folded LIKE '% ' || ?1 || ' %')
            """, arguments: [term]) ?? false
    }

    /// A spelling of a known person with this transliteration skeleton (« Lukashenka » for the
    /// recorded « Loukachenka »), as analysed terms, when it is one person's.
    func name(skeleton: String) throws -> [String]? {
        if let country = try countryName(skeleton: skeleton) { return [country] }
        let ids = try Int64.fetchAll(db, sql: "SELECT DISTINCT person_id FROM person_keys WHERE key = ? LIMIT 2", arguments: [skeleton])
        guard ids.count == 1 else { return nil }
        let spelling = try String.fetchOne(db, sql: """
            SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY length(alias), alias LIMIT 1
            """, arguments: [ids[0]])
        return spelling.map { FrenchAnalyzer.terms($0) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A one-word country name, alias or demonym with this skeleton (« belarus » for « Bélaruss »).
    /// Skeletons are not stored: the few names of about the same length whose first letter can
    /// give the skeleton's are checked (the rules change a first letter only to k, v, j, f or i).
    private func countryName(skeleton: String) throws -> String? {
        guard let first = skeleton.first else { return nil }
        let firsts: [Character] = switch first {
        case "k": ["k", "c", "q"]
        case "v": ["v", "w"]
        case "j": ["j", "d", "z"]
        case "f": ["f", "p"]
        case "i": ["i", "y"]
        default: [first]
        }
        let length = skeleton.unicodeScalars.count
        // A range of the primary key per first letter (« folded >= 'k' AND folded < 'l' »): the names
        // starting with another letter are not read (testing each name's first letter read them all).
        let ranges = firsts.map { _ in "(folded >= ? AND folded < ?)" }.joined(separator: " OR ")
        var bounds: [String] = []
        for c in firsts {
            guard let v = c.unicodeScalars.first?.value, let next = Unicode.Scalar(v + 1) else { return nil }
            bounds += [String(c), String(next)]
        }
        let rows = try String.fetchAll(db, sql: """
            SELECT DISTINCT folded FROM country_names
            WHERE (\(ranges)) AND kind <> 'capital' AND length(folded) BETWEEN ? AND ?
              AND instr(folded, ' ') = 0 AND instr(folded, '-') = 0 ORDER BY folded
            """, arguments: StatementArguments(bounds) + [length - 2, length + 4])
        return rows.first { Spelling.isWord($0) && Transliteration.skeleton(word: $0) == skeleton }
    }

    private static func analysed(_ spellings: [String]) -> [[String]] {
        var seen = Set<String>()
        return spellings.map { FrenchAnalyzer.terms($0) }.filter { !$0.isEmpty && seen.insert($0.joined(separator: " ")).inserted }
    }

    private static func likeEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
