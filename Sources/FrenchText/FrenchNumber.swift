/// Numbers as French news writes them: « 94,5 », « 3 000 » (space, no-break or thin space between
/// groups), « 3.000 », « 1.234.567 », spelled-out small numbers (« deux »), and a scale word
/// (« mille », « millions », « milliard », « Mds »). `Double("94,5")` is nil, hence this type.
package enum FrenchNumber {
    /// A number read from tokens: its value with the scale applied and the tokens it covers.
    package struct Reading: Sendable, Equatable {
        package let value: Double
        package let tokens: Range<Int>
        /// A scale word was read (« millions »).
        package let scaled: Bool
    }

    /// One numeric token: « 94,5 » → 94.5, « 3.000 » → 3000, « 1.234.567 » → 1234567,
    /// « 2,5 » → 2.5, « 1.5 » → 1.5. A dot before exactly three digits groups thousands;
    /// the comma is the decimal separator. Nil when the text is not a number.
    package static func parse(_ text: some StringProtocol) -> Double? {
        let b = Array(text.utf8)
        guard let first = b.first, isDigit(first) else { return nil }
        var intPart: [UInt8] = []
        var frac: [UInt8] = []
        var inFraction = false
        var i = 0
        while i < b.count {
            let c = b[i]
            if isDigit(c) {
                if inFraction { frac.append(c) } else { intPart.append(c) }
            } else if c == UInt8(ascii: ".") && !inFraction {
                var n = 0
                while i + 1 + n < b.count && isDigit(b[i + 1 + n]) { n += 1 }
                // « 3.000 » groups thousands; « 1.5 » is a decimal point (English style).
                if n == 3 && (i + 4 == b.count || b[i + 4] == UInt8(ascii: ".") || b[i + 4] == UInt8(ascii: ",")) {
                    // thousands separator: skip it
                } else if n > 0 {
                    inFraction = true
                } else {
                    return nil
                }
            } else if c == UInt8(ascii: ",") && !inFraction {
                inFraction = true
            } else {
                return nil
            }
            i += 1
        }
        guard !intPart.isEmpty else { return nil }
        let s = String(decoding: intPart, as: UTF8.self) + (frac.isEmpty ? "" : "." + String(decoding: frac, as: UTF8.self))
        return Double(s)
    }

    /// The multiplier a scale word stands for (« millions » → 1e6), folded input.
    package static func scale(_ folded: String) -> Double? {
        switch folded {
        case "mille", "milliers", "millier", "k": return 1e3
        case "million", "millions", "m", "mln", "mio": return 1e6
        case "milliard", "milliards", "md", "mds", "mrd", "mrds", "mdt": return 1e9
        case "billion", "billions": return 1e12  // French: 10^12
        default: return nil
        }
    }

    /// Small numbers written as words (« deux millions »), folded input.
    package static func word(_ folded: String) -> Double? {
        // Asked of most words: one that starts with a letter no number word starts with is none, without
        // comparing it to every case below.
        guard let c = folded.utf8.first, numberInitials[Int(c)] else { return nil }
        switch folded {
        case "un", "une": return 1
        case "deux": return 2
        case "trois": return 3
        case "quatre": return 4
        case "cinq": return 5
        case "six": return 6
        case "sept": return 7
        case "huit": return 8
        case "neuf": return 9
        case "dix": return 10
        case "onze": return 11
        case "douze": return 12
        case "quinze": return 15
        case "vingt": return 20
        case "trente": return 30
        case "quarante": return 40
        case "cinquante": return 50
        case "soixante": return 60
        case "cent": return 100
        case "deux-cents", "deux cents": return 200
        default: return nil
        }
    }

    /// Reads a number starting at token `i`: « 94,5 millions », « 3 000 », « 3.000 »,
    /// « deux milliards », « 1,2 milliard ». A spelled-out number counts only with a scale word
    /// (« deux pays » is not an amount). Nil when no number starts there.
    private static let numberInitials: [Bool] = (0..<256).map { "udtqcshnov".utf8.contains(UInt8($0)) }

    package static func read(_ tokens: [Token], at i: Int) -> Reading? {
        guard i < tokens.count else { return nil }
        var value: Double
        var j = i + 1
        var spelled = false
        if tokens[i].isNumber, let v = parse(tokens[i].text) {
            value = v
            // Thousands groups separated by (no-break, thin) spaces: « 3 000 000 ».
            if isGroupable(tokens[i].text) {
                while j < tokens.count, tokens[j].isNumber, isThreeDigitGroup(tokens[j].text),
                      tokens[j].range.lowerBound - tokens[j - 1].range.upperBound <= 3,
                      let whole = parse(tokens[i..<(j + 1)].map(\.text).joined()) {
                    value = whole
                    j += 1
                }
            }
        } else if let v = word(tokens[i].folded) {
            value = v
            spelled = true
        } else {
            return nil
        }
        // « -5 milliards », « −3 % »: a minus sign written against the number, after a space (not the
        // dash of a range « 2020-2025 » or of a compound).
        if !spelled, i > 0, ["-", "\u{2212}"].contains(tokens[i - 1].text),
           tokens[i - 1].range.upperBound == tokens[i].range.lowerBound,
           i == 1 || tokens[i - 2].range.upperBound < tokens[i - 1].range.lowerBound {
            value = -value
        }
        var scaled = false
        if j < tokens.count, let s = scale(tokens[j].folded) {
            // « 3 M » would be too loose lower case; single-letter scales must be capitals.
            if tokens[j].folded.count > 1 || tokens[j].text == "M" || tokens[j].text == "K" {
                value *= s; j += 1; scaled = true
            }
        }
        if spelled && !scaled { return nil }
        // No amount in any currency reaches a billion billions: such digits are a typo or a code.
        guard abs(value) <= Self.largestAmount else { return nil }
        return Reading(value: value, tokens: i..<j, scaled: scaled)
    }

    /// 10¹⁸: above every real figure, even in dong or won.
    package static let largestAmount = 1e18

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// A leading group of one to three digits, no separators: the « 3 » of « 3 000 ».
    static func isGroupable(_ t: String) -> Bool { (1...3).contains(t.utf8.count) && t.utf8.allSatisfy(isDigit) }

    /// « 000 » or « 000,5 » (the last group may carry decimals).
    static func isThreeDigitGroup(_ t: String) -> Bool {
        let b = Array(t.utf8)
        guard b.count >= 3, b[0..<3].allSatisfy(isDigit) else { return false }
        if b.count == 3 { return true }
        return b[3] == UInt8(ascii: ",") && b.count > 4 && b[4...].allSatisfy(isDigit)
    }
}
