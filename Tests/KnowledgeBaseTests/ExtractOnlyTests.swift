import Foundation
import Testing
@testable import KnowledgeBase

@Suite struct ExtractOnlyTests {
    var seeds: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: TestSupport.seedsDirectory)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted().map { TestSupport.seedsDirectory + "/" + $0 }
    }

    @Test func batchGivesTheSameRecordsAsOneFileAtATime() throws {
        let files = seeds
        #expect(!files.isEmpty)
        let batch = try KnowledgeBase.extract(files: files)
        let single = try files.map { try KnowledgeBase.extract(file: $0) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try batch.map { try encoder.encode($0) } == single.map { try encoder.encode($0) })
    }

    @Test func aMissingFileIsAnErrorTheUserCanAct() {
        #expect(throws: KBError.self) { try KnowledgeBase.extract(files: ["/nonexistent/article.txt"]) }
    }
}
