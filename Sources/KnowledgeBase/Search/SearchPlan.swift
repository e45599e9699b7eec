import GRDB
import FrenchText

/// A search request turned into an FTS5 expression, SQL filters and what to highlight.
struct SearchPlan {
    static let maxClauses = 32
    static let maxWords = 64

    let request: SearchRequest
    /// The FTS5 MATCH expression; nil when only filters were given.
    let match: String?
    let filters: [SQLPart]
    let highlighter: Highlighter
    /// Positive query words, each with the indexed terms it was expanded to (for « Did you mean »).
    let words: [(item: SearchQuery.Item, expansions: [String])]
    let ignoredWords: [String]
    /// Query words that also matched other spellings (typos, transliterations, compounds).
    let alsoMatched: [SearchExpansion]

    /// `reference` is asked for only by filters that name a country, person or domain: a plain
    /// search never builds the reference index.
    init(_ db: Database, _ request: SearchRequest, reference: () -> ReferenceIndex) throws {
        self.request = request
        // Planning looks for names across the words (aliases, spellings): bounded before any work.
        let wordCount = request.query.split(whereSeparator: \.isWhitespace).count
        guard wordCount <= Self.maxWords else {
            throw KBError.badQuery("the query has \(wordCount) words; kb search takes at most \(Self.maxWords) (use kb sql for more)")
        }
        filters = try SearchFilters.parts(db, request, reference: reference)
        guard request.limit >= 0, request.offset >= 0 else { throw KBError.invalidPaging }
        let text = request.query.trimmingCharacters(in: .whitespacesAndNewlines)
        if request.raw {
            guard !text.isEmpty else { throw KBError.emptyRawQuery }
            match = text
            highlighter = Highlighter(terms: Set(FrenchAnalyzer.terms(text).filter { !["and", "or", "not", "near"].contains($0) }), prefixes: [])
            words = []
            ignoredWords = []
            alsoMatched = []
            return
        }
        let query = SearchQuery(text)
        ignoredWords = query.dropped
        // Repeated words were merged by SearchQuery; many distinct ones make a query no index answers fast.
        guard query.clauses.count <= Self.maxClauses else {
            throw KBError.badQuery("the query has \(query.clauses.count) distinct words or phrases; kb search takes at most \(Self.maxClauses) (use kb sql for more)")
        }
        if query.clauses.isEmpty {
            if !filters.isEmpty {
                match = nil; highlighter = Highlighter(terms: [], prefixes: []); words = []; alsoMatched = []
                return
            }
            if !query.dropped.isEmpty {
                throw KBError.badQuery("« \(query.dropped.joined(separator: " ")) » \(query.dropped.count == 1 ? "is a word" : "are words") too common to search for; add a more specific word")
            }
            throw KBError.nothingToSearch
        }
        if query.positive.isEmpty {
            throw KBError.badQuery("a search cannot only exclude words: add a word to find (kb search \"coopération -militaire\")")
        }
        var compiler = QueryCompiler(db: db, aliases: AliasTable(db: db), tolerant: !request.exact)
        let compiled = try compiler.compile(query)
        match = compiled.match
        highlighter = compiled.highlighter
        words = compiled.words
        alsoMatched = compiled.alsoMatched
    }
}

/// A piece of SQL and its arguments; `{id}` stands for the article id column of the outer query.
struct SQLPart {
    var sql: String
    var arguments: [DatabaseValue]

    func on(_ idColumn: String) -> String { sql.replacingOccurrences(of: "{id}", with: idColumn) }
}

/// Which analysed terms of a text to highlight.
struct Highlighter {
    var terms: Set<String>
    var prefixes: [String]

    func matches(_ term: String) -> Bool {
        terms.contains(term) || prefixes.contains { term.hasPrefix($0) }
    }
    var isEmpty: Bool { terms.isEmpty && prefixes.isEmpty }
}

/// Turns a parsed query into FTS5 syntax: every user string quoted, every term expanded to the
/// indexed terms with the same stem, aliases to all the spellings of their country or person.
struct QueryCompiler {
    let db: Database
    let aliases: AliasTable
    private var stems: [String: [String]] = [:]
    private var highlight = Highlighter(terms: [], prefixes: [])
    private var words: [(item: SearchQuery.Item, expansions: [String])] = []
    /// Spelling tolerance (typos, transliterations, compounds); off with `--exact`.
    let tolerant: Bool
    private var alsoMatched: [SearchExpansion] = []

    /// More spellings than this for one phrase and only the typed one is searched.
    static let maxPhraseVariants = 64

    init(db: Database, aliases: AliasTable, tolerant: Bool = true) { self.db = db; self.aliases = aliases; self.tolerant = tolerant }

    struct Compiled {
        var match: String
        var highlighter: Highlighter
        var words: [(item: SearchQuery.Item, expansions: [String])]
        var alsoMatched: [SearchExpansion]
    }

    mutating func compile(_ query: SearchQuery) throws -> Compiled {
        var positive: [String] = [], negative: [String] = []
        for clause in try mergeAliases(query.clauses) {
            var alternatives: [String] = []
            for node in clause.nodes {
                alternatives.append(try expression(node, highlight: !clause.negated))
            }
            let expr = alternatives.count == 1 ? alternatives[0] : "(" + alternatives.joined(separator: " OR ") + ")"
            if clause.negated { negative.append(expr) } else { positive.append(expr) }
        }
        var match = positive.joined(separator: " AND ")
        if !negative.isEmpty {
            if positive.count > 1 { match = "(" + match + ")" }
            match += " NOT " + (negative.count == 1 ? negative[0] : "(" + negative.joined(separator: " OR ") + ")")
        }
        return Compiled(match: match, highlighter: highlight, words: words, alsoMatched: alsoMatched)
    }

    private enum Node { case item(SearchQuery.Item), alias([[String]]) }
    private struct Clause { var nodes: [Node]; var negated: Bool }

    /// Finds names in the query — one item or up to four consecutive plain words (« Viet Nam »,
    /// « Tô Lâm ») — and replaces each with all the spellings of what it names.
    private func mergeAliases(_ clauses: [SearchQuery.Clause]) throws -> [Clause] {
        var out: [Clause] = []
        var i = 0
        func plainWord(_ c: SearchQuery.Clause) -> String? {
            guard c.items.count == 1, c.items[0].kind == .words, c.items[0].terms.count == 1 else { return nil }
            return c.items[0].terms[0]
        }
        outer: while i < clauses.count {
            var n = min(4, clauses.count - i)
            while n >= 2 {
                let run = clauses[i..<(i + n)]
                let keys = run.compactMap(plainWord)
                if keys.count == n, run.allSatisfy({ $0.negated == clauses[i].negated }),
                   let forms = try aliases.forms(of: keys) {
                    out.append(Clause(nodes: [.alias(forms)], negated: clauses[i].negated))
                    i += n
                    continue outer
                }
                n -= 1
            }
            let c = clauses[i]
            var nodes: [Node] = []
            for item in c.items {
                if item.kind != .prefix, let forms = try aliases.forms(of: item.terms) {
                    nodes.append(.alias(forms))
                } else {
                    nodes.append(.item(item))
                }
            }
            out.append(Clause(nodes: nodes, negated: c.negated))
            i += 1
        }
        return out
    }

    private mutating func expression(_ node: Node, highlight: Bool) throws -> String {
        switch node {
        case .alias(let forms):
            var parts: [String] = []
            for form in forms {
                if form.count == 1 {
                    let e = try expansions(form[0])
                    if highlight { self.highlight.terms.formUnion(e) }
                    parts += e.map(Self.quote)
                } else {
                    parts.append(try phrase(form, highlight: highlight))
                }
            }
            var seen = Set<String>()
            parts = parts.filter { seen.insert($0).inserted }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " OR ") + ")"
        case .item(let item):
            switch item.kind {
            case .prefix:
                if highlight {
                    if item.terms.count > 1 { self.highlight.terms.formUnion(item.terms.dropLast()) }
                    self.highlight.prefixes.append(item.terms.last!)
                }
                return Self.quote(item.terms.joined(separator: " ")) + "*"
            case .words, .phrase:
                var expr = try phrase(item.terms, highlight: highlight)
                if item.kind == .words, tolerant {
                    let tolerance = try SpellingTolerance(db: db, aliases: aliases).alternatives(item)
                    if !tolerance.isEmpty {
                        var parts = [expr]
                        for alt in tolerance {
                            // Another spelling of a name stands for the name (« Bélaruss » → belarus → Biélorussie).
                            if let forms = try aliases.forms(of: alt.terms) {
                                parts.append(try expression(.alias(forms), highlight: highlight))
                            } else {
                                parts.append(try phrase(alt.terms, highlight: highlight))
                            }
                        }
                        expr = "(" + parts.joined(separator: " OR ") + ")"
                        if highlight {
                            alsoMatched.append(SearchExpansion(typed: item.text, matched: tolerance.map { $0.terms.joined(separator: " ") },
                                                               reasons: tolerance.map(\.reason.rawValue)))
                        }
                    }
                }
                if highlight {
                    var all: [String] = []
                    for t in item.terms { all += try expansions(t) }
                    words.append((item, all))
                }
                return expr
            }
        }
    }

    /// One term or adjacent terms, each standing for all the indexed terms with its stem.
    private mutating func phrase(_ terms: [String], highlight: Bool) throws -> String {
        var variants: [[String]] = [[]]
        for t in terms {
            let e = try expansions(t)
            if highlight { self.highlight.terms.formUnion(e) }
            guard variants.count * e.count <= Self.maxPhraseVariants else {
                variants = [terms]
                break
            }
            variants = variants.flatMap { v in e.map { v + [$0] } }
        }
        let parts = variants.map { Self.quote($0.joined(separator: " ")) }
        return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " OR ") + ")"
    }

    /// The term itself and every indexed term with the same light stem that is a form of the same
    /// word (« cooperation » → cooperation, cooperations; « investissement » not → investir, `StemFamily`).
    mutating func expansions(_ term: String) throws -> [String] {
        let stem = FrenchAnalyzer.stem(term)
        let all: [String]
        if let known = stems[stem] { all = known } else {
            all = try String.fetchAll(db, sql: "SELECT term FROM search_terms WHERE stem = ? ORDER BY term LIMIT 100", arguments: [stem])
            stems[stem] = all
        }
        let terms = all.filter { StemFamily.sameWord(term, $0) }
        return terms.contains(term) ? terms : [term] + terms
    }

    /// FTS5 string literal: the text between double quotes, quotes doubled.
    static func quote(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
