import GRDB

/// One consistency check of `kb check`.
public struct CheckResult: Sendable, Codable, Equatable {
    public var check: String
    public var ok: Bool
    public var detail: String
}

extension KnowledgeBase {
    /// Checks the database: SQLite integrity, foreign keys, the full-text index against the
    /// articles, and kb's own invariants (every article complete, one extractor version).
    /// Safe while an ingest runs: everything but the full-text check reads one snapshot; the
    /// full-text check must take SQLite's write lock (FTS5 runs it as an INSERT, rolled back),
    /// so it waits for the article being written and holds up the ingest only while it runs.
    public func check() throws -> [CheckResult] {
        try wrap {
            try dbQueue.writeWithoutTransaction { db in
                var results: [CheckResult] = []
                try db.inTransaction(.deferred) {
                    results = try Checks.all(db)
                    return .rollback
                }
                try db.inTransaction(.immediate) {
                    results.insert(Checks.fullText(db), at: min(2, results.count))
                    return .rollback
                }
                return results
            }
        }
    }
}

enum Checks {
    static func all(_ db: Database) throws -> [CheckResult] {
        var r: [CheckResult] = []
        let integrity = try integrityProblems(db)
        r.append(CheckResult(check: "integrity", ok: integrity.isEmpty, detail: integrity.isEmpty ? "ok" : sample(integrity)))

        let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row -> String in
            let table: String = row[0], parent: String = row[2]
            let rowid: Int64? = row[1]
            return "\(table) row \(rowid.map(String.init) ?? "?") → missing \(parent)"
        }
        r.append(CheckResult(check: "foreign keys", ok: fk.isEmpty, detail: fk.isEmpty ? "ok" : "\(fk.count) broken: " + sample(fk)))


        let noSource = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_sources s WHERE s.article_id = a.id)
            """) ?? 0
        r.append(CheckResult(check: "article sources", ok: noSource == 0,
                             detail: noSource == 0 ? "ok" : "\(noSource) article(s) with no source file recorded"))

        let unextracted = try Int.fetchOne(db, sql: "SELECT count(*) FROM articles WHERE extractor_version IS NULL") ?? 0
        let versions = try String.fetchAll(db, sql: """
            SELECT extractor_version FROM articles WHERE extractor_version IS NOT NULL
            UNION SELECT extractor_version FROM evidence
            """)
        // Re-extraction runs in batches: articles may differ in version until it ends, but each
        // article's facts come from the version recorded with it.
        let mixed = try Int.fetchOne(db, sql: """
            SELECT count(DISTINCT a.id) FROM evidence_spans e JOIN articles a ON a.id = e.article_id
            WHERE e.extractor_version IS NOT a.extractor_version
            """) ?? 0
        let versionsOK = unextracted == 0 && mixed == 0
        r.append(CheckResult(check: "extractor versions", ok: versionsOK, detail: versionsOK
            ? (versions.count <= 1 ? versions.first.map { "all facts from version \($0)" } ?? "ok"
               : "versions \(versions.joined(separator: ", ")): a re-extraction is in progress (the next kb ingest continues it)")
            : "\(unextracted) article(s) never extracted, \(mixed) with facts from another version than their own; versions present: \(versions.joined(separator: ", ")) (run kb reextract)"))

        let badEvidence = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM evidence e JOIN articles a ON a.id = e.article_id
            WHERE e.end_offset > length(a.raw_text)
            """) ?? 0
        r.append(CheckResult(check: "evidence offsets", ok: badEvidence == 0,
                             detail: badEvidence == 0 ? "ok" : "\(badEvidence) evidence row(s) point past the end of their article"))
        return r
    }

    /// FTS5 `integrity-check`; rank = 1 also compares the index with its content table (articles).
    static func fullText(_ db: Database) -> CheckResult {
        do {
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
            return CheckResult(check: "full-text index", ok: true, detail: "ok")
        } catch let e as DatabaseError {
            return CheckResult(check: "full-text index", ok: false, detail: "\(e.message ?? "\(e.resultCode)") (rebuild it with "
                               + "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild'))")
        } catch {
            return CheckResult(check: "full-text index", ok: false, detail: "\(error)")
        }
    }

    /// `PRAGMA integrity_check`, minus the false « NULL value in T.C » reports of SQLite 3.40
    /// (WITHOUT ROWID tables whose NOT NULL column precedes a primary-key column, e.g.
    /// organisation_names.name; fixed in SQLite 3.41): each is verified with a direct query and
    /// kept only when a NULL is really there. Empty when the database is sound.
    static func integrityProblems(_ db: Database) throws -> [String] {
        let lines = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        if lines == ["ok"] { return [] }
        var verified: [String: Bool] = [:]
        return try lines.filter { line in
            guard line.hasPrefix("NULL value in "), case let parts = line.dropFirst(14).split(separator: "."), parts.count == 2,
                  let table = parts.first.map(String.init), let column = parts.last.map(String.init),
                  try db.tableExists(table) else { return true }
            if let known = verified[line] { return known }
            let real = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table.quotedDatabaseIdentifier) WHERE \(column.quotedDatabaseIdentifier) IS NULL)") ?? true
            verified[line] = real
            return real
        }
    }

    private static func sample(_ lines: [String]) -> String {
        lines.count <= 5 ? lines.joined(separator: "; ") : lines.prefix(5).joined(separator: "; ") + "; … (\(lines.count) in all)"
    }
}
