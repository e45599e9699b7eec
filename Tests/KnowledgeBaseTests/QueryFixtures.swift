import Foundation
import GRDB
import Testing
import Extraction
import FrenchText
@testable import KnowledgeBase

/// The five seeds ingested, each article's facts replaced by the gold facts (Tests/Fixtures/gold),
/// so the query tests see realistic facts whatever the extractors find today.
enum QueryFixtures {
    /// Built once and only read by the query tests (kb sql tests check it stays byte-for-byte unchanged).
    static let seeded: (kb: KnowledgeBase, path: String) = {
        do {
            let dir = try TestSupport.temporaryDirectory()
            let path = dir.appendingPathComponent("kb.sqlite").path
            let kb = try KnowledgeBase(path: path, mode: .create)
            _ = try kb.ingest(paths: [TestSupport.seedsDirectory])
            try replaceFactsWithGold(kb)
            // Checkpoint and leave WAL mode, so the file alone holds everything and readers create no -wal.
            try kb.dbQueue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
            return (try KnowledgeBase(path: path, mode: .readOnly), path)
        } catch {
            fatalError("cannot build the query fixture: \(error)")
        }
    }()

    /// A copy of `seeded` in a directory of its own, for a suite whose commands may leave files
    /// beside it or that checks the file byte for byte after its own commands only.
    static func privateCopy() -> String {
        let dir = try! TestSupport.temporaryDirectory()
        let path = dir.appendingPathComponent("kb.sqlite").path
        try! FileManager.default.copyItem(atPath: seeded.path, toPath: path)
        return path
    }

    static func replaceFactsWithGold(_ kb: KnowledgeBase) throws {
        let gold = TestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/gold")
        let extractor = FactExtractor()
        try kb.dbQueue.write { db in
            for file in try FileManager.default.contentsOfDirectory(atPath: gold.path).sorted() where file.hasSuffix(".json") {
                let json = try JSONSerialization.jsonObject(with: Data(contentsOf: gold.appendingPathComponent(file))) as! [String: Any]
                let source = json["source"] as! String
                let raw = try String(contentsOfFile: TestSupport.seedsDirectory + "/" + source, encoding: .utf8)
                let (article, _) = extractor.process(raw: raw, source: source)
                let id = try Int64.fetchOne(db, sql: "SELECT id FROM articles WHERE source = ?", arguments: [source])!
                try FactStore.replace(db, articleID: id, article: article, facts: facts(json, Document(article: article)),
                                      offsets: TextOffsets(article.raw), extractorVersion: "gold", reference: kb.referenceIndex)
            }
        }
    }

    /// The gold facts of one article, each with the first sentence mentioning it (else the headline).
    static func facts(_ gold: [String: Any], _ doc: Document) -> ArticleFacts {
        func evidence(_ needles: [String?]) -> Evidence {
            for needle in needles.compactMap({ $0 }) where !needle.isEmpty {
                let n = Folding.fold(needle)
                if let s = doc.sentences.first(where: { Folding.fold($0.text).contains(n) }) { return s.evidence }
            }
            return doc.sentences[0].evidence
        }
        func lastWord(_ s: String?) -> String? { s?.split(separator: " ").last.map(String.init) }
        var f = ArticleFacts()
        let countries = (gold["countries"] as! [String: Any])["required"] as! [String]
        f.countries = countries.map { CountryFact(iso2: $0, evidence: [evidence([])]) }
        for p in gold["people"] as! [[String: Any]] {
            let name = p["name"] as! String
            f.people.append(PersonFact(name: name, country: p["country"] as? String,
                                       roles: (p["roles"] as? [String] ?? []).map { RoleFact(title: $0) },
                                       evidence: [evidence([name, lastWord(name)] + (p["match"] as? [String] ?? []))]))
        }
        for v in gold["visits"] as! [[String: Any]] {
            let visitor = v["visitor"] as? String
            f.visits.append(VisitFact(visitor: visitor, visitorCountry: v["visitor_country"] as? String,
                                      hostCountry: v["host_country"] as! String, city: v["city"] as? String,
                                      start: (v["start"] as? String).flatMap { PartialDate(iso: $0) },
                                      end: (v["end"] as? String).flatMap { PartialDate(iso: $0) },
                                      kind: (v["kind"] as? String).flatMap(VisitKind.init(rawValue:)),
                                      evidence: evidence([lastWord(visitor)] + (v["visitor_match"] as? [String] ?? []) + [v["city"] as? String])))
        }
        for a in gold["agreements"] as! [[String: Any]] {
            f.agreements.append(AgreementFact(kind: AgreementKind(rawValue: a["kind"] as! String) ?? .other, title: a["title"] as! String,
                                              parties: a["parties"] as? [String] ?? [], signed: (a["signed"] as? String).flatMap { PartialDate(iso: $0) },
                                              domains: a["domains"] as? [String] ?? [], evidence: evidence(a["keywords"] as? [String] ?? [])))
        }
        let domains = (gold["domains"] as! [String: Any])["required"] as! [String]
        f.domains = domains.map { DomainFact(slug: $0, evidence: [evidence([])]) }
        for t in gold["trade_figures"] as! [[String: Any]] {
            f.tradeFigures.append(TradeFigureFact(amount: (t["amount"] as? NSNumber)?.doubleValue, currency: t["currency"] as? String,
                                                  kind: TradeKind(rawValue: t["kind"] as! String) ?? .other, year: t["year"] as? Int,
                                                  evidence: evidence(["milliard", "million", "USD", "dollars"])))
        }
        return f
    }
}
