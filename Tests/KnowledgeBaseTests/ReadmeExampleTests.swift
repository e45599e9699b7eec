import Foundation
import Testing
import KnowledgeBase

/// The library example of README.md, compiled and run on the seeds (keep the two in step).
@Suite struct ReadmeExampleTests {
    @Test func libraryExampleRuns() throws {
        let (seeded, dir) = try TestSupport.seededKnowledgeBase()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = seeded
        let kb = try KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .readOnly)
        let belarus = try kb.country("Biélorussie")            // also "BY", "Belarus", "Minsk"
        for v in belarus.visitsFromVietnam { _ = (v.start ?? "?", v.visitor ?? "?", v.city ?? "") }
        let hits = try kb.search(SearchRequest("cybersécurité", limit: 10)).hits
        let rows = try kb.sql("SELECT visitor, start_date FROM visit_facts WHERE host_country = 'BY'")
        #expect(!belarus.visitsFromVietnam.isEmpty)
        #expect(hits.count == 2)
        #expect(!rows.rows.isEmpty)
    }
}
