import Foundation
import ArticleFiles
import GRDB
import Extraction

extension KnowledgeBase {
    /// Re-extracts every stored article from its raw text with this kb's extractor (`kb reextract`;
    /// `kb ingest` does it by itself when the extractor version changed). Takes the writer lock
    /// and logs the run.
    public func reextract(progress: ((IngestEvent) -> Void)? = nil) throws -> IngestSummary {
        try logged(command: "reextract", paths: []) { run in
            try reextractAll(run: &run, progress: progress)
        }
    }

    /// Re-extracts every stored article (`kb reextract`), in bounded batches.
    func reextractAll(run: inout RunState, progress: ((IngestEvent) -> Void)?) throws {
        var cursor = Reextraction.Cursor.all(after: 0)
        while try reextractBatch(&cursor, run: &run, options: IngestOptions(), progress: progress) > 0 {}
    }

    /// One bounded batch of re-extraction, committed on its own (with the run log): at most
    /// `batchSize` articles or `batchSeconds`, in id order. After an extractor upgrade the cursor
    /// is `.stale` (articles not yet at this version), so a killed run resumes where it stopped
    /// and `kb ingest` interleaves these batches with new files; readers and `kb check` wait for
    /// one batch at most, and no second copy of the facts is ever needed. Facts of the two
    /// versions coexist until the last batch (each article's own facts are from one version).
    /// Returns the number of articles handled; 0 when there are none left.
    func reextractBatch(_ cursor: inout Reextraction.Cursor, run: inout RunState, options: IngestOptions,
                        progress: ((IngestEvent) -> Void)?) throws -> Int {
        let runID = run.runID
        let handled: Int = try wrap {
            try dbQueue.writeWithoutTransaction { db in
                var handled = 0
                try db.inTransaction(.immediate) {
                    if run.reextractTotal == nil {
                        run.reextractTotal = try Int.fetchOne(db, sql: cursor.countSQL, arguments: cursor.arguments) ?? 0
                    }
                    let ids = try Int64.fetchAll(db, sql: cursor.idsSQL, arguments: cursor.arguments + [max(1, options.batchSize)])
                    let deadline = Date().addingTimeInterval(options.batchSeconds)
                    for id in ids {
                        try FactStore.removeFacts(db, articleID: id)
                        handled += 1
                        cursor.advance(past: id)
                        guard let row = try Row.fetchOne(db, sql: "SELECT source, raw_text, content_hash, (SELECT path FROM article_sources WHERE article_id = articles.id ORDER BY path LIMIT 1) AS path FROM articles WHERE id = ?", arguments: [id]) else { continue }
                        let source: String = row["source"], hash: String = row["content_hash"]
                        if let crashed = try CrashStore.crashedRun(db, hash: hash) {
                            try db.execute(sql: "UPDATE articles SET extractor_version = ? WHERE id = ?", arguments: [FactExtractor.version, id])
                            run.summary.add(FileProblem(path: row["path"] ?? source, kind: .crashed, reason: "re-extraction crashed kb (extractor version \(FactExtractor.version)) on article \(id) in run \(crashed): kept without facts until kb's extractor changes", severity: .skipped))
                            continue
                        }
                        let raw: String = row["raw_text"]
                        let (article, facts) = CrashGuard.extracting(phase: "reextract", runID: runID, hash: hash, path: row["path"] ?? source) {
                            TestHooks.trapIfRequested(raw)
                            return extractor.process(raw: raw, source: source)
                        }
                        try ArticleStore.writeDerived(db, articleID: id, article: article, facts: facts,
                                                      extractorVersion: FactExtractor.version, reference: referenceIndex, factsRemoved: true)
                        run.summary.reextracted += 1
                        if options.articleDelay > 0 { Thread.sleep(forTimeInterval: options.articleDelay) }
                        progress?(IngestEvent(phase: .reextract, path: source, outcome: .reextracted,
                                              index: run.summary.reextracted, total: max(run.reextractTotal ?? 0, run.summary.reextracted)))
                        if Date() > deadline { break }
                    }
                    if handled > 0 { try run.logProgress(db) }
                    return .commit
                }
                return handled
            }
        }
        if handled > 0 { run.committed() }
        return handled
    }

    /// Runs `body` as one logged run under the writer lock: the run is recorded as `running`
    /// before anything else is written, and finished as ok / partial / failed.
    func logged(command: String, paths: [String], _ body: (inout RunState) throws -> Void) throws -> IngestSummary {
        let lock = try WriterLock.acquire(databasePath: path)
        return try withExtendedLifetime(lock) {
            let started = Date()
            try wrap { try dbQueue.write { db in try ReferenceStore.sync(db, reference) } }
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
    /// Articles to re-extract in this run, counted at its first batch (for progress).
    var reextractTotal: Int?
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
    /// Which articles the next batch takes.
    enum Cursor {
        /// Articles not yet at this extractor version (after an upgrade): resumable across runs.
        case stale
        /// Every article, in id order (`kb reextract`).
        case all(after: Int64)

        var idsSQL: String {
            switch self {
            case .stale: return "SELECT id FROM articles WHERE extractor_version IS NOT ? ORDER BY id LIMIT ?"
            case .all: return "SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?"
            }
        }
        var countSQL: String {
            switch self {
            case .stale: return "SELECT count(*) FROM articles WHERE extractor_version IS NOT ?"
            case .all: return "SELECT count(*) FROM articles WHERE id > ?"
            }
        }
        var arguments: StatementArguments {
            switch self {
            case .stale: return [FactExtractor.version]
            case let .all(after): return [after]
            }
        }
        mutating func advance(past id: Int64) {
            if case .all = self { self = .all(after: id) }
        }
    }

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
