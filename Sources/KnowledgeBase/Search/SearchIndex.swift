import Foundation
import Synchronization
import GRDB
import FrenchText
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Keeps the search side of the database in step with the analyzer: the term → stem vocabulary
/// (`search_terms`) and the analysed columns, re-analysed when `FrenchAnalyzer.version` changes.
enum SearchIndex {
    /// Called by the ingest after it wrote an article's row with `searchTexts` (its search_headline
    /// and search_body, as stored): records the article's new terms (the FTS index itself follows
    /// through the triggers of migration 001). The first call on a connection also re-analyses
    /// stored articles if they were analysed by another version. The caller passes the texts it
    /// just stored rather than this reading them back: one statement less per article.
    static func articleWritten(_ db: Database, searchTexts: [String]) throws {
        let cache = TermCache.for(db)
        if !cache.versionChecked {
            if try storedVersion(db) != FrenchAnalyzer.version { try reindex(db) }
            else if try !variantsAreCurrent(db) { try rebuildVariants(db) }
            cache.versionChecked = true
        }
        try record(db, terms: searchTexts, cache: cache)
    }

    /// FTS5's default: segments merged as they accumulate, a little at each commit.
    static let defaultAutomerge = 4

    /// Before writing articles: a bulk load leaves segments unmerged until `finishBulk` (merging at
    /// every commit rewrites the same index pages again and again). A run killed during a bulk load
    /// leaves automerge off; the next ingest sets it again either way, so nothing stays unmerged.
    static func setAutomerge(_ db: Database, bulk: Bool) throws {
        try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', ?)", arguments: [bulk ? 0 : defaultAutomerge])
    }

    /// After a bulk load: automerge back on, and the segments it left merged — all into one when
    /// the run wrote a good part of the index (`optimize`), else by incremental merge steps.
    static func finishBulk(_ db: Database, written: Int) throws {
        try setAutomerge(db, bulk: false)
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0
        if written * 4 >= total {
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
            return
        }
        // Each step merges up to 500 pages; fewer than 2 changes means nothing was left to merge.
        for _ in 0..<10_000 {
            let before = db.totalChangesCount
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('merge', 500)")
            if db.totalChangesCount - before < 2 { break }
        }
    }

    /// Re-analyses every article and rebuilds the vocabulary; returns the number of articles.
    @discardableResult
    static func reindex(_ db: Database) throws -> Int {
        var count = 0
        var last: Int64 = 0
        let update = try db.cachedStatement(sql: "UPDATE articles SET search_headline = ?, search_body = ? WHERE id = ?")
        // In batches: 100,000 analysed bodies need not be in memory at once, and rows are not
        // updated under an open cursor.
        while true {
            let rows = try Row.fetchAll(db, sql: "SELECT id, headline, \(ArticleStore.bodySQL("articles.id")) AS body FROM articles WHERE id > ? ORDER BY id LIMIT 500", arguments: [last])
            guard let end = rows.last else { break }
            for row in rows {
                try update.execute(arguments: [FrenchAnalyzer.indexText(row["headline"]), FrenchAnalyzer.indexText(row["body"]), row["id"] as Int64])
            }
            count += rows.count
            last = end["id"]
        }
        // The vocabulary is rebuilt from the index itself, so it also drops terms of deleted articles.
        try db.execute(sql: "DELETE FROM search_variants")
        try db.execute(sql: "DELETE FROM search_terms")
        let insert = try db.cachedStatement(sql: "INSERT INTO search_terms(term, stem) VALUES (?, ?)")
        let variants = try VariantWriter(db)
        for term in try String.fetchAll(db, sql: "SELECT term FROM search_vocabulary") {
            try insert.execute(arguments: [term, FrenchAnalyzer.stem(term)])
            try variants.add(term)
        }
        try db.execute(sql: "INSERT OR REPLACE INTO kb_meta(key, value) VALUES ('analyzer_version', ?), ('search_variants_version', ?)",
                       arguments: [FrenchAnalyzer.version, Self.variantsVersion])
        TermCache.for(db).reset()
        return count
    }

    static func storedVersion(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM kb_meta WHERE key = 'analyzer_version'")
    }

    /// True when the stored analysis is current (an empty database is always current).
    static func isCurrent(_ db: Database) throws -> Bool {
        if try storedVersion(db) == FrenchAnalyzer.version { return true }
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM articles LIMIT 1)") == 0
    }

    private static func record(_ db: Database, terms texts: [String], cache: TermCache) throws {
        let fresh = cache.unknownTerms(in: texts)
        guard !fresh.isEmpty else { return }
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO search_terms(term, stem) VALUES (?, ?)")
        let variants = try VariantWriter(db)
        var added: [String] = []
        for term in fresh {
            let t = String(term)
            try insert.execute(arguments: [t, FrenchAnalyzer.stem(t)])
            if db.changesCount > 0 { try variants.add(t) }
            added.append(t)
        }
        // Only a committed transaction makes the terms known: a rolled-back article must write them again.
        cache.pend(added)
        db.afterNextTransaction(onCommit: { _ in cache.commitPending() }, onRollback: { _ in cache.dropPending() })
    }
}

extension SearchIndex {
    /// Version of what `search_variants` holds (the deletion and skeleton rules of `Spelling`).
    static let variantsVersion = "2"

    static func variantsAreCurrent(_ db: Database) throws -> Bool {
        try String.fetchOne(db, sql: "SELECT value FROM kb_meta WHERE key = 'search_variants_version'") == variantsVersion
    }

    /// Rebuilds the spelling variants of every indexed term (a database from before they existed,
    /// or after the rules changed).
    static func rebuildVariants(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM search_variants")
        let variants = try VariantWriter(db)
        for term in try String.fetchAll(db, sql: "SELECT term FROM search_terms") { try variants.add(term) }
        try db.execute(sql: "INSERT OR REPLACE INTO kb_meta(key, value) VALUES ('search_variants_version', ?)", arguments: [variantsVersion])
    }

    /// Writes a term's deletions and skeleton; words of fewer than four letters and anything with a
    /// digit get none (they match exactly or not at all).
    ///
    /// A new term writes about ten rows: bound and stepped directly (SQLite's C calls), because
    /// GRDB's argument conversion cost more than SQLite's insert itself (callgrind: the variants
    /// were half of the ingest writer's instructions). The statement's SQL is its own (the
    /// comment), so no GRDB-driven use of the cached statement shares its bindings.
    struct VariantWriter {
        let insert: Statement
        let db: Database
        init(_ db: Database) throws {
            self.db = db
            insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO search_variants(variant, kind, term) VALUES (?, ?, ?) -- bound directly")
        }
        func add(_ term: String) throws {
            guard Spelling.isWord(term) else { return }
            for d in Spelling.deletions(term) { try write(d, Self.deletion, term) }
            let skeleton = Transliteration.skeleton(word: term)
            if skeleton != term { try write(skeleton, Self.skeleton, term) }
        }

        /// `search_variants.kind` (the view `search_term_variants` spells them out).
        static let deletion: Int32 = 0, skeleton: Int32 = 1

        private func write(_ variant: String, _ kind: Int32, _ term: String) throws {
            let s = insert.sqliteStatement
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            sqlite3_reset(s)
            var code = variant.withCString { sqlite3_bind_text(s, 1, $0, -1, transient) }
            if code == SQLITE_OK { code = sqlite3_bind_int(s, 2, kind) }
            if code == SQLITE_OK { code = term.withCString { sqlite3_bind_text(s, 3, $0, -1, transient) } }
            if code == SQLITE_OK { code = sqlite3_step(s) }
            sqlite3_reset(s)
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                    sql: "INSERT OR IGNORE INTO search_variants(variant, kind, term) VALUES (?, ?, ?)")
            }
        }
    }
}

extension KnowledgeBase {
    /// Re-analyses every stored article with the current French analyzer and rebuilds the search
    /// vocabulary. Run automatically when `FrenchAnalyzer.version` differs from the database's.
    @discardableResult
    public func reindex() throws -> Int {
        try wrap { try dbQueue.write { db in try SearchIndex.reindex(db) } }
    }

    /// Runs FTS5's integrity check against the articles table; throws when the index is out of step.
    public func checkSearchIndex() throws {
        try wrap {
            try dbQueue.write { db in
                try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
            }
        }
    }

    /// Brings the analysed columns up to date before a search, or says how to.
    func ensureSearchIndexCurrent() throws {
        if try wrap({ try dbQueue.read(SearchIndex.isCurrent) }) {
            // Spelling variants are an aid: a read-only reader of an older database searches without them.
            if !dbQueue.configuration.readonly, try !wrap({ try dbQueue.read(SearchIndex.variantsAreCurrent) }) {
                try wrap { try dbQueue.write { db in try SearchIndex.rebuildVariants(db) } }
            }
            return
        }
        if dbQueue.configuration.readonly {
            throw KBError.searchIndexOutdated(path: path)
        }
        try reindex()
    }
}

/// Terms known to be in `search_terms`, per connection, so an ingest writes each term once.
///
/// Compiler-checked: the state is behind a `Mutex` (one lock per article, not per term), and the
/// registry of caches is a `Mutex` too. A cache is dropped when its connection is: the connection
/// holds a SQL function whose closure owns a `ConnectionLifetime`, released with the connection
/// and removing the entry before the connection's memory (hence its `ObjectIdentifier`) can be
/// reused by a new connection.
final class TermCache: Sendable {
    struct State: Sendable {
        var known: Set<String> = []
        var pending: [String] = []
        var versionChecked = false
    }
    private let state = Mutex(State())

    private static let caches = Mutex<[ObjectIdentifier: TermCache]>([:])

    /// The cache of this connection; a new connection starts from empty.
    static func `for`(_ db: Database) -> TermCache {
        let key = ObjectIdentifier(db)
        if let c = caches.withLock({ $0[key] }) { return c }
        let c = TermCache()
        caches.withLock { $0[key] = c }
        let lifetime = ConnectionLifetime(key)
        db.add(function: DatabaseFunction("kb_term_cache_lifetime", argumentCount: 0, pure: true) { _ in
            withExtendedLifetime(lifetime) { nil as Int? }
        })
        return c
    }

    private final class ConnectionLifetime: Sendable {
        let key: ObjectIdentifier
        init(_ key: ObjectIdentifier) { self.key = key }
        deinit { let key = self.key; TermCache.caches.withLock { _ = $0.removeValue(forKey: key) } }
    }

    var versionChecked: Bool {
        get { state.withLock { $0.versionChecked } }
        set { state.withLock { $0.versionChecked = newValue } }
    }
    /// The terms of `texts` not known yet, each once, in order of appearance.
    func unknownTerms(in texts: [String]) -> [Substring] {
        state.withLock { state in
            var fresh: [Substring] = []
            var seen = Set<Substring>()  // a body repeats its terms: each new one is inserted once, not per occurrence
            for text in texts {
                for term in text.split(separator: " ") where seen.insert(term).inserted && !state.known.contains(String(term)) { fresh.append(term) }
            }
            return fresh
        }
    }
    func pend(_ terms: [String]) { state.withLock { $0.pending.append(contentsOf: terms) } }
    func commitPending() { state.withLock { $0.known.formUnion($0.pending); $0.pending = [] } }
    func dropPending() { state.withLock { $0.pending = [] } }
    func reset() { state.withLock { $0.known = []; $0.pending = [] } }
}
