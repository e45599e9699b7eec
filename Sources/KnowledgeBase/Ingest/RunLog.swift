import GRDB
import ArticleFiles

/// One row of the run log (`ingest_runs`).
public struct IngestRun: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// Still running, or killed: the next run marks it `interrupted`.
        case running
        /// Every file ingested (possibly with warnings).
        case ok
        /// Complete, but some files were skipped.
        case partial
        /// Stopped by an error (database, usage): see `error`.
        case failed
        /// The process died (killed, crashed, power cut) before finishing.
        case interrupted
    }

    public var id: Int64
    public var command: String
    public var startedAt: String
    public var finishedAt: String?
    public var status: Status
    public var extractorVersion: String
    public var paths: [String]
    public var files, new, updated, unchanged, skipped, warnings, missing, reextracted: Int
    /// Files skipped before and unchanged since (not read, not reported again).
    public var stillSkipped: Int
    public var error: String?
}

extension KnowledgeBase {
    /// The most recent runs, newest first.
    public func recentRuns(limit: Int = 20) throws -> [IngestRun] {
        try wrap { try dbQueue.read { db in try RunLog.fetch(db, sql: "ORDER BY id DESC LIMIT ?", arguments: [limit]) } }
    }

    /// One run (the latest when `id` is nil) and its per-file problems.
    public func run(id: Int64?) throws -> (IngestRun, [FileProblem])? {
        try wrap {
            try dbQueue.read { db in
                let runs = try id.map { try RunLog.fetch(db, sql: "WHERE id = ?", arguments: [$0]) }
                    ?? RunLog.fetch(db, sql: "ORDER BY id DESC LIMIT 1", arguments: [])
                guard let run = runs.first else { return nil }
                let problems = try Row.fetchAll(db, sql: "SELECT path, kind, severity, reason FROM ingest_problems WHERE run_id = ? ORDER BY id",
                                                arguments: [run.id]).map {
                    FileProblem(path: $0["path"], kind: FileProblem.Kind(rawValue: $0["kind"]) ?? .other, reason: $0["reason"],
                                severity: FileProblem.Severity(rawValue: $0["severity"]) ?? .warning)
                }
                return (run, problems)
            }
        }
    }
}

/// SQL for the run log.
enum RunLog {
    /// Records a new run as `running`. Runs still `running` belong to processes that died
    /// (we hold the writer lock, so none is alive): they become `interrupted`.
    static func start(_ db: Database, command: String, paths: [String], extractorVersion: String) throws -> Int64 {
        try db.execute(sql: "UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'")
        try db.execute(sql: """
            INSERT INTO ingest_runs(command, started_at, status, extractor_version, paths) VALUES (?, ?, 'running', ?, ?)
            """, arguments: [command, Clock.nowISO(), extractorVersion, paths.joined(separator: "\n")])
        return db.lastInsertedRowID
    }

    /// Stores the counts so far and the problems not yet written (in the caller's transaction,
    /// so the log of a killed run matches what it committed).
    static func progress(_ db: Database, runID: Int64, _ s: IngestSummary, newProblems: ArraySlice<FileProblem>) throws {
        try db.execute(sql: """
            UPDATE ingest_runs SET files = ?, new = ?, updated = ?, unchanged = ?, skipped = ?, warnings = ?, missing = ?,
                reextracted = ?, still_skipped = ? WHERE id = ?
            """, arguments: [s.files, s.new, s.updated, s.unchanged, s.skipped, s.warnings, s.missing, s.reextracted, s.stillSkipped, runID])
        for p in newProblems {
            try db.execute(sql: "INSERT INTO ingest_problems(run_id, path, kind, severity, reason) VALUES (?, ?, ?, ?, ?)",
                           arguments: [runID, p.path, p.kind.rawValue, p.severity.rawValue, p.reason])
            if p.severity == .skipped, let id = p.identity { try SkipMemory.remember(db, p, id, runID: runID) }
        }
    }

    static func finish(_ db: Database, runID: Int64, _ s: IngestSummary, newProblems: ArraySlice<FileProblem>, error: String?) throws {
        try progress(db, runID: runID, s, newProblems: newProblems)
        let status: IngestRun.Status = error != nil ? .failed : s.skipped > 0 ? .partial : .ok
        try db.execute(sql: "UPDATE ingest_runs SET status = ?, finished_at = ?, error = ? WHERE id = ?",
                       arguments: [status.rawValue, Clock.nowISO(), error, runID])
    }

    static func fetch(_ db: Database, sql: String, arguments: StatementArguments) throws -> [IngestRun] {
        try Row.fetchAll(db, sql: "SELECT * FROM ingest_runs " + sql, arguments: arguments).map { r in
            let paths: String = r["paths"]
            return IngestRun(id: r["id"], command: r["command"], startedAt: r["started_at"], finishedAt: r["finished_at"],
                             status: IngestRun.Status(rawValue: r["status"]) ?? .failed, extractorVersion: r["extractor_version"],
                             paths: paths.isEmpty ? [] : paths.components(separatedBy: "\n"),
                             files: r["files"], new: r["new"], updated: r["updated"], unchanged: r["unchanged"],
                             skipped: r["skipped"], warnings: r["warnings"], missing: r["missing"],
                             reextracted: r["reextracted"], stillSkipped: r["still_skipped"], error: r["error"])
        }
    }
}

/// A file skipped by an earlier run, as `kb runs --skipped` lists it.
public struct SkippedFile: Sendable, Codable, Equatable {
    public var path: String
    public var kind: FileProblem.Kind
    /// Why, for people (names no command-line flag).
    public var reason: String
    /// The run that first skipped it in its present state, and the last that found it unchanged.
    public var firstRun: Int64
    public var lastRun: Int64
}

extension KnowledgeBase {
    /// Files skipped and not ingested since, oldest first.
    public func skippedFiles() throws -> [SkippedFile] {
        try wrap {
            try dbQueue.read { db in
                try Row.fetchAll(db, sql: "SELECT path, kind, reason, first_run, last_run FROM skipped_files ORDER BY first_run, path").map {
                    SkippedFile(path: $0["path"], kind: FileProblem.Kind(rawValue: $0["kind"]) ?? .other, reason: $0["reason"], firstRun: $0["first_run"], lastRun: $0["last_run"])
                }
            }
        }
    }
}

/// `skipped_files`: what was skipped, so that it is reported once per change of the file.
enum SkipMemory {
    static func load(_ db: Database) throws -> [String: FileIdentity] {
        var result: [String: FileIdentity] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT path, size, mtime, ctime, read_at FROM skipped_files") {
            result[r["path"]] = FileIdentity(size: r["size"], mtime: r["mtime"], ctime: r["ctime"], readAt: r["read_at"])
        }
        return result
    }

    static func remember(_ db: Database, _ p: FileProblem, _ id: FileIdentity, runID: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO skipped_files(path, size, mtime, ctime, read_at, reason, first_run, last_run, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)
            ON CONFLICT(path) DO UPDATE SET size = ?2, mtime = ?3, ctime = ?4, read_at = ?5, reason = ?6, last_run = ?7, kind = ?8,
                first_run = CASE WHEN size = ?2 AND mtime = ?3 AND ctime = ?4 THEN first_run ELSE ?7 END
            """).execute(arguments: [p.path, id.size, id.mtime, id.ctime, id.readAt, p.reason, runID, p.kind.rawValue])
    }

    static func touch(_ db: Database, paths: [String], runID: Int64) throws {
        for p in paths {
            try db.cachedStatement(sql: "UPDATE skipped_files SET last_run = ? WHERE path = ?").execute(arguments: [runID, p])
        }
    }

    static func forget(_ db: Database, path: String) throws {
        try db.cachedStatement(sql: "DELETE FROM skipped_files WHERE path = ?").execute(arguments: [path])
    }
}
