import Foundation
import GRDB
import Testing
import Extraction
@testable import KnowledgeBase

/// The body is stored once, as paragraph offsets into raw_text (migration 017).
@Suite struct TextOnceTests {
    /// Invented article: a dateline and a credit set apart between paragraphs, a « Voir plus » block.
    static let raw = """
         date 2025-04-02 Le Vietnam et le Chili renforcent leur cœur de coopération

        Santiago (VNA) - Le vice-ministre vietnamien a rencontré mardi son homologue chilien pour parler d’énergie.

        Photo : VNA/CVN

        Les deux parties ont évoqué l'œuvre commune dans l'agriculture et la pêche.

        « Nous voulons aller plus loin », a-t-il déclaré.

        Voir plus
        >> Un autre titre
        """

    @Test func bodyIsCutOutOfTheRawText() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.txt")
        try Self.raw.write(to: file, atomically: true, encoding: .utf8)
        let kb = try KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .create)
        _ = try kb.ingest(paths: [file.path])
        let (article, _) = FactExtractor().process(raw: Self.raw, source: "a.txt")
        try kb.dbQueue.read { db in
            #expect(try String.fetchOne(db, sql: "SELECT body FROM article_bodies") == article.body)
            #expect(try ArticleStore.body(db, articleID: 1) == article.body)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM article_paragraphs") == article.paragraphs.count)
            // No column of articles holds a copy of the body any more.
            let columns = try db.columns(in: "articles").map(\.name)
            #expect(!columns.contains("body"))
        }
        #expect(try kb.article("1").body == article.body)
    }

    /// A database of schema 016 keeps its bodies: each paragraph is found again in raw_text.
    @Test func upgradeFindsTheStoredParagraphs() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kb.sqlite").path
        let (article, _) = FactExtractor().process(raw: Self.raw, source: "a.txt")
        // The same paragraph twice: the second is found after the first, not at the first again.
        let repeated = Self.raw + "\n\n« Nous voulons aller plus loin », a-t-il déclaré.\n"
        let (again, _) = FactExtractor().process(raw: repeated, source: "b.txt")
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try Migrator.migrate(db, upTo: 16)
            for (i, (text, a)) in [(Self.raw, article), (repeated, again), (" date 2025 Sans corps\n", nil)].enumerated() {
                try db.execute(sql: """
                    INSERT INTO articles(id, source, content_hash, raw_text, headline, body, ingested_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, '2025-01-01', '2025-01-01')
                    """, arguments: [i + 1, "\(i).txt", "h\(i)", text, a?.headline ?? "Sans corps", a?.body ?? ""])
            }
            try Migrator.migrate(db)
            #expect(try String.fetchAll(db, sql: "SELECT body FROM article_bodies ORDER BY article_id") == [article.body, again.body, ""])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM article_paragraphs WHERE article_id = 2") == again.paragraphs.count)
        }
    }
}
