import Foundation
import GRDB
import Extraction

extension KnowledgeBase {
    /// Re-extracts every stored article from its raw text with this kb's extractor (`kb reextract`;
    /// `kb ingest` does it by itself when the extractor version changed). Takes the writer lock
    /// and logs the run.
    public func reextract(progress: ((IngestEvent) -> Void)? = nil) throws -> IngestSummary {
        try logged(command: "reextract", paths: []) { run in
            run.summary.reextracted = try reextractAll(run: &run, progress: progress)
        }
    }

    /// The re-extraction itself, in ONE transaction: readers see all facts from the old version
    /// until the commit, then all from the new; a crash rolls everything back and the next run
    /// starts again. All facts are removed first, then re-added article by article in id order,
    /// so cross-article merging ends exactly as if the articles had been ingested afresh.
    func reextractAll(run: inout RunState, progress: ((IngestEvent) -> Void)?) throws -> Int {
        let runID = run.runID
        var problems: [FileProblem] = []
        defer { for p in problems { run.summary.add(p) } }
        return try wrap {
            try dbQueue.write { db in
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM articles ORDER BY id")
                for id in ids { try FactStore.removeFacts(db, articleID: id) }
                for (i, id) in ids.enumerated() {
                    guard let row = try Row.fetchOne(db, sql: "SELECT source, raw_text, content_hash, (SELECT path FROM article_sources WHERE article_id = articles.id ORDER BY path LIMIT 1) AS path FROM articles WHERE id = ?", arguments: [id]) else { continue }
                    let source: String = row["source"], hash: String = row["content_hash"]
                    if let crashed = try CrashStore.crashedRun(db, hash: hash) {
                        try db.execute(sql: "UPDATE articles SET extractor_version = ? WHERE id = ?", arguments: [FactExtractor.version, id])
                        problems.append(FileProblem(path: row["path"] ?? source, reason: "re-extraction crashed kb (extractor version \(FactExtractor.version)) on article \(id) in run \(crashed): kept without facts until kb's extractor changes", severity: .skipped))
                        continue
                    }
                    let raw: String = row["raw_text"]
                    let (article, facts) = CrashGuard.extracting(phase: "reextract", runID: runID, hash: hash, path: row["path"] ?? source) {
                        TestHooks.trapIfRequested(raw)
                        return extractor.process(raw: raw, source: source)
                    }
                    try ArticleStore.writeDerived(db, articleID: id, article: article, facts: facts,
                                                  extractorVersion: FactExtractor.version, reference: referenceIndex)
                    progress?(IngestEvent(phase: .reextract, path: source, outcome: .reextracted, index: i + 1, total: ids.count))
                }
                return ids.count - problems.count
            }
        }
    }

    /// Runs `body` as one logged run under the writer lock: the run is recorded as `running`
    /// before anything else is written, and finished as ok / partial / failed.
    func logged(command: String, paths: [String], _ body: (inout RunState) throws -> Void) throws -> IngestSummary {
        let lock = try WriterLock.acquire(databasePath: path)
        return try withExtendedLifetime(lock) {
            let started = Date()
            try wrap { try dbQueue.write { db in try ReferenceStore.sync(db, referenceIndex) } }
            let runID = try wrap {
                try dbQueue.write { db in try RunLog.start(db, command: command, paths: paths, extractorVersion: FactExtractor.version) }
            }
            var run = RunState(runID: runID)
            if let crash = CrashGuard.pendingCrash(databasePath: path) {
                try wrap { try dbQueue.write { db in try CrashStore.record(db, crash, continuedBy: runID) } }
            }
            CrashGuard.begin(databasePath: path)
            defer { CrashGuard.end() }
            do {
                try body(&run)
            } catch {
                // The log keeps what was committed: the counts of the batch that rolled back are not work done.
                var done = run.committedSummary
                done.seconds = Date().timeIntervalSince(started)
                let message = (error as? KBError)?.description ?? "\(error)"
                try? dbQueue.write { db in try RunLog.finish(db, runID: runID, done, newProblems: done.problems[run.loggedCount...], error: message) }
                throw error
            }
            run.summary.seconds = Date().timeIntervalSince(started)
            try wrap { try dbQueue.write { db in try RunLog.finish(db, runID: runID, run.summary, newProblems: run.unlogged, error: nil) } }
            return run.summary
        }
    }
}

/// A run in progress: its summary, and how many of its problems are already in the log.
struct RunState {
    var summary: IngestSummary
    private var loggedProblems = 0
    private var pendingLogged = 0

    /// The summary as of the last commit.
    private(set) var committedSummary: IngestSummary
    var loggedCount: Int { loggedProblems }

    init(runID: Int64) {
        summary = IngestSummary(runID: runID)
        committedSummary = summary
    }

    var unlogged: ArraySlice<FileProblem> { summary.problems[loggedProblems...] }
    var runID: Int64 { summary.runID! }

    /// Writes counts and new problems in the caller's transaction; `committed()` once it commits.
    mutating func logProgress(_ db: Database) throws {
        try RunLog.progress(db, runID: runID, summary, newProblems: unlogged)
        pendingLogged = summary.problems.count
        pendingSummary = summary
    }
    private var pendingSummary: IngestSummary?

    mutating func committed() {
        loggedProblems = pendingLogged
        if let s = pendingSummary { committedSummary = s }
    }
}

enum Reextraction {
    /// True when some stored article was extracted by another extractor version (or none).
    static func isNeeded(_ db: Database, version: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM articles WHERE extractor_version IS NOT ?)", arguments: [version]) ?? false
    }
}

/// Texts whose extraction crashed kb (`crashed_texts`), found through `CrashGuard`'s marker.
enum CrashStore {
    /// The run that crashed on this text with this extractor version, if any.
    static func crashedRun(_ db: Database, hash: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT run_id FROM crashed_texts WHERE content_hash = ? AND extractor_version = ?"),
                           arguments: [hash, FactExtractor.version])
    }

    static func record(_ db: Database, _ crash: CrashGuard.Crash, continuedBy runID: Int64) throws {
        try db.execute(sql: """
            INSERT INTO crashed_texts(content_hash, extractor_version, path, run_id, crashed_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """, arguments: [crash.hash, FactExtractor.version, crash.path, crash.runID, Clock.nowISO()])
        try db.execute(sql: "UPDATE ingest_runs SET error = ? WHERE id = ? AND status IN ('running', 'interrupted')",
                       arguments: ["extraction crashed on \(crash.path) (\(crash.phase)); continued by run \(runID)", crash.runID])
    }
}

/// Testing only: `KB_TEST_TRAP_ON=TEXT` makes extraction trap on any article containing TEXT, as an
/// extractor bug would (the crash-containment tests need a trap that real extractors no longer have).
enum TestHooks {
    static let trapText: String? = ProcessInfo.processInfo.environment["KB_TEST_TRAP_ON"].flatMap { $0.isEmpty ? nil : $0 }
    static func trapIfRequested(_ text: String) {
        if let t = trapText, text.contains(t) { preconditionFailure("KB_TEST_TRAP_ON: test trap") }
    }
}
