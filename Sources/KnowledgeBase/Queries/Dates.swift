/// Partial dates as kb stores them (`2025`, `2025-05`, `2025-05-12`), and the two columns that
/// make them usable by tools that want one date per cell (pandas, spreadsheets): the full ISO date
/// of the period's first day, and the precision that says how much of it was stated.
///
/// One column mixing `2025` and `2025-05-12` makes `pandas.to_datetime` fail; `2025-01-01` with
/// precision `year` parses and keeps the truth (the text said « en 2025 », not « le 1er janvier »).
package enum DateColumns {
    /// `2025` → `2025-01-01`, `2025-05` → `2025-05-01`, `2025-05-12` → itself; nil for anything else.
    package static func iso(_ partial: String?) -> String? {
        guard let p = partial, let precision = precision(p) else { return nil }
        switch precision {
        case "year": return p + "-01-01"
        case "month": return p + "-01"
        default: return p
        }
    }

    /// `year`, `month` or `day`, from the stored form; nil when it is not a partial ISO date.
    package static func precision(_ partial: String?) -> String? {
        guard let p = partial else { return nil }
        let parts = p.split(separator: "-", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 3, parts[0].count == 4,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
        return ["year", "month", "day"][parts.count - 1]
    }

    /// A period for people: `2025-11-16/2025-11-18` (ISO 8601's interval, the form trade periods are
    /// stored in), the start alone when the end is unknown or the same.
    package static func range(_ start: String?, _ end: String?) -> String {
        guard let start else { return end.map { "…/" + $0 } ?? "" }
        guard let end, end != start else { return start }
        return start + "/" + end
    }
}
