import Foundation
import Testing
@testable import KnowledgeBaseTests
import FrenchText
@testable import KnowledgeBase

/// The export is a public contract (EXPORT.md): every key present, with the documented JSON types.
@Suite struct ExportTests {
    static let goldDirectory = TestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/gold")

    func exportLines() throws -> [[String: Any]] {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("kb.sqlite").path
        try TestSupport.kb(["ingest", "--db", db, TestSupport.seedsDirectory])
        let run = try TestSupport.kb(["export", "--db", db, "--format", "jsonl"])
        #expect(run.status == 0)
        return try run.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    @Test func shapeFollowsTheContract() throws {
        let lines = try exportLines()
        #expect(lines.count == 5)
        for o in lines {
            for key in ["source", "date", "title", "countries", "people", "visits", "agreements", "domains", "trade_figures"] {
                #expect(o.keys.contains(key), "missing key \(key)")
            }
            #expect(o["source"] is String && o["title"] is String)
            if let date = o["date"] as? String { #expect(PartialDate(iso: date) != nil) } else { #expect(o["date"] is NSNull) }
            for c in o["countries"] as! [[String: Any]] { #expect(c["iso2"] is String && c["name"] is String) }
            for p in o["people"] as! [[String: Any]] { #expect(p["name"] is String && p["roles"] is [String] && p.keys.contains("country")) }
            for v in o["visits"] as! [[String: Any]] {
                for key in ["visitor", "visitor_country", "host_country", "city", "start", "end", "kind", "evidence"] { #expect(v.keys.contains(key)) }
                if let kind = v["kind"] as? String { #expect(["state", "official", "working", "other"].contains(kind)) }
            }
            for a in o["agreements"] as! [[String: Any]] {
                for key in ["kind", "title", "parties", "signed", "domains", "evidence"] { #expect(a.keys.contains(key)) }
            }
            #expect(o["domains"] is [String])
            for t in o["trade_figures"] as! [[String: Any]] {
                for key in ["amount", "currency", "kind", "year", "period", "countries", "scope", "evidence"] { #expect(t.keys.contains(key)) }
                #expect(t["countries"] is [String])
                if let scope = t["scope"] as? String { #expect(["bilateral", "regional", "bloc"].contains(scope)) }
            }
        }
    }

    @Test func headlinesAndDatesMatchGold() throws {
        let lines = try exportLines()
        for o in lines {
            let source = o["source"] as! String
            let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.goldDirectory
                .appendingPathComponent(source.replacingOccurrences(of: ".txt", with: ".json")))) as! [String: Any]
            #expect(o["title"] as? String == gold["title"] as? String)
            #expect((o["date"] as? String) == (gold["date"] as? String))
        }
    }
}
