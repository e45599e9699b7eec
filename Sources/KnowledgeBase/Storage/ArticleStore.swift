import Foundation
import ArticleFiles
import GRDB
import Extraction
import FrenchText

/// SQL for articles, their sources and set-apart sections.
enum ArticleStore {
    struct Source { let path: String; let name: String; let size: Int; let mtime: Double; var readAt: Double? = nil }

    /// What the database remembers of a file path.
    struct KnownSource {
        let articleID: Int64; let size: Int; let mtime: Double; let missing: Bool; var readAt: Double? = nil
        /// Modified within `FileIdentity.racyWindow` of the read: same size and time prove nothing.
        var isRacy: Bool { readAt.map { mtime >= $0 - FileIdentity.racyWindow } ?? false }
    }

    /// Every recorded source, loaded once per run: deciding « unchanged » then costs a `stat`.
    static func knownSources(_ db: Database) throws -> [String: KnownSource] {
        var result: [String: KnownSource] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT path, article_id, size, mtime, missing_since IS NOT NULL AS missing, read_at FROM article_sources")
        while let r = try rows.next() {
            result[r["path"]] = KnownSource(articleID: r["article_id"], size: r["size"], mtime: r["mtime"], missing: r["missing"], readAt: r["read_at"])
        }
        return result
    }

    static func articleID(_ db: Database, hash: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM articles WHERE content_hash = ?"), arguments: [hash])
    }

    /// Fingerprints an article's body and links it to the earliest stored article it nearly copies
    /// (`SimHash`, ≤ 3 of 64 bits apart). Returns that article's source, if any.
    /// `fingerprint`: of the body's analysed terms, as stored for search (`SearchTexts`, computed
    /// by a worker). A new article has no rows to delete.
    @discardableResult
    static func recordFingerprint(_ db: Database, articleID: Int64, fingerprint: UInt64?, isNew: Bool = false) throws -> String? {
        if !isNew { try db.cachedStatement(sql: "DELETE FROM near_duplicates WHERE article_id = ?").execute(arguments: [articleID]) }
        guard let f = fingerprint else {
            if !isNew { try db.cachedStatement(sql: "DELETE FROM article_fingerprints WHERE article_id = ?").execute(arguments: [articleID]) }
            return nil
        }
        let b = SimHash.blocks(f)
        try DirectStatement(db, sql: "INSERT OR REPLACE INTO article_fingerprints(article_id, simhash, b0, b1, b2, b3) VALUES (?, ?, ?, ?, ?, ?)")
            .run(.int(articleID), .int(Int64(bitPattern: f)), .int(Int64(b[0])), .int(Int64(b[1])), .int(Int64(b[2])), .int(Int64(b[3])))
        let candidates = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT article_id, simhash FROM article_fingerprints
            WHERE (b0 = ? OR b1 = ? OR b2 = ? OR b3 = ?) AND article_id <> ?
            """), arguments: [b[0], b[1], b[2], b[3], articleID])
        var best: (id: Int64, distance: Int)?
        for row in candidates {
            let other: Int64 = row["article_id"]
            let d = SimHash.distance(f, UInt64(bitPattern: row["simhash"]))
            if d <= 3, other < articleID, best == nil || (d, other) < (best!.distance, best!.id) { best = (other, d) }
        }
        guard let best else { return nil }
        // The group's earliest article is its original, so one look-up finds every copy.
        let original = try Int64.fetchOne(db.cachedStatement(sql: "SELECT original_id FROM near_duplicates WHERE article_id = ?"), arguments: [best.id]) ?? best.id
        try db.cachedStatement(sql: "INSERT INTO near_duplicates(article_id, original_id, distance) VALUES (?, ?, ?)")
            .execute(arguments: [articleID, original, best.distance])
        return try String.fetchOne(db.cachedStatement(sql: "SELECT source FROM articles WHERE id = ?"), arguments: [original])
    }

    /// Keeps the bytes an article was rendered from (an HTML page), for provenance.
    static func saveOriginal(_ db: Database, articleID id: Int64, mediaType: String, bytes: [UInt8]) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO article_originals(article_id, media_type, bytes) VALUES (?, ?, ?)")
            .execute(arguments: [id, mediaType, Data(bytes)])
    }

    /// Records `source` as a file of the stored article `articleID` (text already known): refreshes
    /// its size and time, or adds one more source. Nothing is extracted.
    static func attach(_ db: Database, _ source: Source, to articleID: Int64) throws -> IngestOutcome {
        let previous = try Int64.fetchOne(db.cachedStatement(sql: "SELECT article_id FROM article_sources WHERE path = ?"), arguments: [source.path])
        try upsertSource(db, source, articleID: articleID, now: Clock.nowISO())
        if let previous, previous != articleID {
            // The file now holds the text of another stored article.
            try deleteIfOrphan(db, previous)
            return .updated
        }
        return .unchanged
    }

    /// What `save` did: the outcome, the article's id, and whether its row was inserted now.
    struct Saved { let outcome: IngestOutcome; let articleID: Int64?; let inserted: Bool }

    /// Writes one article (new, changed or moved) with its facts; returns what happened. A new
    /// article's row is inserted whole (the FTS index gets it once, through its insert trigger) and
    /// nothing is deleted for it.
    /// `offsets`, `newTerms`: as computed by a worker (`ExtractedArticle`); computed here when absent.
    /// `indexLater`: the caller adds a new article's search row itself (`SearchIndex.indexArticles`,
    /// once per batch, outside the articles' savepoints); otherwise it is added here.
    static func save(_ db: Database, article: Article, facts: ArticleFacts, search: SearchTexts? = nil, offsets: TextOffsets? = nil,
                     indexLater: Bool = false,
                     newTerms: [SearchIndex.PreparedTerm]? = nil, personForms: [PersonResolver.Forms]? = nil, hash: String, source: Source,
                     extractorVersion: String, reference: ReferenceIndex) throws -> Saved {
        let search = search ?? SearchTexts(article)
        if let sameText = try articleID(db, hash: hash) { return Saved(outcome: try attach(db, source, to: sameText), articleID: sameText, inserted: false) }
        let now = Clock.nowISO()
        let previous = try Int64.fetchOne(db.cachedStatement(sql: "SELECT article_id FROM article_sources WHERE path = ?"), arguments: [source.path])
        if let previous, try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM article_sources WHERE article_id = ?"), arguments: [previous]) == 1 {
            // The file's content changed: update its article in place, keeping the id.
            try db.cachedStatement(sql: "UPDATE articles SET source = ?, content_hash = ?, raw_text = ?, updated_at = ? WHERE id = ?").execute(arguments: [article.source, hash, article.raw, now, previous])
            try upsertSource(db, source, articleID: previous, now: now)
            try writeDerived(db, articleID: previous, article: article, facts: facts, search: search, offsets: offsets, newTerms: newTerms,
                             personForms: personForms, extractorVersion: extractorVersion, reference: reference, now: now)
            return Saved(outcome: .updated, articleID: previous, inserted: false)
        }
        try SearchIndex.checkVersion(db)
        try db.cachedStatement(sql: """
            INSERT INTO articles(source, content_hash, raw_text, date, date_precision, headline, search_headline, search_body,
                ingested_at, updated_at, extractor_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [article.source, hash, article.raw, article.date?.description, article.date?.precision.rawValue,
                             article.headline, search.headline, search.body, now, now, extractorVersion])
        let articleID = db.lastInsertedRowID
        if !indexLater { try SearchIndex.indexArticles(db, ids: [articleID]) }
        try upsertSource(db, source, articleID: articleID, now: now)
        // The body before the search index: its first use may re-analyse every stored body, this one's too.
        let offsets = offsets ?? TextOffsets(article.raw)
        try insertParagraphs(db, articleID: articleID, article: article, offsets: offsets)
        try SearchIndex.articleWritten(db, search: search, prepared: newTerms)
        try insertSections(db, articleID: articleID, article: article, offsets: offsets)
        try FactStore.replace(db, articleID: articleID, article: article, facts: facts, offsets: offsets,
                              extractorVersion: extractorVersion, reference: reference, inserted: true, personForms: personForms)
        return Saved(outcome: previous == nil ? .new : .updated, articleID: articleID, inserted: true)
    }

    /// Rewrites what is derived from an article's raw text (date, headline, body paragraphs, search
    /// columns, sections, facts), as after an extractor upgrade. The raw text and sources are untouched.
    /// `factsRemoved`: the caller already removed the article's facts.
    static func writeDerived(_ db: Database, articleID: Int64, article: Article, facts: ArticleFacts, search: SearchTexts? = nil,
                             offsets: TextOffsets? = nil, newTerms: [SearchIndex.PreparedTerm]? = nil,
                             personForms: [PersonResolver.Forms]? = nil, extractorVersion: String, reference: ReferenceIndex, now: String = Clock.nowISO(),
                             factsRemoved: Bool = false) throws {
        // Only changed columns are written: an unchanged search text must not churn the FTS index.
        let search = search ?? SearchTexts(article)
        let searchHeadline = search.headline, searchBody = search.body
        try db.cachedStatement(sql: """
            UPDATE articles SET date = ?1, date_precision = ?2, headline = ?3, search_headline = ?4, search_body = ?5,
                updated_at = ?6
            WHERE id = ?7 AND (date IS NOT ?1 OR date_precision IS NOT ?2 OR headline IS NOT ?3
                OR search_headline IS NOT ?4 OR search_body IS NOT ?5)
            """).execute(arguments: [article.date?.description, article.date?.precision.rawValue, article.headline,
                             searchHeadline, searchBody, now, articleID])
        try db.cachedStatement(sql: "DELETE FROM article_paragraphs WHERE article_id = ?").execute(arguments: [articleID])
        let offsets = offsets ?? TextOffsets(article.raw)
        try insertParagraphs(db, articleID: articleID, article: article, offsets: offsets)
        try SearchIndex.articleWritten(db, search: search, prepared: newTerms)
        try db.cachedStatement(sql: "DELETE FROM article_sections WHERE article_id = ?").execute(arguments: [articleID])
        try insertSections(db, articleID: articleID, article: article, offsets: offsets)
        try FactStore.replace(db, articleID: articleID, article: article, facts: facts, offsets: offsets,
                              extractorVersion: extractorVersion, reference: reference, removeFirst: !factsRemoved,
                              personForms: personForms)
    }

    /// The body is stored as its paragraphs' places in the raw text, not as a second copy of it
    /// (view `article_bodies`; `body(_:articleID:)`).
    private static func insertParagraphs(_ db: Database, articleID: Int64, article: Article, offsets: TextOffsets) throws {
        guard !article.paragraphs.isEmpty else { return }
        let insert = try DirectStatement(db, sql: "INSERT INTO article_paragraphs(article_id, seq, start_offset, end_offset) VALUES (?, ?, ?, ?)")
        for (seq, range) in article.paragraphs.enumerated() {
            try insert.run(.int(articleID), .int(Int64(seq)), .int(Int64(offsets.characterOffset(ofByte: range.lowerBound))),
                           .int(Int64(offsets.characterOffset(ofByte: range.upperBound))))
        }
    }

    /// The cleaned body of a stored article, cut out of its raw text (as `Article.body`).
    static func body(_ db: Database, articleID: Int64) throws -> String {
        try String.fetchOne(db.cachedStatement(sql: "SELECT body FROM article_bodies WHERE article_id = ?"), arguments: [articleID]) ?? ""
    }

    /// SQL for the body of the article whose id is `idColumn` (a column of the enclosing query).
    static func bodySQL(_ idColumn: String) -> String { "(SELECT body FROM article_bodies WHERE article_id = \(idColumn))" }

    private static func insertSections(_ db: Database, articleID: Int64, article: Article, offsets: TextOffsets) throws {
        guard !article.setApart.isEmpty else { return }
        let insert = try DirectStatement(db, sql: """
            INSERT INTO article_sections(article_id, seq, kind, text, start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (seq, section) in article.setApart.enumerated() {
            try insert.run(.int(articleID), .int(Int64(seq)), .text(section.kind.rawValue), .text(section.text),
                           .int(Int64(offsets.characterOffset(ofByte: section.range.lowerBound))),
                           .int(Int64(offsets.characterOffset(ofByte: section.range.upperBound))))
        }
    }

    /// Marks a source whose file disappeared (`kb ingest --prune`). Nothing is deleted.
    static func markMissing(_ db: Database, path: String, now: String) throws {
        try db.cachedStatement(sql: "UPDATE article_sources SET missing_since = ? WHERE path = ? AND missing_since IS NULL").execute(arguments: [now, path])
    }

    private static func upsertSource(_ db: Database, _ s: Source, articleID: Int64, now: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO article_sources(path, article_id, name, size, mtime, first_seen, last_seen, read_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET article_id = excluded.article_id, size = excluded.size,
                mtime = excluded.mtime, last_seen = excluded.last_seen, missing_since = NULL, read_at = excluded.read_at
            """).execute(arguments: [s.path, articleID, s.name, s.size, s.mtime, now, now, s.readAt])
    }

    /// Deletes an article no file points to any more (its facts go with it: ON DELETE CASCADE).
    private static func deleteIfOrphan(_ db: Database, _ id: Int64) throws {
        guard try !Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM article_sources WHERE article_id = ?)"), arguments: [id])! else { return }
        try FactStore.removeFacts(db, articleID: id)
        try db.cachedStatement(sql: "DELETE FROM articles WHERE id = ?").execute(arguments: [id])
    }
}
