import Foundation
import Testing
@testable import KnowledgeBaseTests
@testable import KnowledgeBase

/// The benchmark's generated articles (varied names, lists, titles and dates from `kb-bench`'s own
/// templates) extract without a trap: they once found an inverted range that the fuzz had not.
@Suite struct GeneratedCorpusTests {
    @Test func benchmarkArticlesExtractWithoutATrap() throws {
        let bench = URL(fileURLWithPath: TestSupport.kbBinary).deletingLastPathComponent().appendingPathComponent("kb-bench").path
        guard FileManager.default.isExecutableFile(atPath: bench) else { return }  // built by `swift build`, as `make test` does
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let generate = Process()
        generate.executableURL = URL(fileURLWithPath: bench)
        generate.arguments = ["generate", "--count", "100", "--out", dir.appendingPathComponent("corpus").path, "--seed", "20251203"]
        try generate.run()
        generate.waitUntilExit()
        #expect(generate.terminationStatus == 0)
        let run = try TestSupport.kb(["ingest", "--quiet", "--db", dir.appendingPathComponent("kb.sqlite").path, dir.appendingPathComponent("corpus").path])
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        #expect(!run.stderr.contains("crash"), "\(run.stderr.suffix(2000))")
    }
}
