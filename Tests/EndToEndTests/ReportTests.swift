import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import KnowledgeBaseTests
@testable import KnowledgeBase
@testable import DossierReport

/// `kb report`: the dossier's charts carry the same data as the listings (`kb trade`, `kb visits`,
/// `kb agreements` in JSON), the page is self-contained, Markdown has the same facts, and the
/// country card's domains count only the country's own agreements.
@Suite struct ReportTests {
    static let database = QueryFixtures.seeded.path
    var kb: KnowledgeBase { QueryFixtures.seeded.kb }

    func run(_ arguments: [String]) throws -> TestSupport.Run {
        try TestSupport.kb(arguments + ["--db", Self.database])
    }

    func json(_ arguments: [String]) throws -> [[String: Any]] {
        let r = try run(arguments + ["--format", "json"])
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []
    }

    /// Every element of the page with a `data-fact` attribute: its name and attributes. Parsing as
    /// XML also checks that the page is well-formed (Plot writes void elements as `<meta/>`).
    final class Marks: NSObject, XMLParserDelegate {
        var marks: [(name: String, attributes: [String: String])] = []
        var elements: [String] = []
        var urls: [String] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(name)
            if attributes["data-fact"] != nil { marks.append((name, attributes)) }
            for key in ["href", "src"] { if let v = attributes[key] { urls.append(v) } }
        }
    }

    func parse(_ html: String) throws -> Marks {
        let parser = XMLParser(data: Data(html.utf8))
        let marks = Marks()
        parser.delegate = marks
        #expect(parser.parse(), "the dossier is well-formed: \(parser.parserError.map(String.init(describing:)) ?? "")")
        return marks
    }

    static func number(_ v: Any?) -> Double? { (v as? NSNumber)?.doubleValue ?? (v as? String).flatMap(Double.init) }

    @Test func chartsEqualTheListings() throws {
        let report = try run(["report", "BY"])
        #expect(report.status == 0, "\(report.stderr)")
        let page = try parse(report.stdout)

        // Trade bars: one per (year, period, currency, kind) of `kb trade --country BY` with a year and that amount.
        struct Bar: Hashable { var year: String; var period: String; var currency: String; var kind: String; var amount: Double }
        var expected = Set<Bar>()
        for p in try json(["trade", "--country", "BY"]) {
            guard let year = p["year"] as? Int else { continue }
            for kind in ["actual", "target"] {
                if let amount = Self.number(p[kind]) {
                    expected.insert(Bar(year: String(year), period: p["period"] as? String ?? "", currency: p["currency"] as? String ?? "", kind: kind, amount: amount))
                }
            }
        }
        let bars = page.marks.filter { $0.attributes["data-fact"] == "trade" }.map {
            Bar(year: $0.attributes["data-year"] ?? "", period: $0.attributes["data-period"] ?? "", currency: $0.attributes["data-currency"] ?? "",
                kind: $0.attributes["data-kind"] ?? "", amount: Double($0.attributes["data-amount"] ?? "") ?? .nan)
        }
        #expect(!expected.isEmpty, "the fixture has Belarus trade figures")
        #expect(bars.count == expected.count && Set(bars) == expected)

        // Visit marks: the dated visits of `kb visits` each way, with their ids and start dates.
        for (direction, host, visitor) in [("to-vn", "VN", "BY"), ("from-vn", "BY", "VN")] {
            let listed = try json(["visits", "--host", host, "--visitor-country", visitor])
            let dated = Dictionary(uniqueKeysWithValues: listed.compactMap { v -> (String, String)? in
                guard let id = v["id"] as? Int, let start = v["start"] as? String else { return nil }
                return (String(id), start)
            })
            let drawn = page.marks.filter { $0.attributes["data-fact"] == "visit" && $0.attributes["data-direction"] == direction }
            #expect(Dictionary(uniqueKeysWithValues: drawn.map { ($0.attributes["data-id"] ?? "", $0.attributes["data-date"] ?? "") }) == dated,
                    "\(direction) visits drawn as listed")
            #expect(drawn.allSatisfy { $0.name == "circle" })
        }
        #expect(page.marks.contains { $0.attributes["data-fact"] == "visit" }, "the fixture has visits between Vietnam and Belarus")

        // Agreement marks: the dated agreements of `kb agreements --party BY`.
        let agreements = try json(["agreements", "--party", "BY"]).compactMap { a -> String? in
            a["signed"] is String ? (a["id"] as? Int).map(String.init) : nil
        }
        #expect(page.marks.filter { $0.attributes["data-fact"] == "agreement" }.compactMap { $0.attributes["data-id"] }.sorted() == agreements.sorted())

        // Every fact drawn links to its row, and every row's article link has a target on the page.
        let ids = Set(report.stdout.matches(of: /id="([^"]+)"/).map { String($0.1) })
        for href in page.urls where href.hasPrefix("#") { #expect(ids.contains(String(href.dropFirst())), "\(href) has a target") }
    }

    @Test func pageIsSelfContained() throws {
        let html = try run(["report", "Biélorussie"]).stdout
        let page = try parse(html)
        #expect(!page.elements.contains("script") && !page.elements.contains("link") && !page.elements.contains("img"))
        #expect(page.urls.allSatisfy { $0.hasPrefix("#") }, "no link leaves the page: \(page.urls.filter { !$0.hasPrefix("#") })")
        #expect(page.elements.filter { $0 == "svg" }.count >= 3, "timeline, trade and domains charts")
        #expect(html.contains("<style>"))
    }

    @Test func dossierIsBuiltFromTheListingCalls() throws {
        let d = try kb.dossier("BY")
        #expect(d.trade == (try kb.trade(country: "BY")))
        #expect(d.visitsToVietnam == (try kb.visits(VisitFilter(host: "VN", visitorCountry: "BY"))))
        #expect(d.visitsFromVietnam == (try kb.visits(VisitFilter(host: "BY", visitorCountry: "VN"))))
        #expect(d.agreements == (try kb.agreements(AgreementFilter(party: "BY"))))
        #expect(d.tradeFigures.allSatisfy { $0.evidence != nil && $0.source != nil })
        let cited = Set(d.visitsFromVietnam.compactMap(\.source) + d.agreements.compactMap(\.source))
        #expect(cited.isSubset(of: Set(d.articles.map(\.source))), "every cited article is listed")
        #expect(d.people.contains { $0.country == "BY" } && d.people.contains { $0.country == "VN" }, "who's who on both sides")

        let later = try kb.dossier("BY", since: "2025")
        #expect(later.visitsFromVietnam == (try kb.visits(VisitFilter(host: "BY", visitorCountry: "VN", since: "2025"))))
        #expect(later.trade.allSatisfy { ($0.year ?? 0) >= 2025 })
        #expect(later.agreements.allSatisfy { ($0.signed ?? "") >= "2025" })
    }

    @Test func markdownHasTheSameFacts() throws {
        let r = try run(["report", "BY", "--format", "md"])
        #expect(r.status == 0)
        let d = try kb.dossier("BY")
        for heading in ["## Overview", "## Timeline", "## Trade", "## Who's who", "## Cooperation domains", "## Facts and their evidence"] {
            #expect(r.stdout.contains(heading))
        }
        for v in d.visitsFromVietnam + d.visitsToVietnam { #expect(r.stdout.contains(v.source ?? "?")) }
        for a in d.agreements { #expect(r.stdout.contains(DossierMarkdown.escape(a.title))) }
    }

    @Test func writesAFileAndReportsErrors() throws {
        let dir = try TestSupport.temporaryDirectory()
        let file = dir.appendingPathComponent("by.html").path
        let ok = try run(["report", "BY", "-o", file])
        #expect(ok.status == 0 && ok.stdout.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))

        let unknown = try run(["report", "Atlantide"])
        #expect(unknown.status == 1 && unknown.stderr.contains("no country matches"))
        let badDate = try run(["report", "BY", "--since", "last year"])
        #expect(badDate.status == 2 && badDate.stderr.contains("is not a date"))
        let vietnam = try run(["report", "VN"])
        #expect(vietnam.status == 2 && vietnam.stderr.contains("another country"))
        let unwritable = try run(["report", "BY", "-o", dir.appendingPathComponent("no/such/dir/by.html").path])
        #expect(unwritable.status == 2 && unwritable.stderr.contains("cannot write"))
    }

    /// `kb country`'s top domains counted every agreement of the database: now only the country's.
    @Test func countryCardCountsItsOwnAgreements() throws {
        for iso in ["BY", "VN"] {
            let card = try kb.country(iso)
            for d in card.topDomains {
                #expect(d.agreements == (try kb.agreements(AgreementFilter(domain: d.slug, party: iso))).count, "\(iso) \(d.slug)")
            }
        }
    }
}
