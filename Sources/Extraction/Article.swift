import FrenchText

/// One news article as ingested: the raw text unchanged (provenance) and what cleaning derived.
///
/// All ranges are UTF-8 byte ranges into `raw`; `TextOffsets` turns them into character offsets.
public struct Article: Sendable {
    /// The file's base name, e.g. `003_ba95bcf8c95dc1d6.txt`.
    public var source: String
    public let raw: String
    /// Publication date from the ` date YYYY[-MM[-DD]]` line; nil when absent or impossible.
    public let date: PartialDate?
    /// Set when a date line was present but could not be read (e.g. `2025-13-45`).
    public let dateProblem: String?
    public let headline: String
    public let headlineRange: Range<Int>
    /// The article's own story, paragraph by paragraph, debris removed.
    public let paragraphs: [Range<Int>]
    /// What cleaning set apart: related links, photo credits, caption debris, the « Voir plus » block.
    public let setApart: [SetApart]

    public init(source: String, raw: String, date: PartialDate?, dateProblem: String?, headline: String,
                headlineRange: Range<Int>, paragraphs: [Range<Int>], setApart: [SetApart]) {
        self.source = source; self.raw = raw; self.date = date; self.dateProblem = dateProblem
        self.headline = headline; self.headlineRange = headlineRange
        self.paragraphs = paragraphs; self.setApart = setApart
    }

    /// The text of a byte range of `raw`.
    public func text(_ range: Range<Int>) -> String {
        let u = raw.utf8
        return String(decoding: u[u.index(u.startIndex, offsetBy: range.lowerBound)..<u.index(u.startIndex, offsetBy: range.upperBound)], as: UTF8.self)
    }

    /// The cleaned body: paragraphs separated by blank lines.
    public var body: String { paragraphs.map(text).joined(separator: "\n\n") }

    public var relatedLinks: [String] { setApart.filter { $0.kind == .related }.map(\.text) }
}

/// A piece of the raw text that is not the article's own story.
public struct SetApart: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case related        // `>> Other headline` or `[Other headline]`
        case credit         // `Photo : VNA/CVN`, trailing `VNA/CVN`, `-VNA`
        case captionDebris = "caption_debris"  // `Headline ảnh 1` before a photo caption
        case dateline       // `Minsk (VNA) -`
        case more           // the trailing « Voir plus » block of other headlines
    }
    public let kind: Kind
    public let text: String
    public let range: Range<Int>

    public init(kind: Kind, text: String, range: Range<Int>) {
        self.kind = kind; self.text = text; self.range = range
    }
}
