import GRDB
import FrenchText

/// A query word that also matched other spellings, shown so a user knows why a hit is there
/// (« also matched: Lukachenko → loukachenko, lukashenko »).
public struct SearchExpansion: Sendable, Codable, Equatable {
    /// The word as typed.
    public var typed: String
    /// The indexed words (or adjacent words, space-separated) it was widened to.
    public var matched: [String]
    /// Why, for each of `matched`: `typo`, `transliteration` or `compound`.
    public var reasons: [String]
}

/// Forgiving spellings of one query word, read from the deletion and skeleton index
/// (`search_term_variants`) and the vocabulary, never by scanning it:
///
/// - transliterations: a capitalised word (a name) or a word the index does not hold matches the
///   words with the same skeleton (« Golovtchenko » → golovchenko, `Transliteration.skeleton`, the rules that also merge people);
/// - typos: a word the index does not hold matches the words within its budget
///   (`Spelling.typoBudget`: 1 edit from 5 letters, 2 from 9, a first-letter typo counting two),
///   the closest first, at most `maxTypos`; a capitalised word only matches names (people the
///   knowledge base knows, countries), so « Putin » never widens to a common word;
/// - compounds: « cyber-sécurité » also matches `cybersecurite`, and « cybersécurité » also
///   matches « cyber sécurité » written apart.
///
/// A word the index holds keeps only its exact forms (and, for a name, its transliterations): a
/// typo expansion must not turn a selective query into a broad one.
struct SpellingTolerance {
    let db: Database
    let aliases: AliasTable

    static let maxTypos = 3

    enum Reason: String { case typo, transliteration, compound }
    struct Alternative: Equatable { var terms: [String]; var reason: Reason }

    func alternatives(_ item: SearchQuery.Item) throws -> [Alternative] {
        let capitalised = item.text.unicodeScalars.first { $0.properties.isAlphabetic }?.properties.isUppercase == true
        if item.terms.count > 1 {
            // The analyzer cut the word at its hyphens (« cyber-sécurité »): also the word written solid.
            let solid = item.terms.joined()
            if try isIndexed(solid) { return [Alternative(terms: [solid], reason: .compound)] }
            // A typo in one part of a hyphenated word (« libre-échnage »): that part corrected, the
            // others as typed — still a phrase, so as precise as the compound itself.
            var out: [Alternative] = []
            for (i, part) in item.terms.enumerated() where Spelling.isWord(part) {
                guard try !isKnown(part) else { continue }
                for t in try typos(of: part, namesOnly: Self.namesOnly(capitalised: capitalised, part)) {
                    var terms = item.terms
                    terms[i] = t
                    out.append(Alternative(terms: terms, reason: .typo))
                }
            }
            return out
        }
        guard let term = item.terms.first, Spelling.isWord(term) else { return [] }
        let known = try isKnown(term)
        var out: [Alternative] = []
        if capitalised || !known {
            let skeleton = Transliteration.skeleton(word: term)
            out += try transliterations(of: term, skeleton: skeleton).map { Alternative(terms: [$0], reason: .transliteration) }
            // A known name in another transliteration (« Lukashenka » for the recorded « Loukachenka »),
            // when no article writes a spelling with its skeleton: the alias stands for all of them.
            if out.isEmpty, let name = try aliases.name(skeleton: skeleton), name != [term] {
                out.append(Alternative(terms: name, reason: .transliteration))
            }
        }
        // Written apart is the same word (a phrase of the two halves: precise, so also for known words).
        if let split = try splitCompound(term) { out.append(Alternative(terms: split, reason: .compound)) }
        guard !known, out.isEmpty else { return out }
        out += try typos(of: term, namesOnly: Self.namesOnly(capitalised: capitalised, term)).map { Alternative(terms: [$0], reason: .typo) }
        return out
    }

    /// A capitalised word is taken for a name and widens only to names, so « Putin » never matches
    /// « putain »; from 9 letters (two typos allowed) a common word is close to few others, and a
    /// capitalised place or institution the knowledge base has no list of (« Chungchongbuk ») may
    /// widen to any indexed word.
    static func namesOnly(capitalised: Bool, _ term: String) -> Bool {
        capitalised && term.unicodeScalars.count < 9
    }

    /// The term, or a word with its stem, is in the index.
    private func isKnown(_ term: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM search_terms WHERE term = ?1 OR stem = ?2)",
                          arguments: [term, FrenchAnalyzer.stem(term)]) ?? false
    }

    private func isIndexed(_ term: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM search_terms WHERE term = ?)", arguments: [term]) ?? false
    }

    private func transliterations(of term: String, skeleton: String) throws -> [String] {
        return try String.fetchAll(db, sql: """
            SELECT term FROM search_term_variants WHERE variant = ?1 AND kind = 'skeleton' AND term <> ?2
            UNION SELECT term FROM search_terms WHERE term = ?1 AND term <> ?2
            ORDER BY term LIMIT 16
            """, arguments: [skeleton, term])
    }

    private func typos(of term: String, namesOnly: Bool) throws -> [String] {
        let budget = Spelling.typoBudget(length: term.unicodeScalars.count)
        guard budget > 0 else { return [] }
        // Words within one edit share a deletion with the query word, or one is a deletion of the
        // other; two edits (long words) also reach the query's second deletions.
        var shorter = Spelling.deletions(term)
        if budget >= 2 {
            var seen = Set(shorter)
            for d in shorter { for d2 in Spelling.deletions(d) where seen.insert(d2).inserted { shorter.append(d2) } }
        }
        let keys = [term] + shorter
        let marks = { (n: Int) in Array(repeating: "?", count: n).joined(separator: ",") }
        let candidates = try String.fetchAll(db, sql: """
            SELECT term FROM search_term_variants WHERE kind = 'deletion' AND variant IN (\(marks(keys.count)))
            UNION SELECT term FROM search_terms WHERE term IN (\(marks(shorter.count)))
            """, arguments: StatementArguments(keys + shorter))
        var scored: [(term: String, distance: Int)] = []
        // A word that is another with one letter put before it is another word, not a typo: « ecommerce »
        // is « e-commerce », not « commerce » (a first-letter edit counts two, so long words allowed it).
        for c in candidates where c != term && !(term.unicodeScalars.count == c.unicodeScalars.count + 1 && term.hasSuffix(c)) {
            let d = Spelling.distance(term, c, bound: budget)
            if d <= budget, try !namesOnly || isName(c) { scored.append((c, d)) }
        }
        // Only the closest: when a word is one edit away, words two edits away are other words
        // (« éducatoin » is « éducation », not also « éducatif »).
        guard let best = scored.map(\.distance).min() else { return [] }
        scored = scored.filter { $0.distance == best }
        scored.sort { $0.term < $1.term }
        return scored.prefix(Self.maxTypos).map(\.term)
    }

    /// A word of a known person's name or a country's name, alias or demonym.
    private func isName(_ term: String) throws -> Bool { try aliases.isName(term) }

    /// A word that is also two indexed words run together (« cybersécurité » where an article writes
    /// « cyber-sécurité »): the split with the longest shorter half.
    private func splitCompound(_ term: String) throws -> [String]? {
        let s = Array(term.unicodeScalars)
        guard s.count >= 6 else { return nil }
        let cuts = Array(3...(s.count - 3))
        let halves = cuts.flatMap { i in [String(String.UnicodeScalarView(s[..<i])), String(String.UnicodeScalarView(s[i...]))] }
        let present = Set(try String.fetchAll(db, sql: "SELECT term FROM search_terms WHERE term IN (\(Array(repeating: "?", count: halves.count).joined(separator: ",")))",
                                              arguments: StatementArguments(halves)))
        let best = cuts.filter { i in present.contains(halves[2 * (i - 3)]) && present.contains(halves[2 * (i - 3) + 1]) }
            .max { min($0, s.count - $0) < min($1, s.count - $1) }
        return best.map { [halves[2 * ($0 - 3)], halves[2 * ($0 - 3) + 1]] }
    }
}
