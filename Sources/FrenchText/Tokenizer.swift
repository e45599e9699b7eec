import Synchronization

/// A word of a text: its UTF-8 byte range in the source, the text as written, and its fold.
package struct Token: Sendable, Hashable {
    package let range: Range<Int>
    package let text: String
    /// `Folding.fold(text)`: lower case, no accents, œ→oe, đ→d, ’→'.
    package let folded: String
    /// First letter upper case (« Loukachenko », « Đà »).
    package let isCapitalized: Bool
    /// Entirely upper case and at least two letters (« ASEAN », « PCV »).
    package let isAcronym: Bool
    /// Digits only, possibly with internal `,` `.` (« 2025 », « 94,5 »).
    package let isNumber: Bool
    /// Punctuation token (one scalar): , . ; : ( ) « » " - – etc.
    package let isPunctuation: Bool
    /// `WordHash.of(folded)`, computed once: the extractors look most tokens up in several word sets
    /// and phrase tables, and hashing the folded string again at every look-up was a tenth of extraction.
    package let foldedHash: Int
    /// The folded form holds a hyphen (« mi-mai », « Vietnam-Biélorussie »). Byte questions like this one
    /// are asked of every token by several readers; answered once here (and once per distinct word,
    /// through `TokenCache`), they cost a load each instead of a walk through the string's storage.
    package let hasHyphen: Bool
    /// First and last UTF-8 bytes of `text`, 0 for an empty text.
    package let firstByte: UInt8, lastByte: UInt8

    package init(range: Range<Int>, text: String, folded: String, isCapitalized: Bool, isAcronym: Bool,
                isNumber: Bool, isPunctuation: Bool) {
        self.range = range; self.text = text; self.folded = folded
        self.isCapitalized = isCapitalized; self.isAcronym = isAcronym; self.isNumber = isNumber
        self.isPunctuation = isPunctuation
        foldedHash = WordHash.of(folded)
        var f = folded, t = text
        hasHyphen = f.withUTF8 { $0.contains(UInt8(ascii: "-")) }
        (firstByte, lastByte) = t.withUTF8 { ($0.first ?? 0, $0.last ?? 0) }
    }

    /// The same word at another place of the text.
    init(_ word: Token, range: Range<Int>) {
        self.range = range; text = word.text; folded = word.folded
        isCapitalized = word.isCapitalized; isAcronym = word.isAcronym; isNumber = word.isNumber
        isPunctuation = word.isPunctuation; foldedHash = word.foldedHash
        hasHyphen = word.hasHyphen; firstByte = word.firstByte; lastByte = word.lastByte
    }
}

/// The tokens already made, by their bytes. Articles say « la », « de », « Vietnam » again and again,
/// and making each token anew (two strings, the fold, the letter classes) was most of tokenising; a
/// token depends on its bytes only, so a word seen before is that token moved to its new place.
/// `shared` keeps one across articles (process-wide and bounded, like `Transliteration`'s memo).
package struct TokenCache: Sendable {
    /// The tokens made so far, in order; the table holds their indices (not optional tokens: copying
    /// an `Optional<Token>` out of an array goes through the generic value witnesses).
    private var words: [Token] = []
    /// FNV-1a of the word's bytes, 0 where the slot is empty.
    private var hashes: [Int]
    private var slots: [Int]
    private var mask: Int

    package init() { hashes = Array(repeating: 0, count: 1024); slots = Array(repeating: 0, count: 1024); mask = 1023 }

    /// More distinct words than an article has, fewer than would hold much memory (a few MB).
    static let capacity = 1 << 15
    /// Longer tokens (in bytes) are made each time, not kept.
    static let longestWord = 48

    private static let stock = Mutex(TokenCache())

    /// The shared cache, for one text's tokens: taken out, so that the tokenizer reads it without a
    /// lock; a thread that finds it taken starts an empty one. Give it back with `keep(_:)`.
    package static func take() -> TokenCache {
        stock.withLock { shared in
            var c = TokenCache(empty: ())
            swap(&c, &shared)
            return c.mask < 0 ? TokenCache() : c
        }
    }

    /// Gives a cache back to be shared; the larger of two is kept, and a full one is emptied.
    package static func keep(_ cache: TokenCache) {
        stock.withLock { shared in
            if cache.words.count >= capacity { shared = TokenCache() } else if cache.words.count >= shared.words.count { shared = cache }
        }
    }

    /// No cache, for a single short text (a phrase of the reference data, a query).
    static let none = TokenCache(empty: ())
    private init(empty: ()) { hashes = []; slots = []; mask = -1 }

    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = r.lowerBound
        while i < r.upperBound { h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01b3; i += 1 }
        let v = Int(truncatingIfNeeded: h ^ (h >> 29))
        return v == 0 ? 1 : v
    }

    /// The index of the token made earlier from the same bytes as `p[r]`.
    @inline(__always)
    func index(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, hash h: Int) -> Int? {
        guard mask >= 0 else { return nil }
        var i = h & mask
        while true {
            let x = hashes[i]
            if x == 0 { return nil }
            if x == h, Self.same(words[slots[i]].text, p, r) { return slots[i] }
            i = (i + 1) & mask
        }
    }

    /// Token `index`, placed at `r`.
    @inline(__always)
    func token(_ index: Int, at r: Range<Int>) -> Token { Token(words[index], range: r) }

    /// Whether `text` is the bytes `p[r]` (a text whose bytes were repaired never is: it is made again).
    private static func same(_ text: String, _ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var text = text
        return text.withUTF8 { u in
            guard u.count == r.count else { return false }
            var k = 0
            while k < u.count { if u[k] != p[r.lowerBound + k] { return false }; k += 1 }
            return true
        }
    }

    mutating func insert(_ t: Token, hash h: Int) {
        guard mask >= 0 else { return }
        if (words.count + 1) * 2 > hashes.count { grow() }
        if words.isEmpty { words.reserveCapacity(hashes.count / 2) }
        place(words.count, hash: h)
        words.append(t)
    }

    private mutating func place(_ index: Int, hash h: Int) {
        var i = h & mask
        while hashes[i] != 0 { i = (i + 1) & mask }
        hashes[i] = h
        slots[i] = index
    }

    private mutating func grow() {
        let old = zip(hashes, slots).filter { $0.0 != 0 }
        hashes = Array(repeating: 0, count: hashes.count * 2)
        slots = Array(repeating: 0, count: hashes.count)
        mask = hashes.count - 1
        for (h, index) in old { place(index, hash: h) }
    }
}

/// The hash of a folded word for the extractors' word sets and phrase tables: FNV-1a over its UTF-8
/// bytes (Swift's seeded SipHash cost a quarter of extraction time), never 0 (0 marks an empty slot).
package enum WordHash {
    @inline(__always)
    package static func of(_ s: String) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var s = s
        s.withUTF8 { for b in $0 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 } }
        let v = Int(truncatingIfNeeded: h ^ (h >> 29))
        return v == 0 ? 1 : v
    }
}

/// Splits text into word and punctuation tokens with byte offsets, by scanning UTF-8 bytes.
///
/// Words keep internal hyphens and apostrophes (« Kassym-Jomart », « aujourd'hui »), but a
/// French elision is its own token: « l’ambassadeur » → « l’ », « ambassadeur ». Numbers keep
/// decimal commas and thousands separators (« 94,5 », « 3 000 » is two tokens; see FrenchNumber).
package enum Tokenizer {
    package static func tokens(_ text: String) -> [Token] { tokens(Array(text.utf8)) }

    package static func tokens(_ b: [UInt8], in range: Range<Int>? = nil) -> [Token] {
        var none = TokenCache.none
        return tokens(b, in: range, cache: &none)
    }

    /// The tokens of `b[range]`, reusing the tokens `cache` made from earlier parts of the same text.
    package static func tokens(_ b: [UInt8], in range: Range<Int>? = nil, cache: inout TokenCache) -> [Token] {
        let r = range ?? 0..<b.count
        var out: [Token] = []
        // About one token per six bytes of French: the array is not grown and copied again and again.
        out.reserveCapacity(r.count / 5 + 4)
        var i = r.lowerBound
        let end = r.upperBound
        while i < end {
            let (s, len) = decode(b, i, end)
            if isWordScalar(s) {
                var j = i + len
                var k = j
                while k < end {
                    let (c, l) = decode(b, k, end)
                    if isWordScalar(c) { k += l; j = k; continue }
                    // Internal hyphen, apostrophe, or decimal separator between digits.
                    if (c == "-" || c == "'" || c == "\u{2019}" || c == "\u{2011}") && k + l < end {
                        let (n, _) = decode(b, k + l, end)
                        if isWordScalar(n) {
                            if (c == "'" || c == "\u{2019}") && isElision(b, i, k) { break }
                            // « del'Éducation »: a page that lost the space of « de l'Éducation ».
                            if (c == "'" || c == "\u{2019}") && isGluedDeLe(b, i, k) { j = i + 2; break }
                            k += l; continue
                        }
                    }
                    if (c == "," || c == ".") && k + 1 < end && isDigit(b[k - 1]) && isDigit(b[k + 1]) { k += 1; continue }
                    break
                }
                // An elided article keeps its apostrophe: « l’ », « qu’ ».
                if j < end {
                    let (c, l) = decode(b, j, end)
                    if (c == "'" || c == "\u{2019}") && isElision(b, i, j) { j += l }
                }
                if let k = gluedSplit(b, i..<j) {
                    out.append(token(b, i..<k, cache: &cache, make: makeWord))
                    out.append(token(b, k..<j, cache: &cache, make: makeWord))
                } else {
                    out.append(token(b, i..<j, cache: &cache, make: makeWord))
                }
                i = j
            } else if s == " " || s == "\n" || s == "\t" || s == "\r" || s == "\u{A0}" || s == "\u{202F}" || s == "\u{2009}" {
                i += len
            } else {
                out.append(token(b, i..<(i + len), cache: &cache, make: makePunctuation))
                i += len
            }
        }
        return out
    }

    @inline(__always)
    private static func token(_ b: [UInt8], _ r: Range<Int>, cache: inout TokenCache, make: ([UInt8], Range<Int>) -> Token) -> Token {
        // A long « word » (a link, an identifier) rarely comes back, and the shared cache would keep it.
        guard r.count <= TokenCache.longestWord else { return make(b, r) }
        let h = b.withUnsafeBufferPointer { TokenCache.hash($0, r) }
        if let k = b.withUnsafeBufferPointer({ cache.index($0, r, hash: h) }) { return cache.token(k, at: r) }
        let t = make(b, r)
        cache.insert(t, hash: h)
        return t
    }

    private static func makePunctuation(_ b: [UInt8], _ r: Range<Int>) -> Token {
        let t = String(decoding: b[r], as: UTF8.self)
        return Token(range: r, text: t, folded: Folding.fold(t), isCapitalized: false, isAcronym: false, isNumber: false, isPunctuation: true)
    }

    /// « auBangladesh », « leCambodge »: a page that lost the space between a short function word and
    /// the proper noun after it. A word that starts with two to four lower-case letters forming a
    /// French function word (the stop word list), then a capital and a lower-case letter, is two
    /// words. Other mixed case is left alone (« iPhone », « eBay »: no function word before the capital).
    /// « àPhnom » (« à », two bytes) and « LeVietnam » (a capitalised function word opening a sentence) too.
    static func gluedSplit(_ b: [UInt8], _ r: Range<Int>) -> Int? {
        var k = r.lowerBound
        if r.count >= 4, b[k] == 0xC3, b[k + 1] == 0xA0, b[k + 2] >= 0x41 && b[k + 2] <= 0x5A, b[k + 3] >= 0x61 && b[k + 3] <= 0x7A { return k + 2 }
        let capitalised = b[k] >= 0x41 && b[k] <= 0x5A
        if capitalised { k += 1 }
        while k < r.upperBound, b[k] >= 0x61 && b[k] <= 0x7A { k += 1 }
        let prefix = k - r.lowerBound
        guard (2...4).contains(prefix), k + 1 < r.upperBound else { return nil }
        // A capital: ASCII, or Latin-1 upper case (C3 80–C3 9E, « É », « À »).
        let upperLength: Int
        if b[k] >= 0x41 && b[k] <= 0x5A { upperLength = 1 }
        else if b[k] == 0xC3, b[k + 1] >= 0x80 && b[k + 1] <= 0x9E, b[k + 1] != 0x97 { upperLength = 2 }
        else { return nil }
        let n = k + upperLength
        // Then a lower-case letter (ASCII or any non-ASCII letter byte): « deASEAN » is not split.
        guard n < r.upperBound, (b[n] >= 0x61 && b[n] <= 0x7A) || b[n] >= 0xC3 else { return nil }
        guard let key = FrenchStopWords.pack(b[r.lowerBound..<k].enumerated().map { $0.offset == 0 && capitalised ? $0.element | 0x20 : $0.element }),
              FrenchStopWords.packed.contains(key) else { return nil }
        return k
    }

    /// « del » before an apostrophe: « de » and « l' » run together (no French word is « del' »).
    private static func isGluedDeLe(_ b: [UInt8], _ start: Int, _ apostrophe: Int) -> Bool {
        apostrophe - start == 3 && b[start] | 0x20 == 0x64 && b[start + 1] | 0x20 == 0x65 && b[start + 2] | 0x20 == 0x6C
    }

    static let elisions: Set<String> = ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"]

    private static func isElision(_ b: [UInt8], _ start: Int, _ apostrophe: Int) -> Bool {
        guard apostrophe - start <= 7 else { return false }
        return elisions.contains(Folding.fold(String(decoding: b[start..<apostrophe], as: UTF8.self)))
    }

    private static func makeWord(_ b: [UInt8], _ r: Range<Int>) -> Token {
        b.withUnsafeBufferPointer { all in
            let word = UnsafeBufferPointer(rebasing: all[r])
            // ASCII bytes are classified directly: Unicode property look-ups for every letter were
            // 40 % of extraction time (benchmark profile); non-ASCII scalars read `ScalarClass`.
            var letters = 0, upper = 0, digits = 0
            var ascii = true
            var i = r.lowerBound
            while i < r.upperBound {
                let c = b[i]
                if c < 0x80 {
                    if c >= 0x41 && c <= 0x5A { letters += 1; upper += 1 }
                    else if c >= 0x61 && c <= 0x7A { letters += 1 }
                    else if c >= 0x30 && c <= 0x39 { digits += 1 }
                    i += 1
                } else {
                    ascii = false
                    let (s, len) = decode(b, i, r.upperBound)
                    let k = ScalarClass.of(s)
                    if k & ScalarClass.alphabetic != 0 { letters += 1; if k & ScalarClass.uppercase != 0 { upper += 1 } }
                    i += len
                }
            }
            let c0 = b[r.lowerBound]
            let firstIsUpper = c0 < 0x80 ? (c0 >= 0x41 && c0 <= 0x5A) : ScalarClass.of(decode(b, r.lowerBound, r.upperBound).0) & ScalarClass.uppercase != 0
            let text = String(decoding: word, as: UTF8.self)
            // A lower-case ASCII word is its own fold: one string for both.
            let folded = ascii && upper == 0 ? text : Folding.fold(utf8: word)
            return Token(range: r, text: text, folded: folded, isCapitalized: firstIsUpper,
                         isAcronym: letters >= 2 && upper == letters, isNumber: digits > 0 && letters == 0, isPunctuation: false)
        }
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return ScalarClass.of(s) & ScalarClass.wordScalar != 0
    }

    @inline(__always) static func decode(_ b: [UInt8], _ i: Int, _ end: Int) -> (Unicode.Scalar, Int) {
        let c = b[i]
        if c < 0x80 { return (Unicode.Scalar(c), 1) }
        var len = 1
        var v: UInt32
        if c & 0xE0 == 0xC0 { v = UInt32(c & 0x1F); len = 2 }
        else if c & 0xF0 == 0xE0 { v = UInt32(c & 0x0F); len = 3 }
        else if c & 0xF8 == 0xF0 { v = UInt32(c & 0x07); len = 4 }
        else { return ("\u{FFFD}", 1) }
        guard i + len <= end else { return ("\u{FFFD}", 1) }
        for k in 1..<len { v = (v << 6) | UInt32(b[i + k] & 0x3F) }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", len)
    }
}

/// A bit per `WordHash` bucket of a few words: « no » for most other words at the cost of one bit
/// test (the word's hash is the token's `foldedHash`); « maybe » is confirmed with the words themselves.
package struct WordHashFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)

    package init<S: Sequence>(_ words: S) where S.Element == String {
        for w in words { let h = WordHash.of(w) & 4095; bits[h >> 6] |= 1 << UInt64(h & 63) }
    }

    @inline(__always)
    package func mayContain(_ hash: Int) -> Bool {
        let h = hash & 4095
        return bits[h >> 6] & (1 << UInt64(h & 63)) != 0
    }
}
