import FrenchText

/// A token pattern over an analysed sentence, in the spirit of spaCy's `Matcher`: a sequence of
/// token tests with quantifiers, optional and alternative groups and named captures, written as data
/// in `seeds/grammar/*.rules` so that a construction reads as a pattern rather than as index
/// arithmetic in Swift.
///
/// Syntax (whitespace separates elements):
///
///     [lex=visit.aux-have & !text=à]   one token passing every test of the bracket
///     []                               any token
///     X?  X*  X+                       optional, any number, one or more (greedy, backtracking)
///     ( A B | C )                      a group, with alternatives
///     {trigger X Y}                    a named capture: the tokens X Y matched are reported as `trigger`
///
/// Token tests: `f=word` (folded form), `text=à` (as written), `lex=set.id` (a lexicon set),
/// `stem=xxx` (French light stem), `shape=Xx|xx|XX|d|p` (capitalised, lower case, acronym, number,
/// punctuation), `ent=country|name|demonym|capital|org|date` (covered by an entity the sentence
/// analysis found); `!` negates a test.
package struct TokenPattern: Sendable {
    indirect enum Node: Sendable {
        case token(TokenTest)
        case sequence([Node])
        case alternatives([Node])
        case repeated(Node, min: Int, max: Int)
        case capture(String, Node)
    }

    let root: Node
    /// Folded words one of which the first token must be, when the pattern says so: the matcher
    /// tries a start position only when its token is one of them (most positions are not).
    let firstWords: WordSet?

    package init(_ source: String, lexicon: Lexicon = .embedded) throws {
        var parser = PatternParser(source: source, lexicon: lexicon)
        root = try parser.parse()
        firstWords = Self.firstWords(root)
    }

    /// The words the first token of capture `name` is one of in every match, or nil when the pattern
    /// does not say (a capture in every alternative, each starting with a word test, does).
    package func captureWords(_ name: String) -> WordSet? { Self.captureWords(root, name) }

    private static func captureWords(_ node: Node, _ name: String) -> WordSet? {
        switch node {
        case .token: return nil
        case .capture(let n, let inner): return n == name ? firstWords(inner) : captureWords(inner, name)
        case .repeated(let inner, _, _): return captureWords(inner, name)
        case .sequence(let ns):
            for n in ns { if let w = captureWords(n, name) { return w } }
            return nil
        case .alternatives(let ns):
            var out = WordSet()
            for n in ns { guard let w = captureWords(n, name) else { return nil }; out.formUnion(w) }
            return out
        }
    }

    /// The words the first token of every match is one of, or nil when any token may start one.
    private static func firstWords(_ node: Node) -> WordSet? {
        switch node {
        case .token(let t): return t.requiredWords
        case .capture(_, let n): return firstWords(n)
        case .repeated(let n, let min, _): return min == 0 ? nil : firstWords(n)
        case .alternatives(let ns):
            var out = WordSet()
            for n in ns { guard let w = firstWords(n) else { return nil }; out.formUnion(w) }
            return out
        case .sequence(let ns):
            for n in ns {
                // An element that may match nothing lets the next one start the match.
                if case .repeated(_, 0, _) = n { return nil }
                return firstWords(n)
            }
            return nil
        }
    }
}

/// One token test of a bracket: all of its atoms must hold.
struct TokenTest: Sendable {
    enum Atom: Sendable {
        case folded(String)
        case text(String)
        case words(WordSet)
        case stem(String)
        case shape(Shape)
        case entity(EntityLabel)
    }
    enum Shape: String, Sendable { case capitalised = "Xx", lower = "xx", acronym = "XX", number = "d", punctuation = "p" }

    var atoms: [(atom: Atom, negated: Bool)] = []

    /// The folded words a token must be one of, if a positive word test says so.
    var requiredWords: WordSet? {
        for (a, negated) in atoms where !negated {
            switch a {
            case .folded(let f): return [f]
            case .words(let w): return w
            default: continue
            }
        }
        return nil
    }

    func accepts(_ s: PatternSubject, _ i: Int) -> Bool {
        for (a, negated) in atoms {
            let t = s.tokens[i]
            let ok: Bool
            switch a {
            case .folded(let f): ok = t.folded == f
            case .text(let x): ok = t.text == x
            case .words(let w): ok = w.contains(t)
            case .stem(let x): ok = FrenchLightStemmer.stem(t.folded) == x
            case .shape(let sh):
                switch sh {
                case .capitalised: ok = t.isCapitalized && !t.isPunctuation
                case .lower: ok = !t.isCapitalized && !t.isPunctuation && !t.isNumber
                case .acronym: ok = t.isAcronym
                case .number: ok = t.isNumber
                case .punctuation: ok = t.isPunctuation
                }
            case .entity(let label): ok = s.entity(label, at: i)
            }
            if ok == negated { return false }
        }
        return true
    }
}

/// Entity labels a pattern can test, read from the sentence analysis.
package enum EntityLabel: String, Sendable, CaseIterable {
    case country, name, demonym, capital, org, date
}

/// What a pattern is matched against: the tokens of a sentence and its entities.
struct PatternSubject {
    let tokens: [Token]
    let entity: (EntityLabel, Int) -> Bool

    init(tokens: [Token], entity: @escaping (EntityLabel, Int) -> Bool = { _, _ in false }) {
        self.tokens = tokens
        self.entity = entity
    }

    init(_ s: AnalysedSentence) {
        tokens = s.tokens
        entity = { label, i in
            switch label {
            case .country: return s.isInCountry(i)
            case .name, .demonym, .capital:
                let form: CountryForm = label == .name ? .name : label == .demonym ? .demonym : .capital
                return s.countries.contains { $0.form == form && $0.tokens.contains(i) }
            case .org: return s.isInOrganisation(i)
            case .date: return s.dates.contains { $0.tokens.contains(i) }
            }
        }
    }

    func entity(_ label: EntityLabel, at i: Int) -> Bool { entity(label, i) }
}

/// A match: the tokens it covers and its named captures.
package struct PatternMatch: Sendable, Equatable {
    package let tokens: Range<Int>
    package let captures: [String: Range<Int>]
}

extension TokenPattern {
    /// The match starting at token `start`, greedy and backtracking like a regular expression.
    /// `checked`: the caller knows the first token is one of `firstWords`.
    func match(_ s: PatternSubject, at start: Int, checked: Bool = false) -> PatternMatch? {
        guard start < s.tokens.count else { return nil }
        if !checked, let first = firstWords, !first.contains(s.tokens[start]) { return nil }
        var found: PatternMatch?
        _ = Self.run(root, s, start, [:]) { end, caps in
            found = PatternMatch(tokens: start..<end, captures: caps)
            return true
        }
        return found
    }

    /// Every match, one per start position, left to right (overlapping matches included).
    func matches(_ s: PatternSubject) -> [PatternMatch] {
        var out: [PatternMatch] = []
        for i in s.tokens.indices { if let m = match(s, at: i) { out.append(m) } }
        return out
    }

    /// Continuation-passing matcher: `k` receives the end position and captures and says whether the
    /// whole pattern succeeded, so a quantifier can give tokens back when what follows fails.
    private static func run(_ node: Node, _ s: PatternSubject, _ i: Int, _ caps: [String: Range<Int>],
                            _ k: (Int, [String: Range<Int>]) -> Bool) -> Bool {
        switch node {
        case .token(let test):
            return i < s.tokens.count && test.accepts(s, i) && k(i + 1, caps)
        case .sequence(let nodes):
            return sequence(nodes[...], s, i, caps, k)
        case .alternatives(let nodes):
            for n in nodes where run(n, s, i, caps, k) { return true }
            return false
        case .capture(let name, let n):
            return run(n, s, i, caps) { end, c in
                var c = c
                c[name] = i..<end
                return k(end, c)
            }
        case .repeated(let n, let min, let max):
            return repeatNode(n, min: min, max: max, count: 0, s, i, caps, k)
        }
    }

    private static func sequence(_ nodes: ArraySlice<Node>, _ s: PatternSubject, _ i: Int, _ caps: [String: Range<Int>],
                                 _ k: (Int, [String: Range<Int>]) -> Bool) -> Bool {
        guard let first = nodes.first else { return k(i, caps) }
        return run(first, s, i, caps) { end, c in sequence(nodes.dropFirst(), s, end, c, k) }
    }

    private static func repeatNode(_ n: Node, min: Int, max: Int, count: Int, _ s: PatternSubject, _ i: Int,
                                   _ caps: [String: Range<Int>], _ k: (Int, [String: Range<Int>]) -> Bool) -> Bool {
        // Greedy: one more repetition first (never an empty one, which would loop), then stop here.
        if count < max, run(n, s, i, caps, { end, c in
            end > i && repeatNode(n, min: min, max: max, count: count + 1, s, end, c, k)
        }) { return true }
        return count >= min && k(i, caps)
    }
}

package struct PatternError: Error, CustomStringConvertible {
    package let message: String
    package var description: String { message }
}

/// Recursive-descent reader of the pattern syntax.
private struct PatternParser {
    let chars: [Character]
    var pos = 0
    let lexicon: Lexicon
    let source: String

    init(source: String, lexicon: Lexicon) {
        self.source = source
        chars = Array(source)
        self.lexicon = lexicon
    }

    mutating func parse() throws -> TokenPattern.Node {
        let node = try alternatives()
        skipSpace()
        guard pos == chars.count else { throw error("unexpected « \(chars[pos]) »") }
        return node
    }

    func error(_ m: String) -> PatternError { PatternError(message: "pattern `\(source)`, at \(pos): \(m)") }

    mutating func skipSpace() { while pos < chars.count, chars[pos] == " " || chars[pos] == "\t" { pos += 1 } }

    mutating func alternatives() throws -> TokenPattern.Node {
        var options = [try sequence()]
        while true {
            skipSpace()
            guard pos < chars.count, chars[pos] == "|" else { break }
            pos += 1
            options.append(try sequence())
        }
        return options.count == 1 ? options[0] : .alternatives(options)
    }

    mutating func sequence() throws -> TokenPattern.Node {
        var items: [TokenPattern.Node] = []
        while true {
            skipSpace()
            guard pos < chars.count, !")}|".contains(chars[pos]) else { break }
            items.append(try quantified())
        }
        guard !items.isEmpty else { throw error("empty sequence") }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    mutating func quantified() throws -> TokenPattern.Node {
        let atom = try element()
        guard pos < chars.count else { return atom }
        switch chars[pos] {
        case "?": pos += 1; return .repeated(atom, min: 0, max: 1)
        case "*": pos += 1; return .repeated(atom, min: 0, max: Int.max)
        case "+": pos += 1; return .repeated(atom, min: 1, max: Int.max)
        default: return atom
        }
    }

    mutating func element() throws -> TokenPattern.Node {
        switch chars[pos] {
        case "(":
            pos += 1
            let inner = try alternatives()
            try expect(")")
            return inner
        case "{":
            pos += 1
            let start = pos
            while pos < chars.count, chars[pos].isLetter || chars[pos].isNumber || chars[pos] == "-" || chars[pos] == "_" { pos += 1 }
            guard pos > start else { throw error("a capture needs a name: {name …}") }
            let name = String(chars[start..<pos])
            let inner = try alternatives()
            try expect("}")
            return .capture(name, inner)
        case "[":
            pos += 1
            return .token(try test())
        default:
            throw error("expected [, ( or {")
        }
    }

    mutating func expect(_ c: Character) throws {
        skipSpace()
        guard pos < chars.count, chars[pos] == c else { throw error("expected « \(c) »") }
        pos += 1
    }

    mutating func test() throws -> TokenTest {
        var t = TokenTest()
        skipSpace()
        if pos < chars.count, chars[pos] == "]" { pos += 1; return t }
        while true {
            skipSpace()
            var negated = false
            if pos < chars.count, chars[pos] == "!" { negated = true; pos += 1 }
            let keyStart = pos
            while pos < chars.count, chars[pos].isLetter { pos += 1 }
            let key = String(chars[keyStart..<pos])
            try expect("=")
            let valueStart = pos
            while pos < chars.count, chars[pos] != "&", chars[pos] != "]", chars[pos] != " " { pos += 1 }
            let value = String(chars[valueStart..<pos])
            guard !value.isEmpty else { throw error("`\(key)=` needs a value") }
            let atom: TokenTest.Atom
            switch key {
            case "f": atom = .folded(Folding.fold(value))
            case "text": atom = .text(value)
            case "lex":
                guard lexicon.has(value) else { throw error("no word set `\(value)` in seeds/grammar/*.lexicon") }
                atom = .words(lexicon.words(value))
            case "stem": atom = .stem(value)
            case "shape":
                guard let sh = TokenTest.Shape(rawValue: value) else { throw error("shape is one of Xx xx XX d p") }
                atom = .shape(sh)
            case "ent":
                guard let e = EntityLabel(rawValue: value) else {
                    throw error("ent is one of \(EntityLabel.allCases.map(\.rawValue).joined(separator: " "))")
                }
                atom = .entity(e)
            default: throw error("unknown token test `\(key)`")
            }
            t.atoms.append((atom, negated))
            skipSpace()
            if pos < chars.count, chars[pos] == "&" { pos += 1; continue }
            try expect("]")
            return t
        }
    }
}

/// The rules of `seeds/grammar/*.rules`, by id. One rule per line:
///
///     rule.id<TAB>pattern<TAB>invented example the pattern matches
///
/// `#` starts a comment line. A rule id is the one the facts it produces carry in their evidence.
package struct RuleBook: Sendable {
    package struct Rule: Sendable {
        package let id: String
        package let pattern: TokenPattern
        package let source: String
        package let example: String
    }

    package static let embedded: RuleBook = {
        do { return try RuleBook(files: EmbeddedRules.files) }
        catch { preconditionFailure("seeds/grammar/*.rules is invalid (run the tests): \(error)") }
    }()

    package let rules: [Rule]
    private let byId: [String: Int]

    package init(files: [String: String], lexicon: Lexicon = .embedded) throws {
        var rules: [Rule] = []
        var byId: [String: Int] = [:]
        for (file, text) in files.sorted(by: { $0.key < $1.key }) {
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.drop { $0 == " " }
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count == 3, !fields[0].isEmpty, !fields[1].isEmpty, !fields[2].isEmpty else {
                    throw PatternError(message: "seeds/grammar/\(file):\(n + 1): expected `rule.id<TAB>pattern<TAB>example`")
                }
                let id = String(fields[0])
                guard byId[id] == nil else { throw PatternError(message: "seeds/grammar/\(file):\(n + 1): rule \(id) is defined twice") }
                do {
                    let p = try TokenPattern(String(fields[1]), lexicon: lexicon)
                    byId[id] = rules.count
                    rules.append(Rule(id: id, pattern: p, source: String(fields[1]), example: String(fields[2])))
                } catch {
                    throw PatternError(message: "seeds/grammar/\(file):\(n + 1): \(error)")
                }
            }
        }
        self.rules = rules
        self.byId = byId
    }

    /// A rule by id. An unknown id is a programming error (a test checks every id the sources name).
    package func rule(_ id: String) -> Rule {
        guard let k = byId[id] else { preconditionFailure("no rule `\(id)` in seeds/grammar/*.rules") }
        return rules[k]
    }

    /// The rules whose id starts with `prefix`, in file order.
    package func rules(prefix: String) -> [Rule] { rules.filter { $0.id.hasPrefix(prefix) } }
}

/// Several rules matched together over a sentence. Rules are indexed by the words their first token
/// must be, so a start position costs one dictionary look-up and only the rules it can start are tried.
package struct RuleSet: Sendable {
    package let rules: [RuleBook.Rule]
    private let byFirst: WordTable<[Int]>
    private let anywhere: [Int]

    package init(_ rules: [RuleBook.Rule]) {
        self.rules = rules
        var byFirst = WordTable<[Int]>()
        var anywhere: [Int] = []
        for (k, r) in rules.enumerated() {
            if let words = r.pattern.firstWords { for w in words { byFirst[w] = (byFirst[w] ?? []) + [k] } }
            else { anywhere.append(k) }
        }
        self.byFirst = byFirst
        self.anywhere = anywhere
    }

    /// Every match of every rule, by start position then rule order.
    func matches(_ s: PatternSubject) -> [(rule: Int, match: PatternMatch)] {
        var out: [(rule: Int, match: PatternMatch)] = []
        for i in s.tokens.indices {
            let indexed = byFirst[key: s.tokens[i]]
            if anywhere.isEmpty {
                guard let indexed else { continue }
                for k in indexed { if let m = rules[k].pattern.match(s, at: i, checked: true) { out.append((k, m)) } }
            } else {
                for k in ((indexed ?? []) + anywhere).sorted() { if let m = rules[k].pattern.match(s, at: i) { out.append((k, m)) } }
            }
        }
        return out
    }
}
