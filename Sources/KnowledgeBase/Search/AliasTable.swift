import Extraction
import Foundation
import Synchronization
import GRDB
import FrenchText

/// Spellings that name the same thing, for query expansion: a country's name, aliases and demonyms
/// (« Biélorussie », « Bélarus », « Belarus », « biélorusse »…), a person's known spellings
/// (« Loukachenko », « Lukashenko »). Capitals are left out: « Minsk » means the city, and the
/// Belarus articles that matter name the country anyway.
struct AliasTable: Sendable {
    /// Analysed spelling (terms joined by spaces) → index in `groups`.
    private let keys: [String: Int]
    /// Each group: every spelling, as analysed terms.
    private let groups: [[[String]]]
    /// The words that are names: one-word country spellings and every word of a person's spellings.
    private let words: Set<String>

    init(_ reference: Reference) {
        var keys: [String: Int] = [:]
        var groups: [[[String]]] = []
        var words = Set<String>()
        /// Records the group of spellings; returns their analysed forms.
        @discardableResult
        func add(_ spellings: [String]) -> [[String]] {
            var forms: [[String]] = []
            var seen = Set<String>()
            for s in spellings {
                let terms = FrenchAnalyzer.terms(s)
                if !terms.isEmpty, seen.insert(terms.joined(separator: " ")).inserted { forms.append(terms) }
            }
            guard forms.count > 1 else { return forms }
            for key in seen where keys[key] == nil { keys[key] = groups.count }
            groups.append(forms)
            return forms
        }
        for c in reference.countries {
            // A one-word spelling is a name; a word of « Saint-Marin » is not (« marin »).
            for form in add([c.name] + c.aliases + c.demonyms) where form.count == 1 { words.insert(form[0]) }
        }
        for p in reference.people {
            for form in add([p.name] + p.aliases) { words.formUnion(form) }
        }
        self.keys = keys
        self.groups = groups
        self.words = words
    }

    /// Whether `term` is a name (« bielorussie », « loukachenko »).
    func isName(_ term: String) -> Bool { words.contains(term) }

    /// All spellings of what `terms` names, or nil when it names nothing known. People found by the
    /// extraction (table person_aliases) count too, when the spelling belongs to one person only.
    func forms(of terms: [String], db: Database) throws -> [[String]]? {
        let key = terms.joined(separator: " ")
        if let g = keys[key] { return groups[g] }
        let ids = try Int64.fetchAll(db, sql: "SELECT DISTINCT person_id FROM person_aliases WHERE folded = ? LIMIT 2", arguments: [key])
        guard ids.count == 1 else { return nil }
        let spellings = try String.fetchAll(db, sql: """
            SELECT name FROM people WHERE id = ?1 UNION SELECT alias FROM person_aliases WHERE person_id = ?1
            """, arguments: [ids[0]])
        var seen = Set<String>()
        let forms = spellings.map { FrenchAnalyzer.terms($0) }.filter { !$0.isEmpty && seen.insert($0.joined(separator: " ")).inserted }
        return forms.count > 1 ? forms : nil
    }

    private static let cache = Mutex<[String: AliasTable]>([:])

    /// Built once per reference data set.
    static func `for`(_ index: ReferenceIndex) -> AliasTable {
        let key = index.fingerprint + String(index.reference.people.hashValue)
        return cache.withLock { cache in
            if let t = cache[key] { return t }
            let t = AliasTable(index.reference)
            cache[key] = t
            return t
        }
    }
}
