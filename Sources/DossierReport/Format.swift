import Foundation
import KnowledgeBase

/// Number, date and anchor formatting shared by the HTML and Markdown dossiers.
enum Format {
    /// 500000000 → « 500,000,000 », as `kb country` prints amounts.
    static func amount(_ d: Double) -> String {
        guard d.isFinite, abs(d) < 1e18, d == d.rounded() else { return String(d) }
        let digits = String(Int64(abs(d)))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (d < 0 ? "-" : "") + String(out.reversed())
    }

    /// A chart label: 1250000000 → « 1.25 bn », 94500000 → « 94.5 M ».
    static func compact(_ d: Double) -> String {
        func trim(_ x: Double) -> String {
            let s = String(format: "%.2f", x)
            return s.replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
        }
        switch abs(d) {
        case 1e9...: return trim(d / 1e9) + " bn"
        case 1e6...: return trim(d / 1e6) + " M"
        case 1e3...: return trim(d / 1e3) + " k"
        default: return trim(d)
        }
    }

    /// The raw number a chart mark carries in its data attribute (what `kb trade --format json` prints).
    static func raw(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }

    /// A partial date as a fractional year: « 2024 » → 2024.5 (the middle: the month is unknown),
    /// « 2024-07 » → 2024.54, « 2024-07-15 » → 2024.54.
    static func position(_ date: String?) -> Double? {
        guard let date else { return nil }
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard let year = parts.first, parts.count == date.split(separator: "-").count else { return nil }
        switch parts.count {
        case 1: return Double(year) + 0.5
        case 2: return Double(year) + (Double(parts[1]) - 0.5) / 12
        default: return Double(year) + (Double(parts[1]) - 1) / 12 + (Double(parts[2]) - 0.5) / 365
        }
    }

    /// « 2024-05-12 » to « 2024-05-14 » → « 2024-05-12 – 05-14 ».
    static func span(_ start: String?, _ end: String?) -> String {
        guard let start else { return "undated" }
        guard let end, end != start else { return start }
        let common = zip(start.split(separator: "-"), end.split(separator: "-")).prefix { $0 == $1 }.count
        let tail = end.split(separator: "-").dropFirst(common).joined(separator: "-")
        return "\(start) – \(tail.isEmpty ? end : tail)"
    }

    /// When a title was stated: « 2025-05 », or « 2025-05 to 2025-12-03 » (whole dates: two articles, not one stay).
    static func stated(_ first: String?, _ last: String?) -> String {
        guard let first else { return "undated" }
        guard let last, last != first else { return first }
        return "\(first) to \(last)"
    }

    /// An HTML id for an article's file name (letters, digits, `-` and `_` only).
    static func articleAnchor(_ source: String) -> String {
        "article-" + String(source.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
    }

    static func visitor(_ v: Visit) -> String {
        v.visitor ?? (v.visitorCountry.map { "a delegation of \($0)" } ?? "a delegation")
    }

    static func place(_ v: Visit) -> String {
        [v.city, v.hostCountryName ?? v.hostCountry].compactMap { $0 }.joined(separator: ", ")
    }

    static func pair(_ f: TradeFigure) -> String {
        [f.countryA, f.countryB, f.organisation].compactMap { $0 }.joined(separator: "–")
    }

    static func tradeLabel(_ p: TradePoint) -> String {
        (p.year.map(String.init) ?? "undated") + (p.period.map { " · \($0)" } ?? "")
    }
}

extension Dossier {
    /// Figures by scope, bilateral first; NULL scope (no pair named) with the bilateral ones, as `kb trade` counts them.
    var figuresByScope: [(scope: String, figures: [TradeFigure])] {
        let groups = Dictionary(grouping: tradeFigures) { $0.scope ?? "bilateral" }
        return ["bilateral", "regional", "bloc"].compactMap { s in groups[s].map { (s, $0) } }
    }

    var vietnamesePeople: [DossierPerson] { people.filter { $0.country == KnowledgeBase.vietnam } }
    var foreignPeople: [DossierPerson] { people.filter { $0.country != KnowledgeBase.vietnam } }

    /// First and last article dates.
    var coverage: String? {
        let dates = articles.compactMap(\.date).sorted()
        guard let first = dates.first, let last = dates.last else { return nil }
        return first == last ? first : "\(first) to \(last)"
    }
}
