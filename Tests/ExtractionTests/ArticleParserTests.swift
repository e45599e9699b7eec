import Foundation
import Testing
@testable import Extraction

@Suite struct ArticleParserTests {
    let parser = ArticleParser(agencies: ["VNA", "CVN", "AFP"])

    static func seed(_ prefix: String) throws -> (String, String) {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds/articles")
        let name = try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasPrefix(prefix) }!
        return (name, try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8))
    }

    func parse(_ prefix: String) throws -> Article {
        let (name, text) = try Self.seed(prefix)
        return ArticleParser(agencies: Reference.embedded.agencies).parse(text, source: name)
    }

    /// Headline and date as the hand-made gold files give them; the rest is counted, not quoted
    /// (the seeds are publishers' text).
    struct Expectation: Sendable {
        let prefix: String, related: Int, credits: Int, more: Bool
    }

    static func gold(_ prefix: String) throws -> [String: Any] {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/gold")
        let name = try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasPrefix(prefix) }!
        return try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(name))) as! [String: Any]
    }

    static let seeds: [Expectation] = [
        .init(prefix: "000", related: 3, credits: 3, more: false),
        .init(prefix: "001", related: 2, credits: 2, more: true),
        .init(prefix: "002", related: 3, credits: 2, more: false),
        .init(prefix: "003", related: 1, credits: 2, more: false),
        .init(prefix: "004", related: 0, credits: 5, more: false),
    ]

    @Test(arguments: seeds)
    func parsesSeed(_ e: Expectation) throws {
        let a = try parse(e.prefix)
        let gold = try Self.gold(e.prefix)
        #expect(a.date?.description == gold["date"] as? String)
        #expect(a.headline == gold["title"] as? String)
        #expect(!a.paragraphs.isEmpty)
        // Paragraphs are lines of the file (less a dateline, caption debris or a trailing agency credit).
        let lines = a.raw.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for p in a.paragraphs { #expect(lines.contains { $0.contains(a.text(p)) }) }
        #expect(a.setApart.filter { $0.kind == .related }.count == e.related)
        #expect(a.setApart.filter { $0.kind == .credit }.count == e.credits)
        #expect(a.setApart.contains { $0.kind == .more } == e.more)
        #expect(!a.body.contains("Photo"))
        #expect(!a.body.contains(">>"))
        #expect(!a.body.contains("VNA/CVN"))
    }

    @Test func seed001SetsApartCaptionDebrisDatelineAndVoirPlus() throws {
        let a = try parse("001")
        let debris = try #require(a.setApart.first { $0.kind == .captionDebris })
        #expect(debris.text.hasSuffix("ảnh 1"))
        #expect(!a.body.contains(debris.text))
        let dateline = try #require(a.setApart.first { $0.kind == .dateline })
        #expect(dateline.text.hasSuffix("(VNA) -"))
        #expect(!a.body.contains("-VNA"))
        #expect(a.relatedLinks.count == 2)
        for link in a.relatedLinks { #expect(a.raw.contains(link)) }
        let more = try #require(a.setApart.first { $0.kind == .more })
        #expect(!a.body.contains(more.text.prefix(40)))
    }

    @Test func rangesMapBackToRawText() throws {
        for prefix in ["000", "001", "002", "003", "004"] {
            let a = try parse(prefix)
            for p in a.paragraphs { #expect(!a.text(p).isEmpty) }
            for s in a.setApart { #expect(a.text(s.range).contains(s.text.prefix(5))) }
            let doc = Document(article: a)
            for s in doc.sentences { #expect(a.text(s.range) == s.text) }
        }
    }

    @Test(arguments: [
        (" date 2025 Titre", "2025", "Titre"),
        ("date 2025-05-12 Titre long", "2025-05-12", "Titre long"),
        (" date 2025-13-45 Titre", nil, "Titre"),
        ("Titre sans date", nil, "Titre sans date"),
        ("\n\n  Titre après des lignes vides", nil, "Titre après des lignes vides"),
    ] as [(String, String?, String)])
    func dateLines(_ text: String, _ date: String?, _ headline: String) {
        let a = parser.parse(text + "\n\nCorps.", source: "x.txt")
        #expect(a.date?.description == date)
        #expect(a.headline == headline)
        #expect(a.body == "Corps.")
    }

    @Test func impossibleDateIsReported() {
        let a = parser.parse(" date 2025-13-45 Titre\n\nCorps.", source: "x.txt")
        #expect(a.dateProblem != nil)
    }

    @Test func crlfLineEndings() {
        let a = parser.parse(" date 2025-05 Titre\r\n\r\n>> Lien\r\nPremier paragraphe.\r\nPhoto : VNA\r\nSecond.\r\n", source: "x.txt")
        #expect(a.headline == "Titre")
        #expect(a.body == "Premier paragraphe.\n\nSecond.")
        #expect(a.relatedLinks == ["Lien"])
    }

    @Test(arguments: ["Photo : VNA/CVN", "Photo: VNA", "VNA/CVN", "VNA", "Photo : AFP", "Ảnh: VNA", "Crédit photo : AFP", "Source : VNA"])
    func creditLines(_ line: String) {
        let a = parser.parse("Titre\n\nTexte.\n\(line)\nFin.", source: "x.txt")
        #expect(a.body == "Texte.\n\nFin.")
    }

    @Test func trailingCredits() {
        #expect(parser.parse("Titre\n\nIl est parti. -VNA", source: "x").body == "Il est parti.")
        #expect(parser.parse("Titre\n\nIl est parti. (VNA)", source: "x").body == "Il est parti.")
        #expect(parser.parse("Titre\n\nLe ministre à Minsk. Photo: VNA", source: "x").body == "Le ministre à Minsk.")
        // A paragraph that merely ends with a word is untouched.
        #expect(parser.parse("Titre\n\nLa coopération avec la VNA", source: "x").body == "La coopération avec la VNA")
    }
}
