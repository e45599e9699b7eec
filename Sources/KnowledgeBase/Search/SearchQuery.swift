import FrenchText

/// A user query as typed, parsed without ever failing on syntax:
/// plain words (all must match), "exact phrase", OR between two items, -word or NOT word to
/// exclude, word* for a prefix. Parentheses and a lone quote are tolerated (ignored / closed at the end).
struct SearchQuery: Equatable {
    struct Item: Equatable {
        enum Kind: Equatable {
            /// An unquoted word; several terms when the analyzer cut it (« coopération-économique », « 94,5 »): adjacent.
            case words
            /// A quoted phrase: terms adjacent, in order.
            case phrase
            /// A prefix: the last term matches any indexed term it begins.
            case prefix
        }
        var kind: Kind
        /// Analysed terms (FrenchAnalyzer stages 1–6).
        var terms: [String]
        /// The item as typed, and where, for « Did you mean ».
        var text: String
        var range: Range<String.Index>
    }

    /// Items joined by OR; the clause must match, or must not when negated.
    struct Clause: Equatable {
        var items: [Item]
        var negated: Bool
    }

    var clauses: [Clause] = []
    /// Words that analysed to nothing (stop words: « la », « des »).
    var dropped: [String] = []

    var positive: [Clause] { clauses.filter { !$0.negated } }

    init(_ input: String) {
        var pendingOr = false, pendingNot = false
        var i = input.startIndex
        let end = input.endIndex

        func add(_ item: Item?, negated: Bool) {
            defer { pendingOr = false; pendingNot = false }
            guard let item else { return }
            if pendingOr, !clauses.isEmpty {
                if !clauses[clauses.count - 1].items.contains(where: { $0.kind == item.kind && $0.terms == item.terms }) {
                    clauses[clauses.count - 1].items.append(item)
                }
            } else if !clauses.contains(where: { $0.negated == negated && $0.items.count == 1 && $0.items[0].kind == item.kind && $0.items[0].terms == item.terms }) {
                // The same word twice asks nothing more (and 10,000 times would cost minutes).
                clauses.append(Clause(items: [item], negated: negated))
            }
        }

        while i < end {
            let ch = input[i]
            if ch.isWhitespace || ch == "(" || ch == ")" { i = input.index(after: i); continue }
            let start = i
            var negated = pendingNot
            if ch == "-" || ch == "\u{2212}" {
                let next = input.index(after: i)
                guard next < end, !input[next].isWhitespace else { i = next; continue }
                negated = true
                i = next
            }
            if input[i] == "\"" || input[i] == "«" || input[i] == "“" {
                let close: Character = input[i] == "«" ? "»" : input[i] == "“" ? "”" : "\""
                let contentStart = input.index(after: i)
                var j = contentStart
                while j < end && input[j] != close && !(close != "\"" && input[j] == "\"") { j = input.index(after: j) }
                var content = String(input[contentStart..<j])
                i = j < end ? input.index(after: j) : end
                var prefix = content.hasSuffix("*")
                if i < end && input[i] == "*" { prefix = true; i = input.index(after: i) }
                while content.hasSuffix("*") { content.removeLast() }
                let terms = FrenchAnalyzer.terms(content, keepStopWords: prefix)
                if terms.isEmpty {
                    if content.contains(where: { $0.isLetter || $0.isNumber }) { dropped.append(content) }
                    add(nil, negated: negated)
                } else {
                    add(Item(kind: prefix ? .prefix : .phrase, terms: terms, text: String(input[start..<i]), range: start..<i), negated: negated)
                }
                continue
            }
            var j = i
            while j < end && !input[j].isWhitespace && input[j] != "\"" && input[j] != "(" && input[j] != ")" && input[j] != "«" && input[j] != "“" {
                j = input.index(after: j)
            }
            let chunk = String(input[i..<j])
            let whole = start..<j
            i = j
            if !negated {
                if chunk == "OR" { pendingOr = !clauses.isEmpty; continue }
                if chunk == "AND" { continue }
                if chunk == "NOT" { pendingNot = true; continue }
            }
            if chunk.hasSuffix("*") {
                var stem = chunk
                while stem.hasSuffix("*") { stem.removeLast() }
                let terms = FrenchAnalyzer.terms(stem, keepStopWords: true)
                add(terms.isEmpty ? nil : Item(kind: .prefix, terms: terms, text: String(input[whole]), range: whole), negated: negated)
                continue
            }
            let terms = FrenchAnalyzer.terms(chunk)
            if terms.isEmpty {
                if chunk.contains(where: { $0.isLetter || $0.isNumber }) { dropped.append(chunk) }
                add(nil, negated: negated)
            } else {
                add(Item(kind: .words, terms: terms, text: chunk, range: whole), negated: negated)
            }
        }
    }
}
