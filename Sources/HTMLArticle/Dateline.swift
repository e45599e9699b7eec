import Foundation
import FrenchText

/// The date of a wire-style dateline at the start of a story, for pages without date metadata:
/// « HANOÏ, 12 mars 2025 (VNA) – … », « Minsk, le mardi 3 juin (VNA) - … », « Paris, 1er mai 2025 : … ».
/// The place comes first (capitalised words, no digits), then a comma, the day and the month in
/// French (a weekday and « le » allowed), an optional year, and the dateline ends with an agency in
/// parentheses, a dash or a colon. A dateline without a year takes the year that puts the date at
/// most two days after `reference` (when the page was saved: news is read soon after it is written);
/// with no reference it gives no date.
public enum Dateline {
    public struct Found: Sendable, Equatable {
        /// `YYYY-MM-DD`.
        public var date: String
        /// The year came from the reference date, not from the dateline.
        public var yearInferred: Bool
    }

    public static func date(in paragraph: String, reference: Date?) -> Found? {
        let head = paragraph.prefix(100)
        // Where the dateline ends: an agency in parentheses, a dash or a colon.
        let marks = [head.firstIndex { $0 == "(" || $0 == "–" || $0 == "—" || $0 == ":" }, head.range(of: " - ")?.lowerBound]
        guard let end = marks.compactMap({ $0 }).min() else { return nil }
        let lead = head[..<end]
        guard let comma = lead.firstIndex(of: ",") else { return nil }
        let place = lead[..<comma].trimmingCharacters(in: .whitespaces)
        let placeWords = place.split(separator: " ")
        guard !placeWords.isEmpty, placeWords.count <= 4, place.first?.isUppercase == true,
              !place.contains(where: { $0.isNumber }) else { return nil }
        var words = lead[lead.index(after: comma)...].split(separator: " ").map { Folding.fold($0) }
        if words.first == "le" { words.removeFirst() }
        if let w = words.first, FrenchDate.weekdays.contains(w) { words.removeFirst() }
        guard words.count == 2 || words.count == 3 else { return nil }
        let dayWord = words[0] == "1er" ? "1" : words[0]
        guard let day = Int(dayWord), (1...31).contains(day), let month = FrenchDate.month(words[1]), !words[1].contains("-") else { return nil }
        var year: Int
        var inferred = false
        if words.count == 3 {
            guard words[2].count == 4, let y = Int(words[2]), (1900...2200).contains(y) else { return nil }
            year = y
        } else {
            guard let reference else { return nil }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            year = calendar.component(.year, from: reference)
            let latest = reference.addingTimeInterval(2 * 86400)
            if let candidate = calendar.date(from: DateComponents(year: year, month: month, day: day)), candidate > latest { year -= 1 }
            inferred = true
        }
        guard valid(year, month, day) else { return nil }
        return Found(date: String(format: "%04d-%02d-%02d", year, month, day), yearInferred: inferred)
    }

    static func valid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }
}
