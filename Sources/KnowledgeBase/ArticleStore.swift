import GRDB
import Extraction
import FrenchText

/// SQL for articles, their sources and set-apart sections.
enum ArticleStore {
    struct Source { let path: String; let name: String; let size: Int; let mtime: Double }

    /// True when `path` is recorded with the same size and modification time: no need to read it.
    static func sourceIsUnchanged(_ db: Database, path: String, size: Int, mtime: Double) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT 1 FROM article_sources WHERE path = ? AND size = ? AND mtime = ? AND missing_since IS NULL
            """), arguments: [path, size, mtime]) ?? false
    }

    /// Writes one article (new, changed or moved) with its facts; returns what happened.
    static func save(_ db: Database, article: Article, facts: ArticleFacts, hash: String, source: Source,
                     extractorVersion: String, reference: ReferenceIndex) throws -> IngestOutcome {
        let now = Clock.nowISO()
        let previous = try Int64.fetchOne(db.cachedStatement(sql: "SELECT article_id FROM article_sources WHERE path = ?"), arguments: [source.path])
        let sameText = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM articles WHERE content_hash = ?"), arguments: [hash])

        if let sameText {
            // Known text: record this file as one more source (or refresh its size/mtime).
            try upsertSource(db, source, articleID: sameText, now: now)
            if let previous, previous != sameText { try deleteIfOrphan(db, previous) ; return .updated }
            return .unchanged
        }
        let articleID: Int64
        let outcome: IngestOutcome
        if let previous, try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM article_sources WHERE article_id = ?"), arguments: [previous]) == 1 {
            // The file's content changed: update its article in place, keeping the id.
            try db.cachedStatement(sql: """
                UPDATE articles SET source = ?, content_hash = ?, raw_text = ?, date = ?, date_precision = ?, headline = ?,
                    body = ?, search_headline = ?, search_body = ?, updated_at = ? WHERE id = ?
                """).execute(arguments: [article.source, hash, article.raw, article.date?.description, article.date?.precision.rawValue,
                                 article.headline, article.body, FrenchAnalyzer.indexText(article.headline),
                                 FrenchAnalyzer.indexText(article.body), now, previous])
            try db.cachedStatement(sql: "DELETE FROM article_sections WHERE article_id = ?").execute(arguments: [previous])
            articleID = previous
            outcome = .updated
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO articles(source, content_hash, raw_text, date, date_precision, headline, body,
                                     search_headline, search_body, ingested_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [article.source, hash, article.raw, article.date?.description, article.date?.precision.rawValue,
                                 article.headline, article.body, FrenchAnalyzer.indexText(article.headline),
                                 FrenchAnalyzer.indexText(article.body), now, now])
            articleID = db.lastInsertedRowID
            outcome = previous == nil ? .new : .updated
        }
        try upsertSource(db, source, articleID: articleID, now: now)
        let offsets = TextOffsets(article.raw)
        for (seq, section) in article.setApart.enumerated() {
            try db.cachedStatement(sql: """
                INSERT INTO article_sections(article_id, seq, kind, text, start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?)
                """).execute(arguments: [articleID, seq, section.kind.rawValue, section.text,
                                 offsets.characterOffset(ofByte: section.range.lowerBound),
                                 offsets.characterOffset(ofByte: section.range.upperBound)])
        }
        try FactStore.replace(db, articleID: articleID, article: article, facts: facts, offsets: offsets,
                              extractorVersion: extractorVersion, reference: reference)
        return outcome
    }

    private static func upsertSource(_ db: Database, _ s: Source, articleID: Int64, now: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO article_sources(path, article_id, name, size, mtime, first_seen, last_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET article_id = excluded.article_id, size = excluded.size,
                mtime = excluded.mtime, last_seen = excluded.last_seen, missing_since = NULL
            """).execute(arguments: [s.path, articleID, s.name, s.size, s.mtime, now, now])
    }

    /// Deletes an article no file points to any more (its facts go with it: ON DELETE CASCADE).
    private static func deleteIfOrphan(_ db: Database, _ id: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM articles WHERE id = ? AND NOT EXISTS (SELECT 1 FROM article_sources WHERE article_id = ?)").execute(arguments: [id, id])
    }
}

