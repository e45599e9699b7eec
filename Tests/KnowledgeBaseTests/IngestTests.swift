import Foundation
import GRDB
import Testing
@testable import KnowledgeBase

@Suite struct IngestTests {
    @Test func ingestTwiceIsANoOp() throws {
        let (kb, dir) = try TestSupport.seededKnowledgeBase()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try kb.articleCount() == 5)
        let before = try kb.exportRecords()
        let again = try kb.ingest(paths: [TestSupport.seedsDirectory])
        #expect(again.new == 0 && again.updated == 0 && again.unchanged == 5 && again.skipped == 0)
        #expect(try kb.exportRecords() == before)
        #expect(try kb.articleCount() == 5)
    }

    @Test func changedFileIsUpdatedInPlace() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.txt")
        try " date 2025-01-02 Premier titre\n\nLe Vietnam et le Laos.\n".write(to: file, atomically: true, encoding: .utf8)
        let kb = try KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .create)
        #expect(try kb.ingest(paths: [file.path]).new == 1)
        let id = try kb.dbQueue.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM articles") }
        try " date 2025-01-03 Titre corrigé\n\nLe Vietnam et le Laos.\n".write(to: file, atomically: true, encoding: .utf8)
        let summary = try kb.ingest(paths: [file.path])
        #expect(summary.updated == 1 && summary.new == 0)
        let row = try kb.dbQueue.read { db in try Row.fetchOne(db, sql: "SELECT id, headline, date FROM articles") }!
        #expect(row["id"] as Int64 == id!)
        #expect(row["headline"] as String == "Titre corrigé")
        #expect(row["date"] as String == "2025-01-03")
        #expect(try kb.articleCount() == 1)
    }

    @Test func sameTextUnderTwoNamesIsOneArticleWithTwoSources() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["a.txt", "copie.txt"] {
            try "Titre\n\nTexte identique.\n".write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let kb = try KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .create)
        let summary = try kb.ingest(paths: [dir.path])
        #expect(summary.new == 1 && summary.unchanged == 1)
        #expect(try kb.articleCount() == 1)
        let sources = try kb.dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article_sources") }
        #expect(sources == 2)
    }

    @Test func rawTextIsKeptAndSectionsMapBack() throws {
        let (kb, dir) = try TestSupport.seededKnowledgeBase()
        defer { try? FileManager.default.removeItem(at: dir) }
        try kb.dbQueue.read { db in
            let raw = try String.fetchOne(db, sql: "SELECT raw_text FROM articles WHERE source LIKE '001%'")!
            let file = try String(contentsOfFile: TestSupport.seedsDirectory + "/001_581885d536a40089.txt", encoding: .utf8)
            #expect(raw == file)
            let bad = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM article_sections s JOIN articles a ON a.id = s.article_id
                WHERE substr(a.raw_text, s.start_offset + 1, s.end_offset - s.start_offset) NOT LIKE '%' || substr(s.text, 1, 5) || '%'
                """)
            #expect(bad == 0)
            let related = try Int.fetchOne(db, sql: "SELECT count(*) FROM related_links")
            #expect(related == 9)
        }
    }

    @Test func ftsIndexIsConsistent() throws {
        let (kb, dir) = try TestSupport.seededKnowledgeBase()
        defer { try? FileManager.default.removeItem(at: dir) }
        try kb.dbQueue.write { db in try db.execute(sql: "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')") }
    }
}
