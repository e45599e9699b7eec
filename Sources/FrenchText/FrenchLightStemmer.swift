/// Savoy's light French stemmer, ported rule for rule from Lucene's `FrenchLightStemmer`
/// (J. Savoy, « A Stemming Procedure and Stopword List for General French Corpora », 1999).
///
/// It removes plural and feminine endings and a few derivational suffixes (-ement, -ation,
/// -ition, -isation, -ateur…), then `norm` drops doubled letters and a final -ie, -r, -e, -ee.
/// It is light on purpose: « coopérations » and « coopération » meet (« cop »), but
/// « intelligence » (« inteligenc ») stays apart from « intelligent » (« inteligent »).
///
/// kb folds accents before stemming, so the three rules Lucene writes with an accent
/// (-ième, -ère, -ète) also match their folded spelling (-ieme, -ere, -ete); on accented
/// input every rule behaves exactly as Lucene's.
package enum FrenchLightStemmer {
    package static func stem(_ word: String) -> String {
        var s = word.unicodeScalars.map(\.value)
        let n = stem(&s, s.count)
        if s[0..<n].allSatisfy({ $0 < 0x80 }) { return String(decoding: s[0..<n].map { UInt8($0) }, as: UTF8.self) }
        var out = String.UnicodeScalarView()
        for v in s[0..<n] { if let u = Unicode.Scalar(v) { out.append(u) } }
        return String(out)
    }

    // Lucene's code reads best next to this one: same order, same lengths, same writes.
    static func stem(_ s: inout [UInt32], _ length: Int) -> Int {
        var len = length
        if len > 5 && s[len - 1] == c("x") {
            if s[len - 3] == c("a") && s[len - 2] == c("u") && s[len - 4] != c("e") { s[len - 2] = c("l") }
            len -= 1
        }
        if len > 3 && s[len - 1] == c("x") { len -= 1 }
        if len > 3 && s[len - 1] == c("s") { len -= 1 }

        if len > 9 && ends(s, len, "issement") {
            len -= 6; s[len - 1] = c("r")
            return norm(&s, len)
        }
        if len > 8 && ends(s, len, "issant") {
            len -= 4; s[len - 1] = c("r")
            return norm(&s, len)
        }
        if len > 6 && ends(s, len, "ement") {
            len -= 4
            if len > 3 && ends(s, len, "ive") { len -= 1; s[len - 1] = c("f") }
            return norm(&s, len)
        }
        if len > 11 && ends(s, len, "ficatrice") {
            len -= 5; s[len - 2] = c("e"); s[len - 1] = c("r")
            return norm(&s, len)
        }
        if len > 10 && ends(s, len, "ficateur") {
            len -= 4; s[len - 2] = c("e"); s[len - 1] = c("r")
            return norm(&s, len)
        }
        if len > 9 && ends(s, len, "catrice") {
            len -= 3; s[len - 4] = c("q"); s[len - 3] = c("u"); s[len - 2] = c("e")
            return norm(&s, len)
        }
        if len > 8 && ends(s, len, "cateur") {
            len -= 2; s[len - 4] = c("q"); s[len - 3] = c("u"); s[len - 2] = c("e"); s[len - 1] = c("r")
            return norm(&s, len)
        }
        if len > 8 && ends(s, len, "atrice") {
            len -= 4; s[len - 2] = c("e"); s[len - 1] = c("r")
            return norm(&s, len)
        }
        if len > 7 && ends(s, len, "ateur") {
            len -= 3; s[len - 2] = c("e"); s[len - 1] = c("r")
            return norm(&s, len)
        }
        if len > 6 && ends(s, len, "trice") {
            len -= 1; s[len - 3] = c("e"); s[len - 2] = c("u"); s[len - 1] = c("r")
        }
        if len > 5 && (ends(s, len, "me") && s[len - 4] == c("i") && (s[len - 3] == 0xE8 || s[len - 3] == c("e"))) { return norm(&s, len - 4) }
        if len > 7 && ends(s, len, "teuse") {
            len -= 2; s[len - 1] = c("r")
            return norm(&s, len)
        }
        if len > 6 && ends(s, len, "teur") {
            len -= 1; s[len - 1] = c("r")
            return norm(&s, len)
        }
        if len > 5 && ends(s, len, "euse") { return norm(&s, len - 2) }
        if len > 8 && (ends(s, len, "re") && (s[len - 3] == 0xE8 || s[len - 3] == c("e"))) {
            len -= 1; s[len - 2] = c("e")
            return norm(&s, len)
        }
        if len > 7 && ends(s, len, "ive") {
            len -= 1; s[len - 1] = c("f")
            return norm(&s, len)
        }
        if len > 4 && (ends(s, len, "folle") || ends(s, len, "molle")) {
            len -= 2; s[len - 1] = c("u")
            return norm(&s, len)
        }
        if len > 9 && ends(s, len, "nnelle") { return norm(&s, len - 5) }
        if len > 9 && ends(s, len, "nnel") { return norm(&s, len - 3) }
        if len > 4 && (ends(s, len, "te") && (s[len - 3] == 0xE8 || s[len - 3] == c("e"))) {
            len -= 1; s[len - 2] = c("e")
        }
        if len > 8 && ends(s, len, "ique") { len -= 4 }
        if len > 8 && ends(s, len, "esse") { return norm(&s, len - 3) }
        if len > 7 && ends(s, len, "inage") { return norm(&s, len - 3) }
        if len > 9 && ends(s, len, "isation") {
            len -= 7
            if len > 5 && ends(s, len, "ual") { s[len - 2] = c("e") }
            return norm(&s, len)
        }
        if len > 9 && ends(s, len, "isateur") { return norm(&s, len - 7) }
        if len > 8 && ends(s, len, "ation") { return norm(&s, len - 5) }
        if len > 8 && ends(s, len, "ition") { return norm(&s, len - 5) }
        return norm(&s, len)
    }

    /// Lucene's `norm`: unaccent, squeeze doubled letters, drop a final -ie, then -r, -e, -e and a doubled last letter.
    static func norm(_ s: inout [UInt32], _ length: Int) -> Int {
        var len = length
        if len > 4 {
            for i in 0..<len where s[i] >= 0xC0 { if let plain = unaccented[s[i]] { s[i] = plain } }
            var ch = s[0]
            var i = 1
            while i < len {
                if s[i] == ch && isLetter(ch) {
                    s.remove(at: i); len -= 1
                } else {
                    ch = s[i]; i += 1
                }
            }
        }
        if len > 4 && ends(s, len, "ie") { len -= 2 }
        if len > 4 {
            if s[len - 1] == c("r") { len -= 1 }
            if s[len - 1] == c("e") { len -= 1 }
            if s[len - 1] == c("e") { len -= 1 }
            if s[len - 1] == s[len - 2] && isLetter(s[len - 1]) { len -= 1 }
        }
        return len
    }

    @inline(__always) private static func c(_ s: Unicode.Scalar) -> UInt32 { s.value }

    /// `suffix` is ASCII: compared byte for scalar.
    @inline(__always) private static func ends(_ s: [UInt32], _ len: Int, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard n <= len else { return false }
        let p = suffix.utf8Start
        for k in 0..<n where s[len - n + k] != UInt32(p[k]) { return false }
        return true
    }

    private static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        guard let u = Unicode.Scalar(v) else { return false }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    private static let unaccented: [UInt32: UInt32] = {
        var m: [UInt32: UInt32] = [:]
        for (from, to) in [("àáâ", "a"), ("ô", "o"), ("èéê", "e"), ("ùû", "u"), ("î", "i"), ("ç", "c")] {
            for u in from.unicodeScalars { m[u.value] = to.unicodeScalars.first!.value }
        }
        return m
    }()
}
