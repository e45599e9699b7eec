/// Reporting periods of economic news, as date mentions of kind `.period` with month precision:
/// « les neuf premiers mois de 2025 » (2025-01 → 2025-09), « au premier semestre » (the article's
/// year), « au troisième trimestre 2024 », « de janvier à août 2023 », « entre février et juin ».
///
/// Kept apart from `mentions(in:)`, which visits and agreements read, so that a period of figures
/// never becomes a visit's dates; both live here so that one parser reads every French date.
extension FrenchDate {
    package static func periods(in t: [Token], anchor: PartialDate?) -> [DateMention] {
        var out: [DateMention] = []
        var i = 0
        while i < t.count {
            if let m = period(t, i, anchor: anchor) { out.append(m); i = m.tokens.upperBound } else { i += 1 }
        }
        return out
    }

    static let ordinals: [String: Int] = ["premier": 1, "1er": 1, "second": 2, "deuxieme": 2, "2e": 2, "2eme": 2,
                                          "troisieme": 3, "3e": 3, "3eme": 3, "quatrieme": 4, "4e": 4, "4eme": 4, "dernier": 4]

    /// The year written after a period (« … de 2025 », « … de l'année 2025 », « … 2025 »; « … de cette année »,
    /// the article's), and where it ends.
    static func trailingYear(_ t: [Token], _ k: Int, anchor: PartialDate? = nil) -> (year: Int, next: Int)? {
        var j = k
        if j < t.count, ["de", "du"].contains(t[j].folded) { j += 1 }
        if j > k, j + 1 < t.count, t[j].folded == "cette", t[j + 1].folded == "annee", let a = anchor { return (a.year, j + 2) }
        if j + 1 < t.count, t[j].folded == "l'", t[j + 1].folded == "annee" { j += 2 }
        if j < t.count, let y = year(t[j]) { return (y, j + 1) }
        return nil
    }

    static func period(_ t: [Token], _ i: Int, anchor: PartialDate?) -> DateMention? {
        let f = t[i].folded
        func make(_ m1: Int, _ m2: Int, _ end: Int, explicit: (year: Int, next: Int)?, monthsBack: Int) -> DateMention? {
            // No year: this year's, unless the period is still more than a month from its end at the article
            // date (« les neuf premiers mois » in May are last year's; « le premier semestre » in May, this year's).
            var y = explicit?.year ?? anchor?.year
            if explicit == nil, let a = anchor, let am = a.month, am < monthsBack - 1 { y = a.year - 1 }
            guard let year = y else { return DateMention(tokens: i..<(explicit?.next ?? end), start: nil, kind: .period) }
            return DateMention(tokens: i..<(explicit?.next ?? end), start: PartialDate(year: year, month: m1),
                               end: PartialDate(year: year, month: m2), kind: .period)
        }
        // « les neuf premiers mois (de 2025) »
        if i + 2 < t.count, t[i + 1].folded == "premiers", t[i + 2].folded == "mois",
           let n = word(f) ?? (t[i].isNumber ? Int(t[i].text) : nil), (1...12).contains(n) {
            return make(1, n, i + 3, explicit: trailingYear(t, i + 3, anchor: anchor), monthsBack: n)
        }
        // « premier semestre (2025) », « troisième trimestre »
        if let n = ordinals[f], i + 1 < t.count {
            let unit = t[i + 1].folded
            if unit == "semestre", n <= 2 {
                return make(n == 1 ? 1 : 7, n == 1 ? 6 : 12, i + 2, explicit: trailingYear(t, i + 2, anchor: anchor), monthsBack: n == 1 ? 6 : 12)
            }
            if unit == "trimestre" {
                return make(3 * n - 2, 3 * n, i + 2, explicit: trailingYear(t, i + 2, anchor: anchor), monthsBack: 3 * n)
            }
        }
        // « depuis le début de l'année »: the article's year so far.
        if f == "debut", i + 3 < t.count, t[i + 1].folded == "de", t[i + 2].folded == "l'", t[i + 3].folded == "annee",
           let a = anchor {
            return DateMention(tokens: i..<(i + 4), start: PartialDate(year: a.year, month: 1),
                               end: a.month.flatMap { PartialDate(year: a.year, month: $0) }, kind: a.month == nil ? .point : .period)
        }
        // « de janvier à septembre (2025) », « entre février et juin 2019 »
        if (f == "de" || f == "entre"), i + 3 < t.count, let m1 = month(t[i + 1].folded),
           ["a", "et"].contains(t[i + 2].folded), let m2 = month(t[i + 3].folded), m1 < m2 {
            return make(m1, m2, i + 4, explicit: trailingYear(t, i + 4, anchor: anchor), monthsBack: m2)
        }
        return nil
    }

    /// Small numbers written as words, as periods count months.
    static func word(_ f: String) -> Int? {
        ["un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
         "onze": 11, "douze": 12][f]
    }
}

extension Tokenizer {
    /// Words a missing space glued to a number (« atteignant33,4 », « 186millions », « millionsd'importations »),
    /// split back apart so the amount can be read. Ordinals and codes (« 21e », « 1er », « G20 », « A320 ») stay whole.
    package static func separatingGluedNumbers(_ tokens: [Token]) -> [Token] {
        // Read in place (no copy of each token out of the array): most sentences have no glued number.
        guard tokens.withUnsafeBufferPointer({ p in p.indices.contains { isGlued(p[$0]) } }) else { return tokens }
        var out: [Token] = []
        for t in tokens {
            guard isGlued(t) else { out.append(t); continue }
            let b = Array(t.text.utf8)
            let cut = glueCut(b)
            let base = t.range.lowerBound
            out.append(piece(b, 0..<cut, base: base))
            // « d'importations »: the elided article is its own token, as the tokenizer makes it.
            var rest = cut
            if b.count > cut + 2, b[cut] == UInt8(ascii: "d") {
                let apostrophe = b[cut + 1] == UInt8(ascii: "'") ? 1 : (b[(cut + 1)...].starts(with: Array("\u{2019}".utf8)) ? 3 : 0)
                if apostrophe > 0, b.count > cut + 1 + apostrophe {
                    out.append(piece(b, cut..<(cut + 1 + apostrophe), base: base))
                    rest = cut + 1 + apostrophe
                }
            }
            out.append(piece(b, rest..<b.count, base: base))
        }
        // « 3millionsd'habitants » takes two cuts; every piece is shorter, so this ends.
        return separatingGluedNumbers(out)
    }

    static let scaleWords = ["milliards", "milliard", "millions", "million"]

    static func glueCut(_ b: [UInt8]) -> Int {
        if isDigit(b[0]) { return b.firstIndex { !isDigit($0) && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: ".") } ?? b.count }
        if let scale = scaleWords.first(where: { b.starts(with: Array($0.utf8)) && b.count > $0.utf8.count }) { return scale.utf8.count }
        return b.firstIndex(where: isDigit) ?? b.count
    }

    /// Inlined: asked of every word of every sentence, its first test reads the token in place (a call
    /// took a copy of the token).
    @inline(__always)
    static func isGlued(_ t: Token) -> Bool {
        // Every glued form starts with a digit or « milli », or ends with a digit: most words are
        // rejected here without reading their bytes.
        guard !t.isPunctuation, !t.isNumber, isDigit(t.firstByte) || isDigit(t.lastByte) || t.firstByte == UInt8(ascii: "m") else { return false }
        return isGlued(t.text)
    }

    private static func isGlued(_ text: String) -> Bool {
        guard text.utf8.count >= 4, isDigit(text.utf8.first!) || isDigit(text.utf8.last!) || text.hasPrefix("milli") else { return false }
        let b = Array(text.utf8)
        if isDigit(b[0]) {
            // « 186millions »: digits then a scale word.
            let cut = glueCut(b)
            let rest = String(decoding: b[cut...], as: UTF8.self)
            return scaleWords.contains { rest.hasPrefix($0) }
        }
        // « millionsd'importations »: a scale word with the next word stuck to it.
        if scaleWords.contains(where: { b.starts(with: Array($0.utf8)) && b.count > $0.utf8.count + 1 }) {
            let n = scaleWords.first { b.starts(with: Array($0.utf8)) }!.utf8.count
            return b[n] == UInt8(ascii: "d")
        }
        // « atteignant33,4 »: at least three lower-case letters, then only digits and separators.
        guard let firstDigit = b.firstIndex(where: isDigit), firstDigit >= 3,
              b[..<firstDigit].allSatisfy({ $0 >= 0x61 && $0 <= 0x7A || $0 >= 0x80 }),
              b[firstDigit...].allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }) else { return false }
        return true
    }

    static func piece(_ b: [UInt8], _ r: Range<Int>, base: Int) -> Token {
        let text = String(decoding: b[r], as: UTF8.self)
        let digits = b[r].allSatisfy { isDigit($0) || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }
        return Token(range: (base + r.lowerBound)..<(base + r.upperBound), text: text, folded: Folding.fold(text),
                     isCapitalized: false, isAcronym: false, isNumber: digits, isPunctuation: false)
    }
}
