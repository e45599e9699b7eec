import Foundation
import GRDB
import Testing
import ArticleFiles
@testable import KnowledgeBase

/// Migration 018: file problems carry a kind, and their stored reasons name no command-line flag.
@Suite struct ProblemKindTests {
    /// Reasons as kbs before migration 018 wrote them (some named the flag that fixes them).
    static let oldReasons: [(reason: String, severity: String, kind: FileProblem.Kind, now: String)] = [
        ("file is 2 MB, over the 1 MB limit: skipped (raise it with --max-file-size)", "skipped", .tooLarge,
         "file is 2 MB, over the 1 MB limit: skipped"),
        ("symbolic link to /srv/other/a.txt, outside /srv/news: not followed (kb ingest --follow-symlinks follows it): skipped", "skipped", .symlink,
         "symbolic link to /srv/other/a.txt, outside /srv/news: not followed: skipped"),
        ("not a regular file (FIFO): skipped", "skipped", .notRegular, "not a regular file (FIFO): skipped"),
        ("permission denied: skipped (check the file's owner and mode)", "skipped", .unreadable, "permission denied: skipped (check the file's owner and mode)"),
        ("empty file (0 bytes): skipped", "skipped", .notArticle, "empty file (0 bytes): skipped"),
        ("no date line: ingested with no date", "warning", .warning, "no date line: ingested with no date"),
        ("something no kb ever said", "skipped", .other, "something no kb ever said"),
    ]

    @Test func upgradeReadsTheKindFromTheOldReasonAndDropsTheFlags() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kb.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try Migrator.migrate(db, upTo: 17)
            try db.execute(sql: """
                INSERT INTO ingest_runs(id, command, started_at, finished_at, status, extractor_version) VALUES (1, 'ingest', 'x', 'y', 'partial', '1')
                """)
            for (i, old) in Self.oldReasons.enumerated() {
                try db.execute(sql: "INSERT INTO ingest_problems(run_id, path, severity, reason) VALUES (1, ?, ?, ?)",
                               arguments: ["/srv/news/\(i).txt", old.severity, old.reason])
                if old.severity == "skipped" {
                    try db.execute(sql: """
                        INSERT INTO skipped_files(path, size, mtime, ctime, read_at, reason, first_run, last_run) VALUES (?, 1, 0, 0, 0, ?, 1, 1)
                        """, arguments: ["/srv/news/\(i).txt", old.reason])
                }
            }
        }
        try queue.close()
        let kb = try KnowledgeBase(path: path, mode: .readWrite)
        let problems = try #require(try kb.run(id: 1)).1
        #expect(problems.map(\.kind) == Self.oldReasons.map(\.kind))
        #expect(problems.map(\.reason) == Self.oldReasons.map(\.now))
        let skipped = try kb.skippedFiles()
        let expected = Self.oldReasons.filter { $0.severity == "skipped" }
        #expect(skipped.map(\.kind) == expected.map(\.kind) && skipped.map(\.reason) == expected.map(\.now))
    }

    @Test func theTablesAcceptEveryKindAndNothingElse() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let kb = try KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .create)
        try kb.dbQueue.write { db in
            try db.execute(sql: "INSERT INTO ingest_runs(id, command, started_at, status, extractor_version) VALUES (1, 'ingest', 'x', 'running', '1')")
            for kind in FileProblem.Kind.allCases {
                try db.execute(sql: "INSERT INTO ingest_problems(run_id, path, kind, severity, reason) VALUES (1, 'p', ?, 'skipped', 'r')", arguments: [kind.rawValue])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO ingest_problems(run_id, path, kind, severity, reason) VALUES (1, 'p', 'nonsense', 'skipped', 'r')")
            }
        }
    }
}
