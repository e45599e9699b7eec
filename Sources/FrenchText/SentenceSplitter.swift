/// Splits French prose into sentences, as UTF-8 byte ranges of the text given.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quote or bracket) followed by
/// a space and an upper-case letter, a digit or an opening quote, or by the end of the text.
/// Abbreviations (« M. », « Mme », « av. J.-C. ») and initials (« A. Loukachenko ») do not end one.
package enum SentenceSplitter {
    package static func split(_ text: String) -> [Range<Int>] {
        split(Array(text.utf8))
    }

    package static func split(_ bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            var end = -1
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") {
                end = i + 1
            } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA6 {  // …
                end = i + 3
            }
            if end < 0 { i += 1; continue }
            // Swallow further terminal punctuation and closing quotes/brackets.
            var j = end
            while j < n {
                if let len = closingLength(bytes, j) { j += len; continue }
                // French typography puts a space before the closing guillemet: « … fiers. »
                let k = skipSpaces(bytes, j)
                if k > j, k + 1 < n, bytes[k] == 0xC2, bytes[k + 1] == 0xBB { j = k + 2; continue }
                break
            }
            end = j
            if end >= n || (isSpace(bytes, end) && startsSentence(bytes, skipSpaces(bytes, end))
                            && !(b == UInt8(ascii: ".") && isAbbreviation(bytes, before: i))) {
                if let r = trimmed(bytes, start..<end) { result.append(r) }
                start = end
            }
            i = end
        }
        if start < n, let r = trimmed(bytes, start..<n) { result.append(r) }
        return result
    }

    private static func closingLength(_ b: [UInt8], _ i: Int) -> Int? {
        switch b[i] {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ")"),
             UInt8(ascii: "\""), UInt8(ascii: "]"), UInt8(ascii: "'"): return 1
        case 0xC2 where i + 1 < b.count && b[i + 1] == 0xBB: return 2                 // »
        case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0x9D || b[i + 2] == 0x99 || b[i + 2] == 0xA6): return 3  // ” ’ …
        default: return nil
        }
    }

    static func isSpace(_ b: [UInt8], _ i: Int) -> Bool {
        guard i < b.count else { return false }
        if b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x09 || b[i] == 0x0D { return true }
        if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return true }
        if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xAF || b[i + 2] == 0x89 { return true }
        return false
    }

    private static func skipSpaces(_ b: [UInt8], _ i: Int) -> Int {
        var j = i
        while j < b.count && isSpace(b, j) { j += b[j] < 0x80 ? 1 : (b[j] == 0xC2 ? 2 : 3) }
        return j
    }

    private static func startsSentence(_ b: [UInt8], _ i: Int) -> Bool {
        guard i < b.count else { return true }
        let c = b[i]
        if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") { return true }
        if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { return true }
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "(") || c == UInt8(ascii: "[") || c == UInt8(ascii: "-") { return true }
        if c == 0xC2 && i + 1 < b.count && b[i + 1] == 0xAB { return true }  // «
        if c == 0xE2 && i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0x9C || b[i + 2] == 0x94 || b[i + 2] == 0x93) { return true }  // “ — –
        if c >= 0xC3 {  // non-ASCII letter: upper case if its scalar is
            var end = i + 1
            while end < b.count && b[end] & 0xC0 == 0x80 { end += 1 }
            if let s = String(decoding: b[i..<end], as: UTF8.self).unicodeScalars.first {
                return s.properties.isUppercase
            }
        }
        return false
    }

    private static let abbreviations: Set<String> = [
        "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste",
        "av", "apr", "j.-c", "c", "cf", "env", "etc.", "art", "no", "n°", "p", "vol", "ed", "éd",
        "gal", "gén", "col", "cdt", "lt", "cie", "ltd", "inc", "co", "corp", "dept", "tél", "fig",
    ]

    /// True when the word ending just before `dot` is an abbreviation or an initial.
    private static func isAbbreviation(_ b: [UInt8], before dot: Int) -> Bool {
        var s = dot
        while s > 0 && !isSpace(b, s - 1) && b[s - 1] != UInt8(ascii: "(") { s -= 1 }
        guard s < dot else { return false }
        if b[s..<dot].allSatisfy({ $0 < 0x80 }) { return isASCIIAbbreviation(b[s..<dot]) }
        let word = String(decoding: b[s..<dot], as: UTF8.self)
        if abbreviations.contains(word.lowercased()) { return true }
        // A single upper-case letter (an initial): « A. Loukachenko ».
        let scalars = word.unicodeScalars
        if scalars.count == 1, let c = scalars.first, c.properties.isUppercase { return true }
        // Hyphenated initials « J.-C. », « K.-J. ».
        if word.count <= 4 && word.contains(".-") { return true }
        // Dotted initials « S.E. M. X » (Son Excellence), « J.F. Kennedy ».
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 1, parts.count <= 3, parts.allSatisfy({ $0.unicodeScalars.count == 1 && $0.unicodeScalars.first!.properties.isUppercase }) { return true }
        return false
    }

    /// `isAbbreviation` for an ASCII word, read as bytes: the same tests, without the Unicode case
    /// mapping, Character counting and Foundation string search that made it cost thousands of
    /// instructions per full stop (in ASCII, a letter is a scalar and a Character, and upper case is A–Z).
    private static func isASCIIAbbreviation(_ w: ArraySlice<UInt8>) -> Bool {
        @inline(__always) func isUpper(_ c: UInt8) -> Bool { c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") }
        // The longest ASCII abbreviation has five letters.
        if w.count <= 5, abbreviations.contains(String(decoding: w.map { isUpper($0) ? $0 | 0x20 : $0 }, as: UTF8.self)) { return true }
        if w.count == 1, isUpper(w.first!) { return true }
        if w.count <= 4, zip(w, w.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: "-") }) { return true }
        // Dotted initials: two or three parts between full stops, each one capital letter.
        var parts = 0, length = 0, upper = false, initials = true
        for c in w {
            if c == UInt8(ascii: ".") {
                parts += 1
                if !(length == 1 && upper) { initials = false }
                length = 0
            } else {
                length += 1
                upper = isUpper(c)
            }
        }
        parts += 1
        if !(length == 1 && upper) { initials = false }
        return parts > 1 && parts <= 3 && initials
    }

    private static func trimmed(_ b: [UInt8], _ r: Range<Int>) -> Range<Int>? {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi && isSpace(b, lo) { lo += b[lo] < 0x80 ? 1 : (b[lo] == 0xC2 ? 2 : 3) }
        while hi > lo && (b[hi - 1] == 0x20 || b[hi - 1] == 0x0A || b[hi - 1] == 0x09 || b[hi - 1] == 0x0D) { hi -= 1 }
        return lo < hi ? lo..<hi : nil
    }
}
