import Foundation
import GRDB
import Testing
@testable import KnowledgeBase

/// Fixtures for the ingest, crash and concurrency tests: a generated corpus, a seeded random
/// generator, a background `kb` process, and the database invariants every test checks.
enum IngestFixtures {
    /// A new temporary directory (the caller removes it) holding `corpus/` with `count` articles (`writeCorpus`).
    static func temporaryCorpus(count: Int) throws -> (dir: URL, corpus: URL) {
        let dir = try TestSupport.temporaryDirectory()
        let corpus = dir.appendingPathComponent("corpus")
        try writeCorpus(count: count, to: corpus)
        return (dir, corpus)
    }

    /// `count` distinct, well-formed short articles made from the seeds (headline numbered, paragraphs rotated).
    static func writeCorpus(count: Int, to dir: URL) throws {
        let seeds = try FileManager.default.contentsOfDirectory(atPath: TestSupport.seedsDirectory).filter { $0.hasSuffix(".txt") }.sorted()
            .map { try String(contentsOfFile: TestSupport.seedsDirectory + "/" + $0, encoding: .utf8) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for i in 0..<count {
            var paragraphs = seeds[i % seeds.count].components(separatedBy: "\n\n")
            let first = paragraphs.removeFirst().replacingOccurrences(of: " date ", with: "")
            let headline = first.drop(while: { $0.isNumber || $0 == "-" || $0 == " " })
            if !paragraphs.isEmpty { paragraphs = Array(paragraphs[(i % paragraphs.count)...] + paragraphs[..<(i % paragraphs.count)]) }
            let text = " date 2025-\(String(format: "%02d", i % 12 + 1))-\(String(format: "%02d", i % 28 + 1)) \(headline) (n° \(i))\n\n"
                + paragraphs.prefix(4).joined(separator: "\n\n") + "\n"
            try text.write(to: dir.appendingPathComponent(String(format: "%04d.txt", i)), atomically: false, encoding: .utf8)
        }
    }

    /// Per article (by content hash): evidence rows, sections and countries. Independent of other
    /// articles, so a database holding any subset of the corpus must agree with a full ingest.
    struct ArticleShape: Equatable { let evidence: Int; let sections: Int; let countries: Int }

    static func shapes(_ db: Database) throws -> [String: ArticleShape] {
        var result: [String: ArticleShape] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT a.content_hash AS hash,
                (SELECT count(*) FROM evidence e WHERE e.article_id = a.id) AS evidence,
                (SELECT count(*) FROM article_sections s WHERE s.article_id = a.id) AS sections,
                (SELECT count(*) FROM article_countries c WHERE c.article_id = a.id) AS countries
            FROM articles a
            """) {
            result[row["hash"]] = ArticleShape(evidence: row["evidence"], sections: row["sections"], countries: row["countries"])
        }
        return result
    }

    /// Everything the crash-safety promise says, checked in one read snapshot. Returns the problems.
    static func violations(_ db: Database, reference: [String: ArticleShape], fts: Bool = true) throws -> [String] {
        var problems = try Checks.integrityProblems(db)
        let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
        if !fk.isEmpty { problems.append("foreign_key_check: \(fk.count) rows") }
        // Killed while creating the schema: each migration is atomic, so the schema is some prefix
        // of the migrations, and no article can exist before the last one.
        guard try db.tableExists("evidence_spans"), try db.tableExists("ingest_runs") else {
            if try db.tableExists("articles"), try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") != 0 {
                problems.append("articles stored before the schema was complete")
            }
            return problems
        }
        if fts {
            do { try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)") }
            catch { problems.append("FTS integrity-check: \(error)") }
        }
        for (hash, shape) in try shapes(db) {
            guard let expected = reference[hash] else { problems.append("unknown article \(hash.prefix(8))"); continue }
            if shape != expected { problems.append("article \(hash.prefix(8)) is partial: \(shape) instead of \(expected)") }
        }
        let incomplete = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM articles a WHERE a.extractor_version IS NULL OR a.headline = ''
                OR NOT EXISTS (SELECT 1 FROM article_sources s WHERE s.article_id = a.id)
            """) ?? 0
        if incomplete > 0 { problems.append("\(incomplete) article(s) without version, headline or source") }
        return problems
    }

    /// Opens a database file directly (no kb migration), for checking.
    static func open(_ path: String, readOnly: Bool = false) throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = readOnly
        config.busyMode = .timeout(5)
        return try DatabaseQueue(path: path, configuration: config)
    }

    /// Starts the built kb in the background, output discarded.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let p = TestSupport.process(arguments, environment: environment)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Waits until a running ingest has committed `count` articles (fails after 30 s).
    static func waitForArticles(_ path: String, atLeast count: Int) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: path),
               let n = try? open(path, readOnly: true).read({ db in try db.tableExists("articles") ? try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") : 0 }),
               n >= count { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        Issue.record("the ingest did not commit \(count) articles within 30 s")
    }

    static func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Every table except the run log, as text: equal dumps mean the article tables were untouched.
    static func dumpWithoutRunLog(_ path: String) throws -> String {
        try open(path, readOnly: true).read { db in
            var out = ""
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'ingest_%' AND name NOT LIKE 'sqlite_%'
                    AND name NOT LIKE 'articles_fts%' ORDER BY name
                """)
            for t in tables {
                out += "## \(t)\n"
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(t.quotedDatabaseIdentifier) ORDER BY 1, 2") { out += "\(row)\n" }
            }
            return out
        }
    }
}

@Suite struct IngestSupportTests {
    @Test func generatedCorpusIsDistinctAndIngestible() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try IngestFixtures.writeCorpus(count: 12, to: dir.appendingPathComponent("corpus"))
        let kb = try KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .create)
        let s = try kb.ingest(paths: [dir.appendingPathComponent("corpus").path])
        #expect(s.new == 12 && s.skipped == 0 && s.warnings == 0)
        let problems = try kb.dbQueue.write { db in
            try IngestFixtures.violations(db, reference: try IngestFixtures.shapes(db))
        }
        #expect(problems.isEmpty)
    }
}
