import Foundation
import GRDB
import Testing
@testable import KnowledgeBaseTests
import Extraction
@testable import KnowledgeBase

/// A trap in one article's extraction (Swift cannot catch it) must not cost the night: the real
/// `kb` binary with `KB_TEST_TRAP_ON`, which makes extraction trap like an extractor bug would.
@Suite(.serialized) struct CrashContainmentTests {
    static let poison = "POISONPILL"

    /// 200 ordinary files and, at position 101, one whose headline ends with a visit word.
    static func poisonCorpus(_ dir: URL) throws -> URL {
        let corpus = dir.appendingPathComponent("news")
        try IngestFixtures.writeCorpus(count: 200, to: corpus)
        let bad = corpus.appendingPathComponent("0100b.txt")
        try " date 2025-05-10 Le président biélorusse \(poison) en visite\n\nHanoï (VNA) - Un texte inventé.\n"
            .write(to: bad, atomically: false, encoding: .utf8)
        return corpus
    }

    @Test func thePoisonPillCorpusIngests200ArticlesAndNamesTheBadFileEveryNight() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try Self.poisonCorpus(dir)
        let db = dir.appendingPathComponent("kb.sqlite").path
        let env = ["KB_TEST_TRAP_ON": Self.poison]
        let bad = corpus.appendingPathComponent("0100b.txt").path

        let first = try TestSupport.kb(["ingest", "--db", db, corpus.path], environment: env)
        #expect(first.status == 1, "\(first.stderr)")
        #expect(first.stderr.contains("extraction crashed on \(bad)"))
        #expect(try KnowledgeBase(path: db).articleCount() == 200)
        let problems = try TestSupport.kb(["runs", "--problems", "--format", "csv", "--db", db])
        #expect(problems.stdout.contains(bad) && problems.stdout.contains("extraction crashed"), "\(problems.stdout)")
        let crashed = try IngestFixtures.open(db, readOnly: true).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM crashed_texts") }
        #expect(crashed == 1)

        // The next nights: the same 200 articles, the bad file not extracted again, no new trap.
        for _ in 0..<2 {
            let again = try TestSupport.kb(["ingest", "--db", db, corpus.path], environment: env)
            #expect(again.status <= 1, "\(again.stderr)")
            #expect(!again.stderr.contains("extraction crashed on"), "\(again.stderr)")
            #expect(try KnowledgeBase(path: db).articleCount() == 200)
        }
        // Once the file changes it is tried again (and, fixed, ingested).
        try " date 2025-05-10 Le président biélorusse en visite\n\nHanoï (VNA) - Un texte inventé, corrigé.\n"
            .write(toFile: bad, atomically: false, encoding: .utf8)
        let fixed = try TestSupport.kb(["ingest", "--db", db, corpus.path], environment: env)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(try KnowledgeBase(path: db).articleCount() == 201)
    }

    @Test func aTrapDuringReextractionKeepsTheArticleWithoutFactsAndFinishes() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try Self.poisonCorpus(dir)
        let db = dir.appendingPathComponent("kb.sqlite").path
        #expect(try TestSupport.kb(["ingest", "--db", db, corpus.path]).status == 0)
        let r = try TestSupport.kb(["reextract", "--db", db], environment: ["KB_TEST_TRAP_ON": Self.poison])
        #expect(r.status == 1, "\(r.stderr)")
        let queue = try IngestFixtures.open(db, readOnly: true)
        let (articles, stale, facts) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM articles")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM articles WHERE extractor_version IS NOT ?", arguments: [FactExtractor.version])!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM evidence_spans e JOIN articles a ON a.id = e.article_id WHERE a.raw_text LIKE '%POISONPILL%'") ?? 0)
        }
        #expect(articles == 201 && stale == 0 && facts == 0)
        let problems = try TestSupport.kb(["runs", "--problems", "--format", "csv", "--db", db])
        #expect(problems.stdout.contains("0100b.txt") && problems.stdout.contains("re-extraction crashed"), "\(problems.stdout)")
    }

    /// SIGKILL or a power cut while extracting leaves a « running » marker: that article was not at fault.
    @Test func aMarkerLeftByAKillIsNotACrash() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("kb.sqlite").path
        try "R\tingest\t1\tabc\t/x.txt\n".write(toFile: db + ".inflight", atomically: false, encoding: .utf8)
        #expect(CrashGuard.pendingCrash(databasePath: db) == nil)
        try "C\tingest\t1\tabc\t/x.txt\n".write(toFile: db + ".inflight", atomically: false, encoding: .utf8)
        #expect(CrashGuard.pendingCrash(databasePath: db) == CrashGuard.Crash(phase: "ingest", runID: 1, hash: "abc", path: "/x.txt"))
    }

    /// With extraction workers, each thread has its own record: the crashed one is found in any
    /// slot, beside others left « running » (the articles other workers had in flight).
    @Test func aCrashRecordedByAWorkerSlotIsFoundBesideRunningOnes() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("kb.sqlite").path
        var marker = [UInt8](repeating: 0, count: 3 * CrashGuard.slotSize)
        for (slot, record) in ["-\n", "R\tingest\t7\taaa\t/a.txt\n", "C\tingest\t7\tbbb\t/b.txt\n"].enumerated() {
            marker.replaceSubrange(slot * CrashGuard.slotSize..<slot * CrashGuard.slotSize + record.utf8.count, with: Array(record.utf8))
        }
        try Data(marker).write(to: URL(fileURLWithPath: db + ".inflight"))
        #expect(CrashGuard.pendingCrash(databasePath: db) == CrashGuard.Crash(phase: "ingest", runID: 7, hash: "bbb", path: "/b.txt"))
    }
}
