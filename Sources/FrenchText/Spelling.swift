/// Spelling tolerance for analysed terms (folded, lower-case): how far apart two words are, the
/// words one deletion away (for a deletion index), and a transliteration skeleton under which the
/// French, English and German renderings of a Slavic or Central Asian name coincide.
public enum Spelling {
    /// The typo budget of a query word by its length, as Meilisearch and Typesense count it:
    /// none up to 4 letters, one from 5 to 8, two from 9.
    public static func typoBudget(length: Int) -> Int { length <= 4 ? 0 : length <= 8 ? 1 : 2 }

    /// Optimal-string-alignment distance (Damerau–Levenshtein where a transposition of two adjacent
    /// letters counts one), with a wrong first letter counting two: people rarely mistype the first
    /// letter, and words that differ there are usually other words (« mutation » / « station »).
    /// Stops early and returns `bound + 1` once the distance must exceed `bound`.
    public static func distance(_ a: String, _ b: String, bound: Int) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > bound { return bound + 1 }
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        let n = y.count
        var before = [Int](repeating: 0, count: n + 1)  // row i-2
        var previous = Array(0...n)                     // row i-1
        var current = [Int](repeating: 0, count: n + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...n {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d = min(d, before[j - 2] + 1) }
                current[j] = d
                rowMin = min(rowMin, d)
            }
            if rowMin > bound { return bound + 1 }
            (before, previous, current) = (previous, current, before)
        }
        let d = previous[n] + (x[0] == y[0] ? 0 : 1)
        return min(d, bound + 1)
    }

    /// Every string one letter shorter than `term` (distinct). A deletion index stores these for each
    /// indexed word; a query word then finds the words within one edit by exact look-ups: the word
    /// itself, its own deletions, and the words whose deletions it or its deletions are.
    public static func deletions(_ term: String) -> [String] {
        let s = Array(term.unicodeScalars)
        guard s.count > 1 else { return [] }
        var out: [String] = []
        var seen = Set<String>()
        for i in s.indices {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: s[..<i]); v.append(contentsOf: s[(i + 1)...])
            let d = String(v)
            if seen.insert(d).inserted { out.append(d) }
        }
        return out
    }

    /// Whether a term takes part in spelling tolerance: letters only (numbers must match exactly:
    /// « 2015 » is not « 2016 »), at least four of them.
    public static func isWord(_ term: String) -> Bool {
        var n = 0
        for s in term.unicodeScalars {
            guard s.properties.isAlphabetic else { return false }
            n += 1
        }
        return n >= 4
    }

    /// A transliteration skeleton: the same for the spellings a name gets when Cyrillic or another
    /// script is rendered for French, English or German readers — « Loukachenko », « Lukashenko »,
    /// « Lukaschenko » and « Lukachenko » all give `lukachenko`; « Tokaïev » and « Tokaev » give
    /// `tokaev`; « Golovtchenko » and « Golovchenko » give `golovchenko`; « Poutine » and « Putin » give `putin`.
    ///
    /// Rules, in order, on a folded term: tch, tsch, sch, sh → ch; ou → u; y → i; kh → h; ck, q → k;
    /// c → k except before e, i, h; w → v; x → ks; the endings -iev, -ïev, -yev → -ev (and -ieva → -eva);
    /// a final mute e after a consonant is dropped; doubled letters → one.
    public static func skeleton(_ term: String) -> String {
        var s = Array(term.unicodeScalars)
        func replace(_ from: String, _ to: String) {
            let f = Array(from.unicodeScalars), t = Array(to.unicodeScalars)
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(s.count)
            var i = 0
            while i < s.count {
                if i + f.count <= s.count, Array(s[i..<(i + f.count)]) == f { out += t; i += f.count } else { out.append(s[i]); i += 1 }
            }
            s = out
        }
        replace("tsch", "ch"); replace("tch", "ch"); replace("sch", "ch"); replace("sh", "ch")
        replace("ou", "u"); replace("y", "i"); replace("kh", "h"); replace("ck", "k"); replace("q", "k")
        var out: [Unicode.Scalar] = []
        for (i, c) in s.enumerated() {
            if c == "c", !(i + 1 < s.count && ["e", "i", "h"].contains(s[i + 1])) { out.append("k") }
            else if c == "w" { out.append("v") }
            else if c == "x" { out += ["k", "s"] }
            else { out.append(c) }
        }
        s = out
        for (ending, short) in [("ieva", "eva"), ("iev", "ev")] {
            let e = Array(ending.unicodeScalars)
            if s.count > e.count + 2, Array(s.suffix(e.count)) == e { s = Array(s.dropLast(e.count)) + Array(short.unicodeScalars) }
        }
        // French adds a mute e to names it takes in (« Poutine », « Alexandre »): drop it after a consonant.
        if s.count > 4, s.last == "e", let before = s.dropLast().last, !["a", "e", "i", "o", "u"].contains(before) { s.removeLast() }
        var single = String.UnicodeScalarView()
        for c in s where single.last != c { single.append(c) }
        return String(single)
    }
}
