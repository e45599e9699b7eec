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

    /// SQLite 3.40's FTS5 reloads its configuration when another connection changed it (ingest sets
    /// `automerge` at its start and end), and a ranked read of `rank` without `ORDER BY rank` failed
    /// once with « SQL logic error » on a connection that had searched before: kb writes bm25 out.
    @Test func searchesStillRankAfterAnotherConnectionChangedTheIndexSettings() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kb-fts-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kb.sqlite").path
        let reader = try KnowledgeBase(path: path, mode: .create)
        _ = try reader.ingest(paths: [TestSupport.seedsDirectory])
        let request = SearchRequest("coopération", limit: 3)
        let first = try reader.search(request).hits.map(\.source)
        for bulk in [true, false, true, false] {
            let writer = try DatabaseQueue(path: path)
            try writer.write { try SearchIndex.setAutomerge($0, bulk: bulk) }
            try writer.close()
            #expect(try reader.search(request).hits.map(\.source) == first)
            #expect(try reader.search(SearchRequest("coopération", limit: 2, offset: 1)).hits.map(\.source) == Array(first.dropFirst()))
        }
    }

    /// kb ranks with bm25 written out; `ORDER BY rank` in any other client must rank the same way.
    @Test func theDefaultRankOfTheIndexIsTheWeightsKbRanksWith() throws {
        let kb = SeedBase.shared
        let rank = try kb.dbQueue.read { try String.fetchOne($0, sql: "SELECT v FROM articles_fts_config WHERE k = 'rank'") }
        #expect(rank.map { "bm25(articles_fts, " + $0.dropFirst("bm25(".count) } == SearchSQL.score)
    }
}
