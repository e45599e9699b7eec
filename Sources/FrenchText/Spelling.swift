/// Spelling tolerance for analysed terms (folded, lower-case): how far apart two words are, the
/// words one deletion away (for a deletion index), and a transliteration skeleton under which the
/// French, English and German renderings of a Slavic or Central Asian name coincide.
package enum Spelling {
    /// The typo budget of a query word by its length, as Meilisearch and Typesense count it:
    /// none up to 4 letters, one from 5 to 8, two from 9.
    package static func typoBudget(length: Int) -> Int { length <= 4 ? 0 : length <= 8 ? 1 : 2 }

    /// Optimal-string-alignment distance (Damerau–Levenshtein where a transposition of two adjacent
    /// letters counts one), with a wrong first letter counting two: people rarely mistype the first
    /// letter, and words that differ there are usually other words (« mutation » / « station »).
    /// Stops early and returns `bound + 1` once the distance must exceed `bound`.
    package static func distance(_ a: String, _ b: String, bound: Int) -> Int {
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
    package static func deletions(_ term: String) -> [String] {
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
    package static func isWord(_ term: String) -> Bool {
        var n = 0
        for s in term.unicodeScalars {
            guard s.properties.isAlphabetic else { return false }
            n += 1
        }
        return n >= 4
    }

    /// The core transliteration skeleton (`Transliteration.skeleton(word:)` adds the rules only names
    /// need, and is what search and person matching use): the same for the spellings a name gets when Cyrillic or another
    /// script is rendered for French, English or German readers — « Loukachenko », « Lukashenko »,
    /// « Lukaschenko » and « Lukachenko » all give `lukachenko`; « Tokaïev » and « Tokaev » give
    /// `tokaev`; « Golovtchenko » and « Golovchenko » give `golovchenko`; « Poutine » and « Putin » give `putin`.
    ///
    /// Rules, in order, on a folded term: tch, tsch, sch, sh → ch; ou → u; y → i; kh → h; ck, q → k;
    /// c → k except before e, i, h; w → v; x → ks; i between a, e, o, u and e is dropped (« Nikolayevich »,
    /// « Nikolaevich »); the endings -iev, -ïev, -yev → -ev (and -ieva → -eva);
    /// a final mute e after a consonant is dropped; doubled letters → one.
    package static func skeleton(_ term: String) -> String {
        // Nearly every term is ASCII once folded: its bytes are its scalars, and byte arrays cost far
        // less than scalar arrays (the person extractor asks this of every candidate name's words).
        if term.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = Array(term.utf8)
            skeletonASCII(&bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        return skeletonScalars(term)
    }

    /// `skeleton` of ASCII bytes, in place: the same rules in the same order.
    static func skeletonASCII(_ s: inout [UInt8]) {
        ASCIIRewrite.replace(&s, "tsch", "ch"); ASCIIRewrite.replace(&s, "tch", "ch")
        ASCIIRewrite.replace(&s, "sch", "ch"); ASCIIRewrite.replace(&s, "sh", "ch")
        ASCIIRewrite.replace(&s, "ou", "u"); ASCIIRewrite.replace(&s, "y", "i"); ASCIIRewrite.replace(&s, "kh", "h")
        ASCIIRewrite.replace(&s, "ck", "k"); ASCIIRewrite.replace(&s, "q", "k")
        let c = UInt8(ascii: "c")
        var out: [UInt8] = []
        out.reserveCapacity(s.count + 2)
        for (i, b) in s.enumerated() {
            if b == c {
                let next = i + 1 < s.count ? s[i + 1] : 0
                out.append(next == UInt8(ascii: "e") || next == UInt8(ascii: "i") || next == UInt8(ascii: "h") ? c : UInt8(ascii: "k"))
            } else if b == UInt8(ascii: "w") { out.append(UInt8(ascii: "v")) }
            else if b == UInt8(ascii: "x") { out.append(UInt8(ascii: "k")); out.append(UInt8(ascii: "s")) }
            else { out.append(b) }
        }
        s = out
        // « Nikolaïevitch », « Nikolayevich », « Nikolaevich »: a glide between a vowel and « e » is written or not.
        if s.count > 3, let first = s.indices.first(where: { Self.isGlide($0, in: s) }) {
            // In place: the rare word with a glide pays for the copy-down, the others for one scan.
            var w = first
            for r in first..<s.count where !Self.isGlide(r, in: s) { s[w] = s[r]; w += 1 }
            s.removeLast(s.count - w)
        }
        if s.count > 6, ASCIIRewrite.hasSuffix(s, "ieva") { s.removeLast(4); s.append(contentsOf: "eva".utf8) }
        else if s.count > 5, ASCIIRewrite.hasSuffix(s, "iev") { s.removeLast(3); s.append(contentsOf: "ev".utf8) }
        if s.count > 4, s.last == UInt8(ascii: "e"), !ASCIIRewrite.isVowel(s[s.count - 2]) { s.removeLast() }
        var w = 0
        for r in s.indices where w == 0 || s[w - 1] != s[r] { s[w] = s[r]; w += 1 }
        s.removeLast(s.count - w)
    }

    @inline(__always) static func isGlide(_ i: Int, in s: [UInt8]) -> Bool {
        s[i] == UInt8(ascii: "i") && i > 0 && i + 1 < s.count && s[i + 1] == UInt8(ascii: "e")
            && [UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "o"), UInt8(ascii: "u")].contains(s[i - 1])
    }

    /// `skeleton` over Unicode scalars, for the rare term that is not ASCII.
    static func skeletonScalars(_ term: String) -> String {
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
        s = s.indices.compactMap { i in
            s[i] == "i" && i > 0 && i + 1 < s.count && ["a", "e", "o", "u"].contains(s[i - 1]) && s[i + 1] == "e" ? nil : s[i]
        }
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

/// Rewriting of ASCII byte strings for the skeletons: the scalar rules, on bytes.
enum ASCIIRewrite {
    /// Every occurrence of `from`, left to right without overlap, becomes `to`.
    static func replace(_ s: inout [UInt8], _ from: StaticString, _ to: StaticString) {
        let f = UnsafeBufferPointer(start: from.utf8Start, count: from.utf8CodeUnitCount)
        let t = UnsafeBufferPointer(start: to.utf8Start, count: to.utf8CodeUnitCount)
        guard s.count >= f.count, s.contains(f[0]) else { return }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if i + f.count <= s.count, s[i] == f[0], (1..<f.count).allSatisfy({ s[i + $0] == f[$0] }) {
                out.append(contentsOf: t); i += f.count
            } else { out.append(s[i]); i += 1 }
        }
        s = out
    }

    static func hasSuffix(_ s: [UInt8], _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard s.count >= n else { return false }
        let p = UnsafeBufferPointer(start: suffix.utf8Start, count: n)
        return (0..<n).allSatisfy { s[s.count - n + $0] == p[$0] }
    }

    @inline(__always) static func isVowel(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "a") || b == UInt8(ascii: "e") || b == UInt8(ascii: "i") || b == UInt8(ascii: "o") || b == UInt8(ascii: "u")
    }
}
