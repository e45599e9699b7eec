import FrenchText

/// One news article as ingested: the raw text unchanged (provenance) and what cleaning derived.
///
/// All ranges are UTF-8 byte ranges into `raw`; `TextOffsets` turns them into character offsets.
package struct Article: Sendable {
    /// The file's base name, e.g. `003_ba95bcf8c95dc1d6.txt`.
    package var source: String
    package let raw: String
    /// Publication date from the ` date YYYY[-MM[-DD]]` line; nil when absent or impossible.
    package let date: PartialDate?
    /// Set when a date line was present but could not be read (e.g. `2025-13-45`).
    package let dateProblem: String?
    package let headline: String
    package let headlineRange: Range<Int>
    /// The article's own story, paragraph by paragraph, debris removed.
    package let paragraphs: [Range<Int>]
    /// What cleaning set apart: related links, photo credits, caption debris, the « Voir plus » block.
    package let setApart: [SetApart]

    package init(source: String, raw: String, date: PartialDate?, dateProblem: String?, headline: String,
                headlineRange: Range<Int>, paragraphs: [Range<Int>], setApart: [SetApart]) {
        self.source = source; self.raw = raw; self.date = date; self.dateProblem = dateProblem
        self.headline = headline; self.headlineRange = headlineRange
        self.paragraphs = paragraphs; self.setApart = setApart
    }

    /// The text of a byte range of `raw`.
    package func text(_ range: Range<Int>) -> String {
        let u = raw.utf8
        return String(decoding: u[u.index(u.startIndex, offsetBy: range.lowerBound)..<u.index(u.startIndex, offsetBy: range.upperBound)], as: UTF8.self)
    }

    /// The cleaned body: paragraphs separated by blank lines.
    package var body: String { paragraphs.map(text).joined(separator: "\n\n") }

    package var relatedLinks: [String] { setApart.filter { $0.kind == .related }.map(\.text) }
}

/// A piece of the raw text that is not the article's own story.
package struct SetApart: Sendable, Hashable {
    package enum Kind: String, Sendable, CaseIterable {
        case related        // `>> Other headline` or `[Other headline]`
        case credit         // `Photo : VNA/CVN`, trailing `VNA/CVN`, `-VNA`
        case captionDebris = "caption_debris"  // `Headline ảnh 1` before a photo caption
        case dateline       // `Minsk (VNA) -`
        case more           // the trailing « Voir plus » block of other headlines
    }
    package let kind: Kind
    package let text: String
    package let range: Range<Int>

    package init(kind: Kind, text: String, range: Range<Int>) {
        self.kind = kind; self.text = text; self.range = range
    }
}
