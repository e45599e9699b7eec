import FrenchText

/// When facts told by different articles are one fact: the policy storage applies against what it
/// has stored (the extractor applies the same date rule within one article, `VisitExtractor`).
package enum FactMerging {
    /// The two countries an article is most about (by number of mentions), alphabetically: they
    /// stand in for the traders of a trade figure whose own sentence names none.
    package static func tradingPair(_ countries: [CountryFact], known: Set<String>) -> (String?, String?) {
        let top = countries.filter { known.contains($0.iso2) }.sorted { ($0.evidence.count, $1.iso2) > ($1.evidence.count, $0.iso2) }
            .prefix(2).map(\.iso2).sorted()
        return (top.first, top.count > 1 ? top[1] : nil)
    }

    /// Two partial dates (ISO, any precision) are compatible when one is a prefix of the other:
    /// « mai 2025 » and « 12 mai 2025 » can be the same visit; two undated ones too.
    package static func datesCompatible(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return prefixCompatible(a, b)
    }

    /// The same test on parsed dates (`2025-05` and `2025-05-12`).
    package static func datesCompatible(_ a: PartialDate, _ b: PartialDate) -> Bool {
        prefixCompatible(a.description, b.description)
    }

    private static func prefixCompatible(_ a: String, _ b: String) -> Bool { a.hasPrefix(b) || b.hasPrefix(a) }

    /// Of two compatible dates, the more precise one (the longer ISO form).
    package static func morePrecise(_ a: String?, _ b: String?) -> String? {
        guard let a else { return b }
        guard let b else { return a }
        return a.count >= b.count ? a : b
    }

    /// A person already stored takes the fuller name a later article gives (« Loukachenko » →
    /// « Alexandre Loukachenko »), counted in words.
    package static func prefersName(_ name: String, over current: String) -> Bool {
        name.split(separator: " ").count > current.split(separator: " ").count
    }

    /// A known nationality that differs means another person with the same name.
    package static func nationalitiesCompatible(stored: String?, new: String?) -> Bool {
        guard let new else { return true }
        return stored == nil || stored == new
    }

    /// A folded spelling of several words (or hyphenated) names one person; a single word (a
    /// surname) only when one stored person has it.
    package static func isFullName(folded: String) -> Bool { folded.contains(" ") || folded.contains("-") }
}
