import Foundation
import GRDB
import Testing
@testable import KnowledgeBase

/// Readers run beside the writer: searches from several tasks while an ingest commits, on one
/// `KnowledgeBase`. Each search sees a committed state (never half an article), so its total lies
/// between the count before the ingest and the count after it, and none waits for the ingest to end.
@Suite struct ConcurrentReadTests {
    @Test func searchesFromSeveralTasksDuringAnIngest() async throws {
        let (dir, corpus) = try IngestFixtures.temporaryCorpus(count: 40)
        defer { try? FileManager.default.removeItem(at: dir) }
        let kb = try KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .create)
        #expect(kb.dbQueue is DatabasePool, "a kb database in WAL mode is served by a pool")
        _ = try kb.ingest(paths: [TestSupport.seedsDirectory])
        let query = SearchRequest("coopération", limit: 0)
        let before = try kb.search(query).total
        let options: IngestOptions = {
            var o = IngestOptions()
            o.batchSize = 4
            o.articleDelay = 0.01  // keeps write transactions open while the readers run
            return o
        }()
        let totals = try await withThrowingTaskGroup(of: [Int].self) { group in
            group.addTask {
                let s = try kb.ingest(paths: [corpus.path], options: options)
                #expect(s.new == 40 && s.skipped == 0)
                return []
            }
            for _ in 0..<4 {
                group.addTask {
                    var seen: [Int] = []
                    for _ in 0..<15 { seen.append(try kb.search(query).total) }
                    return seen
                }
            }
            return try await group.reduce(into: [Int]()) { $0 += $1 }
        }
        let after = try kb.search(query).total
        #expect(totals.count == 60)
        #expect(totals.allSatisfy { (before...after).contains($0) }, "\(before)…\(after): \(totals)")
    }
}
