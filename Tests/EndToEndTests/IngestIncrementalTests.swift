import Foundation
import GRDB
import Testing
@testable import KnowledgeBaseTests
import Extraction
@testable import KnowledgeBase

/// Incremental ingest, prune, re-extraction, the run log, check and backup.
@Suite struct IngestIncrementalTests {
    /// A copy of the seeds in a temporary directory (tests modify their files).
    static func seedCopy(_ dir: URL) throws -> URL {
        let corpus = dir.appendingPathComponent("articles")
        try FileManager.default.copyItem(atPath: TestSupport.seedsDirectory, toPath: corpus.path)
        return corpus
    }

    @Test func theSecondRunOfTheSameFilesChangesNothingButTheRunLog() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kb.sqlite").path
        let first = try TestSupport.kb(["ingest", "--db", path, TestSupport.seedsDirectory])
        #expect(first.status == 0, "\(first.stderr)")
        let export = try TestSupport.kb(["export", "--db", path]).stdout
        let dump = try IngestFixtures.dumpWithoutRunLog(path)

        let second = try TestSupport.kb(["ingest", "--db", path, TestSupport.seedsDirectory])
        #expect(second.status == 0)
        #expect(second.stderr.contains("0 new, 0 updated, 5 unchanged, 0 skipped"), "\(second.stderr)")
        #expect(second.stderr.contains("up to date"))
        #expect(try TestSupport.kb(["export", "--db", path]).stdout == export)
        #expect(try IngestFixtures.dumpWithoutRunLog(path) == dump, "article tables untouched")
        let runs = try KnowledgeBase(path: path).recentRuns()
        #expect(runs.map(\.status) == [.ok, .ok] && runs[0].unchanged == 5 && runs[1].new == 5)
    }

    @Test func aTouchedFileIsHashedNotExtracted_aChangedFileUpdatesInPlace() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try IngestIncrementalTests.seedCopy(dir)
        let kb = try KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .create)
        _ = try kb.ingest(paths: [corpus.path])
        let file = corpus.appendingPathComponent("003_ba95bcf8c95dc1d6.txt")
        let id = try kb.dbQueue.read { db in try Int64.fetchOne(db, sql: "SELECT article_id FROM article_sources WHERE path = ?", arguments: [file.path]) }

        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: file.path)
        let touched = try kb.ingest(paths: [corpus.path])
        #expect(touched.unchanged == 5 && touched.new == 0 && touched.updated == 0 && touched.warnings == 0)
        #expect(try kb.ingest(paths: [corpus.path]).unchanged == 5, "the new mtime was recorded")

        let text = try String(contentsOf: file, encoding: .utf8)
        try (text + "\nLe Vietnam et le Japon ont signé un accord.\n").write(to: file, atomically: true, encoding: .utf8)
        let changed = try kb.ingest(paths: [corpus.path])
        #expect(changed.updated == 1 && changed.unchanged == 4)
        #expect(try kb.articleCount() == 5)
        let after = try kb.dbQueue.read { db in try Int64.fetchOne(db, sql: "SELECT article_id FROM article_sources WHERE path = ?", arguments: [file.path]) }
        #expect(after == id, "updated in place, same id")
        #expect(try kb.dbQueue.write { db in try IngestFixtures.violations(db, reference: try IngestFixtures.shapes(db)) }.isEmpty)
    }

    @Test func pruneMarksMissingSourcesAndNeverDeletes() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try IngestIncrementalTests.seedCopy(dir)
        let kb = try KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .create)
        _ = try kb.ingest(paths: [corpus.path])
        let file = corpus.appendingPathComponent("000_4704a9f00f61984a.txt")
        let saved = try Data(contentsOf: file)
        try FileManager.default.removeItem(at: file)

        let without = try kb.ingest(paths: [corpus.path])
        #expect(without.missing == 0 && without.skipped == 0)
        var options = IngestOptions()
        options.prune = true
        let pruned = try kb.ingest(paths: [corpus.path], options: options)
        #expect(pruned.missing == 1 && pruned.exitStatus == 0)
        #expect(pruned.problems.first?.reason.contains("marked missing") == true)
        #expect(try kb.articleCount() == 5, "never deleted")
        let missing = try kb.dbQueue.read { db in try String.fetchOne(db, sql: "SELECT missing_since FROM article_sources WHERE path = ?", arguments: [file.path]) }
        #expect(missing != nil)
        #expect(try kb.ingest(paths: [corpus.path], options: options).missing == 0, "marked once")

        try saved.write(to: file)
        let back = try kb.ingest(paths: [corpus.path], options: options)
        #expect(back.new == 0 && back.unchanged == 5)
        #expect(try kb.dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article_sources WHERE missing_since IS NOT NULL") } == 0)
    }

    @Test func aNewExtractorVersionReextractsEveryStoredArticle() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kb.sqlite").path
        let kb = try KnowledgeBase(path: path, mode: .create)
        _ = try kb.ingest(paths: [TestSupport.seedsDirectory])
        let export = try TestSupport.kb(["export", "--db", path]).stdout
        // As if the stored facts came from an older extractor.
        try kb.dbQueue.write { db in
            try db.execute(sql: "UPDATE articles SET extractor_version = 'old'")
            try db.execute(sql: "UPDATE evidence_spans SET extractor_version = 'old'")
        }
        #expect(try kb.check().first { $0.check == "extractor versions" }?.ok == true, "one old version is consistent")

        let run = try kb.ingest(paths: [TestSupport.seedsDirectory])
        #expect(run.reextracted == 5 && run.new == 0 && run.updated == 0)
        let versions = try kb.dbQueue.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT extractor_version FROM articles UNION SELECT DISTINCT extractor_version FROM evidence")
        }
        #expect(versions == [FactExtractor.version])
        #expect(try TestSupport.kb(["export", "--db", path]).stdout == export)
        #expect(try kb.ingest(paths: [TestSupport.seedsDirectory]).reextracted == 0)

        let cli = try TestSupport.kb(["reextract", "--db", path])
        #expect(cli.status == 0 && cli.stderr.contains("5 re-extracted"), "\(cli.stderr)")
        #expect(try TestSupport.kb(["export", "--db", path]).stdout == export)
        #expect(try kb.recentRuns(limit: 1).first?.command == "reextract")
    }

    @Test func aRunLeftRunningIsMarkedInterrupted_andRunsPrintsItsHistory() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kb.sqlite").path
        let kb = try KnowledgeBase(path: path, mode: .create)
        try kb.dbQueue.write { db in _ = try RunLog.start(db, command: "ingest", paths: ["x"], extractorVersion: "1") }
        _ = try kb.ingest(paths: [TestSupport.seedsDirectory])
        let runs = try kb.recentRuns()
        #expect(runs.map(\.status) == [.ok, .interrupted])

        let json = try TestSupport.kb(["runs", "--db", path, "--format", "json"])
        // kb's JSON is snake_case everywhere (`started_at`), the library's properties camelCase.
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let decoded = try decoder.decode([IngestRun].self, from: Data(json.stdout.utf8))
        #expect(decoded == runs)
        let table = try TestSupport.kb(["runs", "--db", path])
        #expect(table.status == 0 && table.stdout.contains("interrupted") && table.stdout.contains("status"))
        let problems = try TestSupport.kb(["runs", "--db", path, "--problems", "--format", "tsv"])
        #expect(problems.stdout.hasPrefix("severity\tkind\tpath\treason\n"))
        #expect(problems.stdout.contains("no date line"))
    }

    @Test func checkPassesOnASoundDatabaseAndFailsOnABrokenIndex() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kb.sqlite").path
        #expect(try TestSupport.kb(["ingest", "--db", path, TestSupport.seedsDirectory]).status == 0)
        let ok = try TestSupport.kb(["check", "--db", path])
        #expect(ok.status == 0 && ok.stderr.contains("all 6 checks passed"), "\(ok.stdout)")

        // Change indexed text behind the full-text index's back.
        let queue = try IngestFixtures.open(path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER articles_fts_update")
            try db.execute(sql: "UPDATE articles SET search_body = 'texte qui ne correspond plus' WHERE id = 1")
        }
        try queue.close()
        let broken = try TestSupport.kb(["check", "--db", path])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("full-text index") && broken.stdout.contains("FAILED"))
    }

    @Test func backupIsAConsistentCopyWhileAReaderIsActive() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kb.sqlite").path
        #expect(try TestSupport.kb(["ingest", "--db", path, TestSupport.seedsDirectory]).status == 0)
        let reader = try IngestFixtures.open(path, readOnly: true)
        let copy = dir.appendingPathComponent("backup.sqlite").path
        try reader.read { db in
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM articles")  // an open read transaction
            let r = try TestSupport.kb(["backup", "--db", path, copy])
            #expect(r.status == 0 && r.stderr.contains("5 articles"), "\(r.stderr)")
        }
        #expect(try TestSupport.kb(["export", "--db", copy]).stdout == (try TestSupport.kb(["export", "--db", path]).stdout))
        #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
        let again = try TestSupport.kb(["backup", "--db", path, copy])
        #expect(again.status == 2 && again.stderr.contains("--force"))
        #expect(try TestSupport.kb(["backup", "--force", "--db", path, copy]).status == 0)
        #expect(try TestSupport.kb(["check", "--db", copy]).status == 0)
    }

    @Test func exitStatusesAreDocumentedOnes() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kb.sqlite").path
        #expect(try TestSupport.kb(["ingest", "--db", path, dir.appendingPathComponent("nowhere").path]).status == 2)
        #expect(try TestSupport.kb(["ingest", "--db", path, "--max-file-size", "lots", TestSupport.seedsDirectory]).status == 2)
        #expect(try TestSupport.kb(["ingest", "--no-such-flag"]).status == 2)
        #expect(try TestSupport.kb(["ingest", "--db", path, TestSupport.seedsDirectory]).status == 0)
        let quiet = try TestSupport.kb(["ingest", "--quiet", "--db", path, TestSupport.seedsDirectory])
        #expect(quiet.status == 0 && quiet.stderr.split(separator: "\n").count == 1, "one summary line: \(quiet.stderr)")
        #expect(quiet.stdout.isEmpty)
    }
}
