import Foundation
import GRDB
import Testing
@testable import KnowledgeBaseTests
@testable import KnowledgeBase
#if canImport(Glibc)
import Glibc
#endif

/// One writer at a time, readers never blocked: against the real `kb` binary, with an ingest
/// slowed down (KB_TEST_ARTICLE_DELAY_MS) so the other processes surely meet it mid-run.
@Suite(.serialized) struct IngestConcurrencyTests {
    @Test func aSecondIngestIsRefusedAtOnceWithExitCode3() throws {
        let (dir, corpus) = try IngestFixtures.temporaryCorpus(count: 40)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kb.sqlite").path
        // Slow enough (40 × 250 ms) that a second run which waited for the lock would outlive it.
        let first = try IngestFixtures.start(["ingest", "--db", path, corpus.path], environment: ["KB_TEST_ARTICLE_DELAY_MS": "250"])
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL); first.waitUntilExit() } }
        try IngestFixtures.waitForArticles(path, atLeast: 1)

        let second = try TestSupport.kb(["ingest", "--db", path, TestSupport.seedsDirectory])
        #expect(second.status == 3)
        #expect(first.isRunning, "refused while the first run holds the lock, not after waiting for it")
        #expect(second.stderr.contains("another kb ingest is writing to \(path)"))
        #expect(second.stderr.contains("pid \(first.processIdentifier)"))
        #expect(try TestSupport.kb(["reextract", "--db", path]).status == 3)
        let json = try TestSupport.kb(["ingest", "--log-format", "json", "--db", path, corpus.path])
        #expect(json.status == 3 && json.stderr.contains(#""event":"error""#) && json.stderr.contains(#""exit":3"#))
        #expect(first.isRunning, "the refused runs did not disturb the first one")

        // The kernel releases the lock of a killed process: the next ingest runs.
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        let next = try TestSupport.kb(["ingest", "--db", path, corpus.path])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try KnowledgeBase(path: path).articleCount() == 40)
    }

    @Test func readersAreNeverBlockedAndNeverSeeHalfAnArticle() throws {
        let (dir, corpus) = try IngestFixtures.temporaryCorpus(count: 60)
        defer { try? FileManager.default.removeItem(at: dir) }
        let referenceKB = try KnowledgeBase(path: dir.appendingPathComponent("reference.sqlite").path, mode: .create)
        _ = try referenceKB.ingest(paths: [corpus.path])
        let reference = try referenceKB.dbQueue.read { try IngestFixtures.shapes($0) }

        let path = dir.appendingPathComponent("kb.sqlite").path
        let writer = try IngestFixtures.start(["ingest", "--db", path, corpus.path], environment: ["KB_TEST_ARTICLE_DELAY_MS": "100"])
        defer { if writer.isRunning { kill(writer.processIdentifier, SIGKILL); writer.waitUntilExit() } }
        try IngestFixtures.waitForArticles(path, atLeast: 1)

        let reader = try IngestFixtures.open(path, readOnly: true)
        var counts = Set<Int>()
        var cliChecked = false
        while writer.isRunning {
            let (problems, count) = try reader.read { db in
                (try IngestFixtures.violations(db, reference: reference, fts: false), try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0)
            }
            #expect(problems.isEmpty, "a reader saw: \(problems.prefix(3))")
            counts.insert(count)
            if !cliChecked && counts.count >= 2 {
                cliChecked = true
                for args in [["search", "Biélorussie"], ["export"], ["runs", "--format", "json"]] {
                    let r = try TestSupport.kb(args + ["--db", path])
                    #expect(r.status == 0, "kb \(args[0]) during ingest: \(r.stderr)")
                    #expect(writer.isRunning, "kb \(args[0]) answered while the writer was still running, not after it")
                }
                let check = try TestSupport.kb(["check", "--db", path])
                #expect(check.status == 0, "kb check during ingest: \(check.stdout) \(check.stderr)")
                if FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") {
                    let p = Process()
                    p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
                    p.arguments = ["-readonly", path, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'vietnam'"]
                    p.standardOutput = FileHandle.nullDevice
                    try p.run()
                    p.waitUntilExit()
                    #expect(p.terminationStatus == 0, "sqlite3 could not read during ingest")
                }
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(writer.terminationStatus == 0)
        #expect(cliChecked)
        #expect(counts.count >= 2, "readers saw the ingest progress: \(counts.sorted())")
    }
}
