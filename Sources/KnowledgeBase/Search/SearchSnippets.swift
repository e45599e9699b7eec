import FrenchText

/// Snippets cut from an article's original body (not the analysed text), around the densest
/// run of matched words. The body is analysed again here to find them, which costs microseconds
/// for the page of hits shown.
enum SearchSnippets {
    /// Words (stop words included) in a snippet.
    static let width = 28

    static func make(_ body: String, _ highlighter: Highlighter, width: Int = width) -> SearchSnippet {
        let (text, words) = FrenchAnalyzer.termsWithRanges(body, keepStopWords: true)
        guard !words.isEmpty else { return SearchSnippet(text: "", highlights: []) }
        let matched = highlighter.isEmpty ? [] : words.indices.filter { highlighter.matches(words[$0].term) }
        let first = bestStart(words, matched, width: width)
        let last = min(words.count, first + width)
        let bytes = Array(text.utf8)

        var out = SnippetText()
        if first > 0 { out.append("… ") }
        var pos = words[first].range.lowerBound
        for i in matched where i >= first && i < last {
            out.append(bytes[pos..<words[i].range.lowerBound])
            out.appendHighlighted(bytes[words[i].range])
            pos = words[i].range.upperBound
        }
        var end = words[last - 1].range.upperBound
        if last == words.count { end = bytes.count }                 // keep the final full stop
        out.append(bytes[pos..<end])
        if last < words.count { out.append(" …") }
        return out.snippet
    }

    /// Start of the window of `width` words holding the most distinct matched terms (then the most matches).
    private static func bestStart(_ words: [FrenchAnalyzer.Term], _ matched: [Int], width: Int) -> Int {
        guard !matched.isEmpty else { return 0 }
        var best = (start: 0, distinct: -1, count: -1)
        for m in matched {
            let start = max(0, min(m - 3, words.count - width))
            let inside = matched.filter { $0 >= start && $0 < start + width }
            let distinct = Set(inside.map { words[$0].term }).count
            if distinct > best.distinct || (distinct == best.distinct && inside.count > best.count) {
                best = (start, distinct, inside.count)
            }
        }
        return best.start
    }
}

/// Builds a snippet's text on one line (white space runs become one space) and its highlight offsets.
private struct SnippetText {
    private var text = ""
    private var length = 0                       // in Unicode scalars
    private var highlights: [SearchSnippet.Span] = []
    private var lastWasSpace = false

    mutating func append(_ s: String) { append(Array(s.utf8)[...]) }

    mutating func append(_ bytes: ArraySlice<UInt8>) {
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if scalar.properties.isWhitespace {
                if lastWasSpace || length == 0 { continue }
                text.unicodeScalars.append(" "); lastWasSpace = true
            } else {
                text.unicodeScalars.append(scalar); lastWasSpace = false
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
        while t.unicodeScalars.last == " " { t.unicodeScalars.removeLast(); n -= 1 }
        return SearchSnippet(text: t, highlights: highlights.filter { $0.end <= n })
    }
}
