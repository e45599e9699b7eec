import FrenchText

/// The one longest-match phrase table of the extractors, in the spirit of spaCy's `PhraseMatcher`:
/// every gazetteer (countries, demonyms, capitals, places, organisations, titles, currencies,
/// cooperation domains) is one of these. A phrase is a sequence of keys — folded words for most
/// tables, the parts of hyphenated words for countries, light stems for domains — and carries a
/// label and a payload. Matching compares the text's keys from a position, longest phrase first;
/// a caller may refuse an entry (case rules, « only inside a compound ») and the next longest is tried.
package struct PhraseMatcher<Payload: Sendable>: Sendable {
    package struct Entry: Sendable {
        package let words: [String]
        /// `WordHash.of` each word, compared before the words themselves.
        let hashes: [Int]
        /// What kind of phrase this is (« country », « demonym », « currency », …), for callers and reports.
        package let label: String
        package let payload: Payload
    }

    package struct Match: Sendable {
        /// Key (token) index range of the match.
        package let tokens: Range<Int>
        package let label: String
        package let payload: Payload
    }

    /// Phrases by first key, longest first.
    private var entries = WordTable<[Entry]>()
    package private(set) var count = 0

    package init() {}

    /// Adds a phrase, tokenised and folded the same way as the text.
    package mutating func add(_ phrase: String, _ payload: Payload, label: String = "") {
        add(words: Tokenizer.tokens(phrase).map(\.folded), payload, label: label)
    }

    /// Adds a phrase given as its keys.
    package mutating func add(words: [String], _ payload: Payload, label: String = "") {
        guard let first = words.first else { return }
        var list = entries[first] ?? []
        // Kept longest first as it grows: at equal length, the first added wins.
        let at = list.firstIndex { $0.words.count < words.count } ?? list.count
        list.insert(Entry(words: words, hashes: words.map(WordHash.of), label: label, payload: payload), at: at)
        entries[first] = list
        count += 1
    }

    /// The longest phrase starting at key `i` of `count` keys that `accept` takes.
    @inline(__always)
    package func longest(at i: Int, count n: Int, key: (Int) -> String,
                        accept: (Entry) -> Bool = { _ in true }) -> (length: Int, entry: Entry)? {
        guard i < n, let candidates = entries[key(i)] else { return nil }
        for c in candidates where i + c.words.count <= n {
            var ok = true
            var k = 1
            while k < c.words.count { if key(i + k) != c.words[k] { ok = false; break }; k += 1 }
            if ok, accept(c) { return (c.words.count, c) }
        }
        return nil
    }

    /// `longest(at:count:key:accept:)` over keys that carry their hash (parts of words, stems):
    /// the first word's look-up and the comparison of the next ones read integers first.
    @inline(__always)
    package func longest<K: FoldedKey>(at i: Int, in keys: [K], accept: (Entry) -> Bool = { _ in true }) -> (length: Int, entry: Entry)? {
        longest(at: i, count: keys.count, hash: { keys[$0].foldedHash }, word: { keys[$0].folded }, accept: accept)
    }

    /// The same over tokens, their fields read directly: through `FoldedKey`, each read copied the
    /// token out of the array (see `WordSet.contains(_: Token)`).
    @inline(__always)
    package func longest(at i: Int, in keys: [Token], accept: (Entry) -> Bool = { _ in true }) -> (length: Int, entry: Entry)? {
        longest(at: i, count: keys.count, hash: { keys[$0].foldedHash }, word: { keys[$0].folded }, accept: accept)
    }

    @inline(__always)
    private func longest(at i: Int, count n: Int, hash: (Int) -> Int, word: (Int) -> String,
                         accept: (Entry) -> Bool) -> (length: Int, entry: Entry)? {
        guard i < n, let candidates = entries.value(word(i), hash: hash(i)) else { return nil }
        for c in candidates where i + c.words.count <= n {
            var ok = true
            var k = 1
            while k < c.words.count {
                if hash(i + k) != c.hashes[k] || word(i + k) != c.words[k] { ok = false; break }
                k += 1
            }
            if ok, accept(c) { return (c.words.count, c) }
        }
        return nil
    }

    /// The longest phrase starting exactly at token `i`, if any.
    package func match(at i: Int, in tokens: [Token]) -> Match? {
        guard let (n, e) = longest(at: i, in: tokens) else { return nil }
        return Match(tokens: i..<(i + n), label: e.label, payload: e.payload)
    }

    /// Non-overlapping matches, scanning left to right, longest phrase wins at each position.
    package func matches<K: FoldedKey>(in keys: [K]) -> [Match] {
        scan(keys.count) { longest(at: $0, in: keys) }
    }

    /// The same over tokens (read directly, as `longest(at:in:)` over tokens does).
    package func matches(in keys: [Token]) -> [Match] {
        scan(keys.count) { longest(at: $0, in: keys) }
    }

    /// The same over any sequence of keys (stems, parts of words).
    package func matches(count n: Int, key: (Int) -> String) -> [Match] {
        scan(n) { longest(at: $0, count: n, key: key) }
    }

    @inline(__always)
    private func scan(_ n: Int, longest: (Int) -> (length: Int, entry: Entry)?) -> [Match] {
        var out: [Match] = []
        var i = 0
        while i < n {
            if let (len, e) = longest(i) {
                out.append(Match(tokens: i..<(i + len), label: e.label, payload: e.payload))
                i += len
            } else {
                i += 1
            }
        }
        return out
    }

    /// Every entry, for tests and reports.
    package var allEntries: [Entry] { entries.entries.flatMap(\.value) }
}
