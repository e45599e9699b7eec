import Foundation
import GRDB
import Extraction

extension KnowledgeBase {
    /// Re-extracts every stored article from its raw text with this kb's extractor (`kb reextract`;
    /// `kb ingest` does it by itself when the extractor version changed). Takes the writer lock
    /// and logs the run.
    public func reextract(progress: ((IngestEvent) -> Void)? = nil) throws -> IngestSummary {
        try logged(command: "reextract", paths: []) { run in
            run.summary.reextracted = try reextractAll(progress: progress)
        }
    }

    /// The re-extraction itself, in ONE transaction: readers see all facts from the old version
    /// until the commit, then all from the new; a crash rolls everything back and the next run
    /// starts again. All facts are removed first, then re-added article by article in id order,
    /// so cross-article merging ends exactly as if the articles had been ingested afresh.
    func reextractAll(progress: ((IngestEvent) -> Void)?) throws -> Int {
        try wrap {
            try dbQueue.write { db in
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM articles ORDER BY id")
                for id in ids { try FactStore.removeFacts(db, articleID: id) }
                for (i, id) in ids.enumerated() {
                    guard let row = try Row.fetchOne(db, sql: "SELECT source, raw_text FROM articles WHERE id = ?", arguments: [id]) else { continue }
                    let source: String = row["source"]
                    let (article, facts) = extractor.process(raw: row["raw_text"], source: source)
                    try ArticleStore.writeDerived(db, articleID: id, article: article, facts: facts,
                                                  extractorVersion: FactExtractor.version, reference: referenceIndex)
                    progress?(IngestEvent(phase: .reextract, path: source, outcome: .reextracted, index: i + 1, total: ids.count))
                }
                return ids.count
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
            do {
                try body(&run)
            } catch {
                run.summary.seconds = Date().timeIntervalSince(started)
                let message = (error as? KBError)?.description ?? "\(error)"
                try? dbQueue.write { db in try RunLog.finish(db, runID: runID, run.summary, newProblems: run.unlogged, error: message) }
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

    init(runID: Int64) { summary = IngestSummary(runID: runID) }

    var unlogged: ArraySlice<FileProblem> { summary.problems[loggedProblems...] }
    var runID: Int64 { summary.runID! }

    /// Writes counts and new problems in the caller's transaction; `committed()` once it commits.
    mutating func logProgress(_ db: Database) throws {
        try RunLog.progress(db, runID: runID, summary, newProblems: unlogged)
        pendingLogged = summary.problems.count
    }

    mutating func committed() { loggedProblems = pendingLogged }
}

enum Reextraction {
    /// True when some stored article was extracted by another extractor version (or none).
    static func isNeeded(_ db: Database, version: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM articles WHERE extractor_version IS NOT ?)", arguments: [version]) ?? false
    }
}
