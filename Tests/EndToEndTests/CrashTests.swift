import Foundation
import GRDB
import SeededRandom
import Testing
@testable import KnowledgeBaseTests
@testable import KnowledgeBase
#if canImport(Glibc)
import Glibc
#endif

/// Kills the real `kb ingest` with SIGKILL at random moments and checks, after every kill, that
/// the database is sound and holds only whole articles; then that the next run completes the rest.
@Suite(.serialized) struct CrashTests {
    static let kills = Int(ProcessInfo.processInfo.environment["KB_CRASH_KILLS"] ?? "") ?? 30
    static let corpusSize = 200

    @Test func sigkillAtRandomMomentsNeverLeavesHalfAnArticle() throws {
        let (dir, corpus) = try IngestFixtures.temporaryCorpus(count: Self.corpusSize)
        defer { try? FileManager.default.removeItem(at: dir) }

        // Every run spends 10 ms inside each article's transaction: a transaction ends after 256 articles
        // or a second, and a fast machine ingests the whole corpus in well under a second, in one commit
        // that no kill could interrupt half-way. Slowed, a run spans several commits on any machine.
        let slowed = ["KB_TEST_ARTICLE_DELAY_MS": "10"]
        // The reference: one uninterrupted run, timed to spread the kills over a whole run.
        let referencePath = dir.appendingPathComponent("reference.sqlite").path
        let started = Date()
        let full = try TestSupport.kb(["ingest", "--quiet", "--db", referencePath, corpus.path], environment: slowed)
        let duration = Date().timeIntervalSince(started)
        #expect(full.status == 0, "\(full.stderr)")
        let reference = try IngestFixtures.open(referencePath, readOnly: true).read { try IngestFixtures.shapes($0) }
        #expect(reference.count == Self.corpusSize)
        let referenceExport = try TestSupport.kb(["export", "--db", referencePath]).stdout

        let path = dir.appendingPathComponent("kb.sqlite").path
        var rng = SplitMix64(seed: 0x6b62_6e69_6768_7479)
        var killedMidRun = 0, partialStates = 0
        for kill in 1...Self.kills {
            // Runs resume where the last one stopped, so short delays still reach every part of the corpus.
            let delay = Double.random(in: 0...(duration * 0.7), using: &rng)
            let p = try IngestFixtures.start(["ingest", "--quiet", "--db", path, corpus.path], environment: slowed)
            Thread.sleep(forTimeInterval: delay)
            let wasRunning = p.isRunning
            Glibc.kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            if wasRunning && p.terminationReason == .uncaughtSignal { killedMidRun += 1 }
            #expect(p.terminationReason == .uncaughtSignal || p.terminationStatus == 0,
                    "kill \(kill): kb exited \(p.terminationStatus) on its own (3 = lock not released by the previous kill)")

            guard FileManager.default.fileExists(atPath: path) else { continue }
            let (problems, count) = try IngestFixtures.open(path).write { db in
                (try IngestFixtures.violations(db, reference: reference),
                 try db.tableExists("articles") ? try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0 : 0)
            }
            #expect(problems.isEmpty, "after kill \(kill) at \(String(format: "%.3f", delay)) s: \(problems.prefix(5))")
            if count > 0 && count < Self.corpusSize { partialStates += 1 }
            // Start over now and then, so later kills land in the middle of a run again.
            if count == Self.corpusSize || Bool.random(using: &rng) && kill % 3 == 0 { IngestFixtures.removeDatabase(path) }
        }
        print("crash test: \(Self.kills) kills over a \(String(format: "%.2f", duration)) s run, \(killedMidRun) mid-run, \(partialStates) partial databases checked")
        // Resumed runs are shorter than the timed one, so some kills come after the run ended; on a
        // loaded machine about 12 of 30 still land mid-run. A third keeps the test meaningful.
        #expect(killedMidRun >= Self.kills / 3, "kills must hit a running ingest (\(killedMidRun) of \(Self.kills))")
        #expect(partialStates >= 3, "kills must leave partly ingested databases to check (\(partialStates))")

        // A run killed for sure in the middle (slowed down), then the next run completes the rest:
        // the result is the same as the uninterrupted run's.
        IngestFixtures.removeDatabase(path)
        let slow = try IngestFixtures.start(["ingest", "--quiet", "--db", path, corpus.path], environment: ["KB_TEST_ARTICLE_DELAY_MS": "10"])
        try IngestFixtures.waitForArticles(path, atLeast: 10)
        Glibc.kill(slow.processIdentifier, SIGKILL)
        slow.waitUntilExit()
        let resumed = try TestSupport.kb(["ingest", "--db", path, corpus.path])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try TestSupport.kb(["export", "--db", path]).stdout == referenceExport)
        let check = try TestSupport.kb(["check", "--db", path])
        #expect(check.status == 0, "\(check.stdout)")
        let runs = try KnowledgeBase(path: path).recentRuns(limit: 100)
        #expect(runs.first?.status == .ok)
        #expect(runs.dropFirst().contains { $0.status == .interrupted }, "killed runs are marked interrupted")
    }
}
