/// A date as precise as a text states it: `2025`, `2025-05` or `2025-05-12`.
package struct PartialDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    package enum Precision: String, Sendable, Codable { case year, month, day }

    package let year: Int
    package let month: Int?
    package let day: Int?

    /// Returns nil for impossible dates (month 13, 30 February, year 0).
    package init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month { guard (1...12).contains(month) else { return nil } }
        if let day {
            guard let month, (1...PartialDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil when malformed or impossible.
    package init?(iso: some StringProtocol) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]) else { return nil }
        self.init(year: y, month: parts.count > 1 ? Int(parts[1]) : nil, day: parts.count > 2 ? Int(parts[2]) : nil)
    }

    package var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    package var description: String {
        var s = String(format4(year))
        if let month { s += "-" + format2(month) }
        if let day { s += "-" + format2(day) }
        return s
    }

    /// Whether this date falls in `other`'s month or the month before it; the same year when either
    /// has no month. What a story dated `other` can report as recent.
    package func isInMonthOrOneBefore(_ other: PartialDate) -> Bool {
        guard let m = month, let om = other.month else { return year == other.year }
        return (0...1).contains(other.year * 12 + om - (year * 12 + m))
    }

    package static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    package init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = PartialDate(iso: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(s)"))
        }
        self = d
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

private func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
private func format4(_ n: Int) -> String { String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n) }
