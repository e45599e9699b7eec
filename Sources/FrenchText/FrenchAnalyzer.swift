import Foundation

/// The French analyzer, the same at index time and at query time:
///
/// 1. Unicode normalisation (NFC), so a decomposed « é » is one scalar;
/// 2. apostrophes ’ ʼ ‘ → ' (and the word is split into terms at apostrophes, hyphens, digits' punctuation);
/// 3. elision stripping: l' m' t' qu' n' s' j' d' c' jusqu' quoiqu' lorsqu' puisqu' (any case);
/// 4. lower case;
/// 5. accent folding, œ → oe, æ → ae, đ → d (`Folding`);
/// 6. stop words (Snowball's French list);
/// 7. light stemming (`FrenchLightStemmer`, Savoy's algorithm as in Lucene).
///
/// Stages 1–6 give the *term* (« L’Intelligence » → « intelligence »), which is what the index stores:
/// the database stays searchable with the stock tokenizer. Stage 7 gives the *stem*; the search
/// expands a query term to every indexed term with the same stem (see `Search.swift`).
///
/// Terms are cut exactly where SQLite's `unicode61` tokenizer cuts (letters, digits and marks make
/// words; everything else separates), so the stored text means the same to FTS5 as to us.
/// The scan works on UTF-8 bytes: no Regex, no String per character.
package enum FrenchAnalyzer {
    /// Version of the analysis stored in `articles.search_*` and `search_terms`; a change triggers a reindex.
    package static let version = "1"

    /// An analysed term and the UTF-8 byte range of the word it came from in the (NFC) text.
    package struct Term: Sendable, Hashable {
        package let term: String
        package let range: Range<Int>
    }

    /// Analysed terms of a text, in order (stages 1–6).
    package static func terms(_ text: String, keepStopWords: Bool = false) -> [String] {
        var out: [String] = []
        analyze(text, keepStopWords: keepStopWords) { term, _ in out.append(String(decoding: term, as: UTF8.self)) }
        return out
    }

    /// Terms with their byte ranges in `normalized`, the text the ranges refer to (the NFC form of `text`).
    package static func termsWithRanges(_ text: String, keepStopWords: Bool = false) -> (normalized: String, terms: [Term]) {
        let normalized = normalize(text)
        var out: [Term] = []
        analyzeNormalized(normalized, keepStopWords: keepStopWords) { term, range in
            out.append(Term(term: String(decoding: term, as: UTF8.self), range: range))
        }
        return (normalized, out)
    }

    /// `termsWithRanges` without a String per term: `body` gets each term's UTF-8 bytes (valid only
    /// during the call) and its byte range in the returned text (the NFC form of `text`).
    package static func analyzeReturningText(_ text: String, keepStopWords: Bool = false,
                                             _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) -> String {
        let normalized = normalize(text)
        analyzeNormalized(normalized, keepStopWords: keepStopWords, body)
        return normalized
    }

    /// `analyzeReturningText` with stop words kept, for a reader that wants only the terms starting
    /// with one of `wanted`'s bytes (snippets: the words that may be highlighted). Every other term
    /// comes as an empty buffer with its range, unfolded: most words of a text cost no folding.
    package static func analyzeReturningText(_ text: String, wanted: ByteSet,
                                             _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) -> String {
        let normalized = normalize(text)
        analyzeNormalized(normalized, keepStopWords: true, wanted: wanted, body)
        return normalized
    }

    /// The analysed text stored for the FTS index: terms separated by single spaces.
    package static func indexText(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        analyze(text, keepStopWords: false) { term, _ in
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: term)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Stage 7, for a term produced by stages 1–6.
    package static func stem(_ term: String) -> String { FrenchLightStemmer.stem(term) }

    /// The whole chain (stages 1–7): the stems of a text.
    package static func stems(_ text: String) -> [String] { terms(text).map(stem) }

    /// Calls `body` with each term's UTF-8 bytes (valid only during the call) and its source byte range.
    package static func analyze(_ text: String, keepStopWords: Bool = false,
                               _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        analyzeNormalized(normalize(text), keepStopWords: keepStopWords, body)
    }

    // MARK: - Stages

    /// Stage 1. Only combining marks (U+0300–U+036F, lead bytes CC/CD) can make NFC differ for the
    /// text we fold, so the common case costs one byte scan.
    static func normalize(_ text: String) -> String {
        var contiguous = text
        // A plain loop over the bytes (no closure per byte): it is asked of every snippet's whole body.
        let needs = contiguous.withUTF8 { b in
            var found = false
            for c in b where c & 0xFE == 0xCC { found = true; break }
            return found
        }
        return needs ? text.precomposedStringWithCanonicalMapping : text
    }

    private static func analyzeNormalized(_ text: String, keepStopWords: Bool, wanted: ByteSet? = nil,
                                          _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var scratch: [UInt8] = []
            scratch.reserveCapacity(64)
            var i = 0
            let n = bytes.count
            while i < n {
                let (s, len) = scalar(bytes, i)
                guard isWordScalar(s) else { i += len; continue }
                var j = i + len
                var ascii = len == 1, apostrophe = false
                while j < n {                                     // a word, apostrophes inside included
                    let b = bytes[j]
                    if b < 0x80 {
                        if isASCIIWord(b) { j += 1; continue }
                        if b == 0x27, j + 1 < n, isWordScalar(scalar(bytes, j + 1).0) { apostrophe = true; j += 1; continue }
                        break
                    }
                    let (c, l) = scalar(bytes, j)
                    ascii = false
                    if isWordScalar(c) { if isApostrophe(c) { apostrophe = true }; j += l; continue }
                    if isApostrophe(c), j + l < n, isWordScalar(scalar(bytes, j + l).0) { apostrophe = true; j += l; continue }
                    break
                }
                if ascii && !apostrophe {
                    if isUnwanted(bytes[i], wanted) {
                        body(UnsafeBufferPointer(start: nil, count: 0), i..<j)
                    } else {
                        asciiTerm(bytes, i..<j, keepStopWords: keepStopWords, scratch: &scratch, body)
                    }
                } else {
                    word(bytes, i..<j, keepStopWords: keepStopWords, wanted: wanted, scratch: &scratch, body)
                }
                i = j
            }
        }
    }

    /// Stages 2–6 on one word (a run of word scalars possibly joined by apostrophes).
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, keepStopWords: Bool, wanted: ByteSet?,
                             scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        var start = r.lowerBound
        var parts = firstApostrophe(bytes, start, r.upperBound)                 // stage 2: ’ ʼ ‘ ' alike
        if let a = parts, isElision(bytes, start..<a.lowerBound) {               // stage 3: l’, qu’, jusqu’…
            start = a.upperBound
            parts = firstApostrophe(bytes, start, r.upperBound)
        }
        while start < r.upperBound {
            let end = parts?.lowerBound ?? r.upperBound
            if isUnwanted(bytes[start], wanted) {
                body(UnsafeBufferPointer(start: nil, count: 0), start..<end)
                guard let p = parts else { break }
                start = p.upperBound
                parts = firstApostrophe(bytes, start, r.upperBound)
                continue
            }
            scratch.removeAll(keepingCapacity: true)
            Folding.foldUTF8(UnsafeBufferPointer(rebasing: bytes[start..<end]), into: &scratch)  // stages 4–5
            lowercaseRest(&scratch)
            if keepStopWords || !isStopWord(scratch) {                           // stage 6
                scratch.withUnsafeBufferPointer { body($0, start..<end) }
            }
            guard let p = parts else { break }
            start = p.upperBound
            parts = firstApostrophe(bytes, start, r.upperBound)
        }
    }

    /// A term starting with this byte is not among the `wanted` ones: an ASCII first letter folds to
    /// itself in lower case, so the term need not be folded to know (any other first byte is folded).
    @inline(__always)
    private static func isUnwanted(_ first: UInt8, _ wanted: ByteSet?) -> Bool {
        guard let w = wanted, first < 0x80 else { return false }
        return !w.contains(first | (first >= 0x41 && first <= 0x5A ? 0x20 : 0))
    }

    /// The common case, a plain ASCII word: stages 4–6 without decoding or table lookups.
    @inline(__always)
    private static func asciiTerm(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, keepStopWords: Bool,
                                  scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        // Most words have no capital: their bytes are their term, passed without a copy.
        var k = r.lowerBound
        while k < r.upperBound, bytes[k] >= 0x61 || bytes[k] < 0x41 || bytes[k] > 0x5A { k += 1 }
        if k == r.upperBound {
            let term = UnsafeBufferPointer(rebasing: bytes[r])
            if keepStopWords || !isStopWord(term) { body(term, r) }
            return
        }
        scratch.removeAll(keepingCapacity: true)
        for k in r { let b = bytes[k]; scratch.append(b &+ ((b >= 0x41 && b <= 0x5A) ? 0x20 : 0)) }
        if keepStopWords || !isStopWord(scratch) {
            scratch.withUnsafeBufferPointer { body($0, r) }
        }
    }

    private static func firstApostrophe(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Range<Int>? {
        var i = from
        while i < to {
            let (s, l) = scalar(b, i)
            if isApostrophe(s) { return i..<(i + l) }
            i += l
        }
        return nil
    }

    @inline(__always) static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        s == "'" || s == "\u{2019}" || s == "\u{02BC}" || s == "\u{2018}"
    }

    /// l, m, t, qu, n, s, j, d, c, jusqu, quoiqu, lorsqu, puisqu — compared without case.
    private static func isElision(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard r.count >= 1 && r.count <= 6 else { return false }
        var v: UInt64 = 0
        for i in r {
            let c = b[i]
            guard c < 0x80 else { return false }
            v = (v << 8) | UInt64(c | 0x20)
        }
        return elisions.contains(v)
    }

    private static let elisions: Set<UInt64> = Set(["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"].map {
        $0.utf8.reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
    })

    @inline(__always) private static func isStopWord<C: Collection>(_ term: C) -> Bool where C.Element == UInt8 {
        guard let key = FrenchStopWords.pack(term) else { return false }
        return FrenchStopWords.packed.contains(key)
    }

    /// `Folding` lower-cases what it folds; scalars outside its table (Greek, Cyrillic…) are lower-cased here.
    @inline(__always) private static func lowercaseRest(_ term: inout [UInt8]) {
        guard term.contains(where: { $0 >= 0x80 }) else { return }
        let lowered = String(decoding: term, as: UTF8.self).lowercased()
        term.removeAll(keepingCapacity: true)
        term.append(contentsOf: lowered.utf8)
    }

    // MARK: - Bytes

    @inline(__always) static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let c = b[i]
        if c < 0x80 { return (Unicode.Scalar(c), 1) }
        var len: Int
        var v: UInt32
        if c & 0xE0 == 0xC0 { v = UInt32(c & 0x1F); len = 2 }
        else if c & 0xF0 == 0xE0 { v = UInt32(c & 0x0F); len = 3 }
        else if c & 0xF8 == 0xF0 { v = UInt32(c & 0x07); len = 4 }
        else { return ("\u{FFFD}", 1) }
        guard i + len <= b.count else { return ("\u{FFFD}", 1) }
        for k in 1..<len { v = (v << 6) | UInt32(b[i + k] & 0x3F) }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", len)
    }

    /// Letters, numbers and combining marks: what `unicode61` keeps inside a token.
    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return isASCIIWord(UInt8(v)) }
        if v < 0x3000 { return commonWord[Int(v >> 6)] >> UInt64(v & 63) & 1 != 0 }
        return classify(s)
    }

    /// Digits and ASCII letters as two bit masks, not a lazily built table: a `static let` read per
    /// byte costs a `swift_once` check each time, tens of thousands per `kb search` snippet pass.
    @inline(__always) static func isASCIIWord(_ b: UInt8) -> Bool {
        b < 64 ? (0x03ff_0000_0000_0000 as UInt64) >> UInt64(b) & 1 != 0
               : (0x07ff_fffe_07ff_fffe as UInt64) >> UInt64(b & 63) & 1 != 0
    }

    /// `classify` of the scalars below U+3000, one bit each: written out rather than computed,
    /// because computing it (Unicode properties of 12,288 scalars) cost more than the rest of the
    /// analysis of a query, in every `kb search` process. A unit test checks it against `classify`.
    static let commonWord: [UInt64] = [
        0x03ff000000000000, 0x07fffffe07fffffe, 0x762c040000000000, 0xff7fffffff7fffff,
        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000501f0003ffc3,
        0xffffffffffffffff, 0xbcdfffffffffffff, 0xfffffffbffffd740, 0xffbfffffffffffff,
        0xffffffffffffffff, 0xffffffffffffffff, 0xfffffffffffffcfb, 0xffffffffffffffff,
        0xfffeffffffffffff, 0xffffffff027fffff, 0xbffffffffffe01ff, 0x000787ffffff00b6,
        0xffffffff07ff0000, 0xffffc3ffffffffff, 0xffffffffffffffff, 0x9ffffdff9fefffff,
        0xffffffffffff0000, 0xffffffffffffe7ff, 0x0003ffffffffffff, 0x243fffffffffffff,
        0x00003fffffffffff, 0xffff07ff0fffffff, 0xffffffffff80feff, 0xfffffffbffffffff,
        0xffffffffffffffff, 0xfffeffcfffffffff, 0xf3c5fdfffff99fef, 0x53f3ffcfb080799f,
        0xd36dfdfffff987ee, 0x003fffc05e023987, 0xf3edfdfffffbbfee, 0xfe00ffcf00013bbf,
        0xf3edfdfffff99fee, 0x00feffcfb0e0399f, 0xc3ffc718d63dc7ec, 0x0007ffc000813dc7,
        0xf3fffdfffffddfff, 0x7f00ffcf37603ddf, 0xf3effdfffffddfef, 0x000effcf70603ddf,
        0xfffffffffffddfff, 0xfdffffcffff07ddf, 0x2ffbfffffc7fffee, 0x000cffc0ff5f847f,
        0x07fffffffffffffe, 0x0000000003ff7fff, 0x3fffffaffffff7d6, 0x00000000f3ff7f5f,
        0xc2afffff03000001, 0xfffe1ffffffffeff, 0x1ffffffffeffffdf, 0x0000000000000040,
        0xffffffffffffffff, 0xffffffffffff03ff, 0xffffffff3fffffff, 0xf7ffffffffff20bf,
        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
        0xffffffffffffffff, 0xffffffff3d7f3dff, 0x7f3dffffffff3dff, 0xffffffffff7fff3d,
        0xffffffffff3dffff, 0x1ffffe00e7ffffff, 0xffffffff0000ffff, 0x3f3fffffffffffff,
        0xfffffffffffffffe, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
        0xffffffffffffffff, 0xffff9fffffffffff, 0xffffffff07fffffe, 0x01ffc7ffffffffff,
        0x001fffff803fffff, 0x000ddfff000fffff, 0xffffffffffffffff, 0x03ff03ff308fffff,
        0xffffffff03ffb800, 0x01ffffffffffffff, 0xffff07ffffffffff, 0x003fffffffffffff,
        0x0fff0fff7fffffff, 0x001f3fffffffffc0, 0xffff0fffffffffff, 0x0000000007ff03ff,
        0xffffffff0fffffff, 0x9fffffff7fffffff, 0xbfff008003ff03ff, 0x00000fff3fffffff,
        0xffffffffffffffff, 0x000ff80003ff1fff, 0xffffffffffffffff, 0x000fffffffffffff,
        0x00ffffffffffffff, 0x3fffffffffffe3ff, 0xe7ffffffffff07ff, 0x07fffffffff70000,
        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
        0xffffffff3f3fffff, 0x3fffffffaaff3f3f, 0x5fdfffffffffffff, 0x1fdc1fff0fcf1fdc,
        0x0000000000000000, 0x83f3000000000000, 0x000000001fff03ff, 0x0001ffe21fff0000,
        0xf3ffbd503e2ffc84, 0xffffffffffff43e0, 0x00000000000003ff, 0x0000000000000000,
        0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
        0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
        0x0000000000000000, 0xffffffff00000000, 0x000000000fffffff, 0xfffffc0000000000,
        0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
        0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
        0x0000000000000000, 0xffc0000000000000, 0x00000000000fffff, 0x0000000000000000,
        0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
        0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
        0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
        0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0x200ff81fffffffff,
        0xffff20bfffffffff, 0x800080ffffffffff, 0x7f7f7f7f007fffff, 0xffffffff7f7f7f7f,
        0x0000800000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
        0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000

    ]

    static func classify(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .privateUse:
            return true
        default:
            return false
        }
    }
}

/// A set of bytes, a bit each (the first bytes of the terms a reader wants).
package struct ByteSet: Sendable {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    package init() {}

    /// Every byte.
    package static let all: ByteSet = { var s = ByteSet(); s.bits = (~0, ~0, ~0, ~0); return s }()

    package mutating func insert(_ b: UInt8) {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 { case 0: bits.0 |= bit; case 1: bits.1 |= bit; case 2: bits.2 |= bit; default: bits.3 |= bit }
    }

    @inline(__always) package func contains(_ b: UInt8) -> Bool {
        let m: UInt64
        switch b >> 6 { case 0: m = bits.0; case 1: m = bits.1; case 2: m = bits.2; default: m = bits.3 }
        return m >> UInt64(b & 63) & 1 != 0
    }
}
