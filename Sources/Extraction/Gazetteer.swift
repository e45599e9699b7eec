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
        let f = find(at: i, count: keys.count, hash: { keys[$0].foldedHash }, word: { keys[$0].folded }, accept: accept)
        return f.index < 0 ? nil : (f.candidates[f.index].words.count, f.candidates[f.index])
    }

    /// The same over tokens, their fields read directly: through `FoldedKey`, each read copied the
    /// token out of the array (see `WordSet.contains(_: Token)`).
    @inline(__always)
    package func longest(at i: Int, in keys: [Token], accept: (Entry) -> Bool = { _ in true }) -> (length: Int, entry: Entry)? {
        let f = find(at: i, in: keys, accept: accept)
        return f.index < 0 ? nil : (f.candidates[f.index].words.count, f.candidates[f.index])
    }

    /// The longest phrase at key `i` that `accept` takes, as `candidates[index]`; index -1 when there is
    /// none. Not an optional entry: at most positions there is none, and an empty optional of a generic
    /// entry was destroyed through the runtime's value witnesses (twice per position).
    private typealias Found = (candidates: [Entry], index: Int)

    @inline(__always)
    private func find(at i: Int, in keys: [Token], accept: (Entry) -> Bool = { _ in true }) -> Found {
        find(at: i, count: keys.count, hash: { keys[$0].foldedHash }, word: { keys[$0].folded }, accept: accept)
    }

    @inline(__always)
    private func find(at i: Int, count n: Int, hash: (Int) -> Int, word: (Int) -> String, accept: (Entry) -> Bool) -> Found {
        guard i < n, let candidates = entries.value(hash: hash(i), key: { word(i) }) else { return ([], -1) }
        for c in candidates.indices where i + candidates[c].words.count <= n {
            var ok = true
            var k = 1
            while k < candidates[c].words.count {
                if hash(i + k) != candidates[c].hashes[k] || word(i + k) != candidates[c].words[k] { ok = false; break }
                k += 1
            }
            if ok, accept(candidates[c]) { return (candidates, c) }
        }
        return ([], -1)
    }

    /// The longest phrase starting exactly at token `i`, if any.
    package func match(at i: Int, in tokens: [Token]) -> Match? {
        let f = find(at: i, in: tokens)
        guard f.index >= 0 else { return nil }
        let e = f.candidates[f.index]
        return Match(tokens: i..<(i + e.words.count), label: e.label, payload: e.payload)
    }

    /// Non-overlapping matches, scanning left to right, longest phrase wins at each position.
    package func matches<K: FoldedKey>(in keys: [K]) -> [Match] {
        scan(keys.count) { find(at: $0, count: keys.count, hash: { keys[$0].foldedHash }, word: { keys[$0].folded }, accept: { _ in true }) }
    }

    /// The same over tokens (read directly, as `longest(at:in:)` over tokens does).
    package func matches(in keys: [Token]) -> [Match] {
        scan(keys.count) { find(at: $0, in: keys) }
    }

    /// The same over any sequence of keys (stems, parts of words).
    package func matches(count n: Int, key: (Int) -> String) -> [Match] {
        var out: [Match] = []
        var i = 0
        while i < n {
            if let (len, e) = longest(at: i, count: n, key: key) {
                out.append(Match(tokens: i..<(i + len), label: e.label, payload: e.payload))
                i += len
            } else {
                i += 1
            }
        }
        return out
    }

    @inline(__always)
    private func scan(_ n: Int, find: (Int) -> Found) -> [Match] {
        var out: [Match] = []
        var i = 0
        while i < n {
            let f = find(i)
            if f.index >= 0 {
                let e = f.candidates[f.index]
                out.append(Match(tokens: i..<(i + e.words.count), label: e.label, payload: e.payload))
                i += e.words.count
            } else {
                i += 1
            }
        }
        return out
    }

    /// Every entry, for tests and reports.
    package var allEntries: [Entry] { entries.entries.flatMap(\.value) }
}
