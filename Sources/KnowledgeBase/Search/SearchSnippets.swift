import FrenchText

/// Snippets cut from an article's original body (not the analysed text), around the densest
/// run of matched words. The body is analysed again here to find them; a word's term becomes a
/// String only when it matches (a String per word was most of a selective search's instructions).
enum SearchSnippets {
    /// Words (stop words included) in a snippet.
    static let width = 28

    static func make(_ body: String, _ highlighter: Highlighter, width: Int = width) -> SearchSnippet {
        let matcher = TermMatcher(highlighter)
        var words: [Range<Int>] = []
        var matched: [Int] = []
        var matchedTerms: [String] = []
        let text = FrenchAnalyzer.analyzeReturningText(body, wanted: matcher.firstBytes) { term, range in
            if let t = matcher.match(term) { matched.append(words.count); matchedTerms.append(t) }
            words.append(range)
        }
        guard !words.isEmpty else { return SearchSnippet(text: "", highlights: []) }
        let first = bestStart(wordCount: words.count, matched, matchedTerms, width: width)
        let last = min(words.count, first + width)
        let bytes = Array(text.utf8)

        var out = SnippetText()
        if first > 0 { out.append("… ") }
        var pos = words[first].lowerBound
        for i in matched where i >= first && i < last {
            out.append(bytes[pos..<words[i].lowerBound])
            out.appendHighlighted(bytes[words[i]])
            pos = words[i].upperBound
        }
        var end = words[last - 1].upperBound
        if last == words.count { end = bytes.count }                 // keep the final full stop
        out.append(bytes[pos..<end])
        if last < words.count { out.append(" …") }
        return out.snippet
    }

    /// Start of the window of `width` words holding the most distinct matched terms (then the most
    /// matches). `matched`: indices of the matched words, in order; `terms`: their terms.
    private static func bestStart(wordCount: Int, _ matched: [Int], _ terms: [String], width: Int) -> Int {
        guard !matched.isEmpty else { return 0 }
        var best = (start: 0, distinct: -1, count: -1)
        for m in matched {
            let start = max(0, min(m - 3, wordCount - width))
            let inside = matched.indices.filter { matched[$0] >= start && matched[$0] < start + width }
            let distinct = Set(inside.map { terms[$0] }).count
            if distinct > best.distinct || (distinct == best.distinct && inside.count > best.count) {
                best = (start, distinct, inside.count)
            }
        }
        return best.start
    }
}

/// `Highlighter.matches` on a term's bytes: ASCII terms (nearly all) are compared as bytes, which
/// for ASCII is what String comparison decides; anything else is asked of the highlighter itself.
private struct TermMatcher {
    let highlighter: Highlighter
    /// The terms' bytes by length: most words have a length no term has.
    let terms: [[[UInt8]]]
    let prefixes: [[UInt8]]
    /// Every highlighted term and prefix is ASCII: an ASCII word that differs in bytes differs.
    let ascii: Bool
    /// The first bytes of the terms and prefixes: most words start with none of them, and the
    /// analyzer neither folds them nor asks (every word of every hit's body would be).
    private(set) var firstBytes = ByteSet()

    init(_ h: Highlighter) {
        highlighter = h
        var byLength: [[[UInt8]]] = []
        for t in h.terms {
            let b = Array(t.utf8)
            while byLength.count <= b.count { byLength.append([]) }
            byLength[b.count].append(b)
        }
        terms = byLength
        prefixes = h.prefixes.map { Array($0.utf8) }
        ascii = h.terms.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } && h.prefixes.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
        for w in Array(h.terms) + h.prefixes {
            // An empty prefix would match every word: then no word is ruled out by its first byte.
            guard let b = w.utf8.first else { firstBytes = .all; break }
            firstBytes.insert(b)
        }
    }

    /// The term as a String when the highlighter matches it, else nil.
    func match(_ term: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = term.first, firstBytes.contains(first) else { return nil }
        if ascii && term.allSatisfy({ $0 < 0x80 }) {
            let hit = (term.count < terms.count && terms[term.count].contains { $0.elementsEqual(term) }) || prefixes.contains { p in
                p.count <= term.count && p.indices.allSatisfy { p[$0] == term[$0] }
            }
            return hit ? String(decoding: term, as: UTF8.self) : nil
        }
        let s = String(decoding: term, as: UTF8.self)
        return highlighter.matches(s) ? s : nil
    }
}

/// Builds a snippet's text on one line (white space runs become one space) and its highlight
/// offsets. The text grows as UTF-8 bytes, made a String once (a String grown a scalar at a time
/// cost more than the rest of the snippet).
private struct SnippetText {
    private var text: [UInt8] = []
    private var length = 0                       // in Unicode scalars
    private var highlights: [SearchSnippet.Span] = []
    private var lastWasSpace = false

    mutating func append(_ s: String) { append(Array(s.utf8)[...]) }

    mutating func append(_ bytes: ArraySlice<UInt8>) {
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let v = scalar.value
            // ASCII white space is U+0009–U+000D and U+0020; beyond ASCII the Unicode property says.
            if v < 0x80 ? (v == 0x20 || (v >= 0x09 && v <= 0x0D)) : scalar.properties.isWhitespace {
                if lastWasSpace || length == 0 { continue }
                text.append(0x20); lastWasSpace = true
            } else {
                if v < 0x80 { text.append(UInt8(v)) } else { UTF8.encode(scalar) { text.append($0) } }
                lastWasSpace = false
            }
            length += 1
        }
    }

    mutating func appendHighlighted(_ bytes: ArraySlice<UInt8>) {
        let start = length
        append(bytes)
        if length > start { highlights.append(.init(start: start, end: length)) }
    }

    var snippet: SearchSnippet {
        var t = text
        var n = length
        while t.last == 0x20 { t.removeLast(); n -= 1 }
        return SearchSnippet(text: String(decoding: t, as: UTF8.self), highlights: highlights.filter { $0.end <= n })
    }
}
