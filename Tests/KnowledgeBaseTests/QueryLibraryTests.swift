import Foundation
import Testing
@testable import KnowledgeBase

/// The query API on the seeds with their gold facts.
@Suite struct QueryLibraryTests {
    var kb: KnowledgeBase { QueryFixtures.seeded.kb }

    @Test func fixtureIsSaved() throws {
        if let copy = ProcessInfo.processInfo.environment["KB_QUERY_FIXTURE_COPY"] {
            try? FileManager.default.removeItem(atPath: copy)
            try FileManager.default.copyItem(atPath: QueryFixtures.seeded.path, toPath: copy)
        }
        #expect(try kb.articleCount() == 5)
    }
}
