import Foundation
import ArticleFiles
import GRDB
import Extraction
import FrenchText

/// What happened to one file (or stored article) during an ingest.
public enum IngestOutcome: String, Sendable, Codable {
    case new, updated, unchanged, skipped, reextracted
}

/// How `ingest(paths:options:progress:)` reads files and batches its writes.
public struct IngestOptions: Sendable {
    /// Files larger than this are skipped with a message.
    public var maxFileSize: Int = defaultMaxFileSize
    /// Mark sources whose file disappeared (`article_sources.missing_since`). Never deletes.
    public var prune = false
    /// Read and hash every file, even those whose size and time are as recorded (`--rescan`):
    /// finds a same-size edit whose modification time was put back. Known text is still not re-extracted.
    public var rescan = false
    /// Follow symbolic links found in the ingested directories even when they lead out of them
    /// (by default such a link is reported and not followed: `/etc/passwd` is no article).
    public var followSymlinks = false
    /// Articles written per transaction, at most; a transaction also ends after `batchSeconds`.
    /// Each article is all-or-nothing either way (a savepoint each); batching only saves fsyncs.
    public var batchSize = 256
    public var batchSeconds = 1.0
    /// Testing only: time spent inside each article's transaction, to widen race windows.
    package var articleDelay: Double = 0
    /// Extraction worker threads (nil: one per core).
    public var workers: Int? = nil
    public init() {}
}

/// What a writing run did (ingest, re-extraction): counts by outcome, the problems, its run id and exit status.
public struct IngestSummary: Sendable, Codable, Equatable {
    public var runID: Int64?
    public var files = 0, new = 0, updated = 0, unchanged = 0, skipped = 0, warnings = 0, missing = 0, reextracted = 0
    /// Files skipped by an earlier run and unchanged since: not read again, not reported again
    /// (`kb runs --skipped` lists them), and not a reason for exit status 1.
    public var stillSkipped = 0
    public var problems: [FileProblem] = []
    public var seconds = 0.0

    public var isNoOp: Bool { new == 0 && updated == 0 && reextracted == 0 && missing == 0 }

    /// Process exit status: 0 all fine (warnings and files still skipped as before allowed), 1 some
    /// files newly skipped (new, or changed since they were last skipped).
    public var exitStatus: Int32 { skipped > 0 ? 1 : 0 }

    /// `3 new, 0 updated, 2 unchanged, 0 skipped, 1 warning, 0 missing, 0 re-extracted`, then
    /// `, 2 still skipped (unchanged since)` when files skipped before were not read again.
    public var line: String {
        "\(new) new, \(updated) updated, \(unchanged) unchanged, \(skipped) skipped, \(warnings) warning\(warnings == 1 ? "" : "s"), "
            + "\(missing) missing, \(reextracted) re-extracted"
            + (stillSkipped > 0 ? ", \(stillSkipped) still skipped (unchanged since)" : "")
    }

    mutating func count(_ o: IngestOutcome) {
        switch o {
        case .new: new += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        case .skipped: break  // counted with its reason, by `add`
        case .reextracted: reextracted += 1
        }
    }

    mutating func add(_ p: FileProblem) {
        problems.append(p)
        switch p.severity {
        case .skipped: skipped += 1
        case .warning: warnings += 1
        case .missing: missing += 1
        }
    }
}

/// Reported once per file (and once per re-extracted article), for progress display.
public struct IngestEvent: Sendable {
    public enum Phase: String, Sendable { case files, reextract }
    public var phase: Phase
    public var path: String
    public var outcome: IngestOutcome
    public var index: Int
    public var total: Int
}

extension KnowledgeBase {
    /// Ingests files and directories (recursively, `*.txt`), incrementally: a file whose size and
    /// modification time are as recorded is not even read; a file whose text hash is known is not
    /// extracted; only new or changed text is parsed, extracted and written. Every article is
    /// written with its facts atomically, so a reader or a crash never sees half an article.
    /// When the extractor version changed, stored articles are first re-extracted from their raw
    /// text (one transaction: facts never mix two versions). Takes the writer lock, logs the run.
    public func ingest(paths: [String], options: IngestOptions = IngestOptions(),
                       progress: ((IngestEvent) -> Void)? = nil) throws -> IngestSummary {
        try logged(command: "ingest", paths: paths) { run in
            try ingestFiles(paths: paths, options: options, run: &run, progress: progress)
        }
    }

    private func ingestFiles(paths: [String], options: IngestOptions, run: inout RunState,
                             progress: ((IngestEvent) -> Void)?) throws {
        var discoveryProblems: [FileProblem] = []
        let entries = try KBError.fromFileAccess { try FileDiscovery.files(in: paths, followSymlinks: options.followSymlinks, problems: &discoveryProblems) }
        run.summary.files = entries.count
        let remembered = try wrap { try dbQueue.read { db in try SkipMemory.load(db) } }
        var stillSkipped: [String] = []
        /// A file skipped before, not changed since (and not racy then): not read, not reported again.
        func isStillSkipped(_ path: String, _ now: FileIdentity) -> Bool {
            guard let before = remembered[path], before.sameFile(as: now), !before.isRacy else { return false }
            stillSkipped.append(path)
            return true
        }
        for p in discoveryProblems {
            if !options.rescan, p.severity == .skipped, let id = p.identity, isStillSkipped(p.path, id) { continue }
            run.summary.add(p)
        }

        // After an extractor upgrade, stored articles are re-extracted in bounded batches, one
        // before each batch of files and the rest after them: new articles do not wait for the
        // whole database, and a killed run resumes where it stopped.
        var reextractPending = try wrap({ try dbQueue.read { db in try Reextraction.isNeeded(db, version: FactExtractor.version) } })
        var staleCursor = Reextraction.Cursor.stale
        func reextractStep() throws {
            guard reextractPending else { return }
            if try reextractBatch(&staleCursor, run: &run, options: options, progress: progress) == 0 { reextractPending = false }
        }

        let known = try wrap { try dbQueue.read { db in try ArticleStore.knownSources(db) } }
        var done = 0
        var candidates: [FileEntry] = []
        for entry in entries {
            if !options.rescan, let k = known[entry.path], !k.missing, k.size == entry.size, k.mtime == entry.mtime, !k.isRacy {
                run.summary.unchanged += 1
                done += 1
                progress?(IngestEvent(phase: .files, path: entry.path, outcome: .unchanged, index: done, total: entries.count))
            } else if !options.rescan, remembered[entry.path] != nil, isStillSkipped(entry.path, FileIdentity.of(entry.path)) {
                done += 1
                progress?(IngestEvent(phase: .files, path: entry.path, outcome: .skipped, index: done, total: entries.count))
            } else {
                candidates.append(entry)
            }
        }
        run.summary.stillSkipped = stillSkipped.count
        if !stillSkipped.isEmpty {
            try wrap { try dbQueue.write { db in try SkipMemory.touch(db, paths: stillSkipped, runID: run.runID) } }
        }

        // Each article's savepoint makes SQLite copy every page it first touches to a statement journal,
        // by default a temporary file: ~107 pages, 214 write calls, per article (strace), more than the
        // database and WAL writes together. In memory, the journal is a copy and is freed at each release.
        // SQLite's default page cache (2 MB) holds a small database's indexes only: past a few
        // thousand articles the vocabulary, alias and FTS pages the writer touches for each article
        // were read again and again from the file (pread: a sixth of the writer's time at 10,000).
        if !candidates.isEmpty {
            try wrap { try dbQueue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                try db.execute(sql: "PRAGMA cache_size = -\(Self.writerCacheKiB)")
            } }
        }
        // Bulk loads: FTS5 merges its segments once at the end instead of at every commit.
        let bulk = candidates.count >= Self.bulkThreshold
        if !candidates.isEmpty { try wrap { try dbQueue.write { db in try SearchIndex.setAutomerge(db, bulk: bulk) } } }
        let pipeline = candidates.isEmpty ? nil : try makePipeline(candidates, runID: run.runID, options: options)
        defer { pipeline?.stop() }
        var written = 0
        var next = 0
        while next < candidates.count, let pipeline {
            try reextractStep()
            try wrap {
                try dbQueue.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        let deadline = Date().addingTimeInterval(options.batchSeconds)
                        var inBatch = 0
                        var toIndex: [Int64] = []
                        repeat {
                            let entry = candidates[next]
                            let prepared = pipeline.result(next)
                            next += 1
                            let outcome = try store(db, prepared, options: options, summary: &run.summary, toIndex: &toIndex)
                            if outcome != .skipped, remembered[entry.path] != nil { try SkipMemory.forget(db, path: entry.path) }
                            run.summary.count(outcome)
                            if outcome == .new || outcome == .updated { inBatch += 1 }
                            done += 1
                            progress?(IngestEvent(phase: .files, path: entry.path, outcome: outcome, index: done, total: entries.count))
                        } while next < candidates.count && inBatch < options.batchSize && Date() < deadline
                        written += inBatch
                        try SearchIndex.indexArticles(db, ids: toIndex)
                        try run.logProgress(db)
                        return .commit
                    }
                }
            }
            run.committed()
        }

        pipeline?.stop()
        if bulk { try wrap { try dbQueue.write { db in try SearchIndex.finishBulk(db, written: written) } } }
        if written > 0 { try wrap { try dbQueue.writeWithoutTransaction { db in try DatabaseSpace.release(db) } } }

        while reextractPending { try reextractStep() }

        // Remembered skips that are no longer problems (a directory listable again, a link repaired
        // and ingested, a file gone) are forgotten; only paths under this run's roots are judged.
        let roots = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let stillProblems = Set(stillSkipped).union(run.summary.problems.filter { $0.severity == .skipped }.map(\.path))
        let resolved = remembered.keys.filter { p in
            !stillProblems.contains(p) && roots.contains { p == $0 || p.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
        }
        if !resolved.isEmpty {
            try wrap { try dbQueue.write { db in for p in resolved { try SkipMemory.forget(db, path: p) } } }
        }

        if options.prune { try prune(paths: paths, known: known, run: &run) }
    }

    /// A worker's part of one file: read, decode, hash and, for a text not stored yet, extract and
    /// analyse. Reads the database only through `reader` (its own read-only connection, a snapshot
    /// of what is committed), never writes. A text that crashed kb in an earlier run is not
    /// extracted here: `crashed_texts` is written before the pipeline starts.
    static func prepare(_ entry: FileEntry, slot: Int, runID: Int64, options: IngestOptions,
                        extractor: FactExtractor, reference: ReferenceIndex, reader: DatabaseQueue?, terms: TermCache?) -> PreparedFile {
        let name = URL(fileURLWithPath: entry.path).lastPathComponent
        let identity = FileIdentity.of(entry.path)
        let result = Result<PreparedFile.Ready, any Error> {
            let read = try FileReader.readStable(entry.path, maxSize: options.maxFileSize)
            // What was read is recorded with the size and time it had then (not at discovery).
            let source = ArticleStore.Source(path: entry.path, name: name, size: read.size, mtime: read.mtime, readAt: read.readAt)
            let decoded = try TextDecoding.decode(read.bytes, reference: Date(timeIntervalSince1970: read.mtime))
            let hash = SHA256.hex(decoded.text.utf8)
            let isNew: Bool? = reader.flatMap { reader in
                try? reader.read { db in
                    try CrashStore.crashedRun(db, hash: hash) == nil && ArticleStore.articleID(db, hash: hash) == nil
                }
            }
            let extracted = isNew == true
                ? extract(decoded.text, name: name, path: entry.path, hash: hash, slot: slot, runID: runID, extractor: extractor, reference: reference, terms: terms)
                : nil
            return PreparedFile.Ready(source: source, decoded: decoded, hash: hash, extracted: extracted)
        }
        return PreparedFile(entry: entry, name: name, identity: identity, result: result)
    }

    /// Parse, clean, extract (under the calling thread's crash marker slot) and analyse for search.
    /// `terms`: the writer's vocabulary cache, to prepare the terms it does not know yet.
    static func extract(_ text: String, name: String, path: String, hash: String, slot: Int, runID: Int64,
                        extractor: FactExtractor, reference: ReferenceIndex, terms: TermCache? = nil) -> ExtractedArticle {
        let (article, facts) = CrashGuard.extracting(slot: slot, phase: "ingest", runID: runID, hash: hash, path: path) {
            TestHooks.trapIfRequested(text)
            return extractor.process(raw: text, source: name)
        }
        return ExtractedArticle(article: article, facts: facts, terms: terms, people: PersonResolver(reference: reference))
    }

    /// The writer's part of one file, inside the caller's transaction; the article itself is
    /// all-or-nothing (savepoint).
    /// `toIndex`: gets the id of an article inserted, whose search row the caller adds.
    private func store(_ db: Database, _ prepared: PreparedFile, options: IngestOptions,
                       summary: inout IngestSummary, toIndex: inout [Int64]) throws -> IngestOutcome {
        let entry = prepared.entry, name = prepared.name, identity = prepared.identity
        var warnings: [String] = []
        var outcome = IngestOutcome.skipped
        do {
            let ready = try prepared.result.get()
            let decoded = ready.decoded, hash = ready.hash, source = ready.source
            warnings = decoded.warnings
            // The terms this article adds are known only if its savepoint is released.
            let termCache = TermCache.for(db), termMark = termCache.pendingMark
            var inserted: Int64?
            do { try Self.inArticleSavepoint(db) {
                if let crashed = try CrashStore.crashedRun(db, hash: hash) {
                    throw FileFailure(.crashed, "extraction crashed kb (extractor version \(FactExtractor.version)) on this text in run \(crashed): skipped until the file changes or kb's extractor changes")
                }
                if let sameText = try ArticleStore.articleID(db, hash: hash) {
                    let recorded = try Int64.fetchOne(db, sql: "SELECT article_id FROM article_sources WHERE path = ?", arguments: [entry.path])
                    if recorded == nil, let other = try String.fetchOne(db, sql: "SELECT path FROM article_sources WHERE article_id = ? ORDER BY path LIMIT 1", arguments: [sameText]) {
                        warnings.append("same text as \(other): recorded as one more source of that article")
                    } else if recorded == sameText {
                        warnings = []  // touched, not changed: nothing new to say
                    }
                    outcome = try ArticleStore.attach(db, source, to: sameText)
                    return .commit
                }
                // A worker skips extraction only for text it saw stored; if an earlier file of this
                // batch removed that article since, the text is new after all.
                let x = ready.extracted ?? Self.extract(decoded.text, name: name, path: entry.path, hash: hash, slot: 0,
                                                        runID: summary.runID ?? 0, extractor: extractor, reference: referenceIndex)
                let article = x.article
                guard !article.headline.isEmpty else { throw FileFailure(.notArticle, "no headline or text after the date line: skipped") }
                if let problem = article.dateProblem {
                    warnings.append("\(problem): ingested with no date")
                } else if article.date == nil {
                    warnings.append("no date line (` date YYYY-MM-DD Headline`): ingested with no date")
                }
                let saved = try ArticleStore.save(db, article: article, facts: x.facts, search: x.search, offsets: x.offsets, indexLater: true,
                                                  newTerms: x.newTerms, personForms: x.personForms, hash: hash, source: source,
                                                  extractorVersion: FactExtractor.version, reference: referenceIndex)
                outcome = saved.outcome
                if saved.inserted { inserted = saved.articleID }
                if let id = saved.articleID {
                    if let original = decoded.original {
                        try ArticleStore.saveOriginal(db, articleID: id, mediaType: original.mediaType, bytes: original.bytes)
                    }
                    if let other = try ArticleStore.recordFingerprint(db, articleID: id, fingerprint: x.search.fingerprint, isNew: saved.inserted) {
                        warnings.append("near-duplicate of \(other) (another copy of the same story): linked to it, searched as one hit")
                    }
                }
                if options.articleDelay > 0 { Thread.sleep(forTimeInterval: options.articleDelay) }
                return .commit
            } } catch {
                termCache.dropPending(after: termMark)
                throw error
            }
            if let inserted { toIndex.append(inserted) }
        } catch let e as FileFailure {
            summary.add(FileProblem(path: entry.path, e, identity: identity))
            return .skipped
        } catch let e as DatabaseError where Self.isArticleSpecific(e) {
            summary.add(FileProblem(path: entry.path, kind: .refused, reason: "the database refused this article (\(e.message ?? "\(e.resultCode)")): skipped", severity: .skipped, identity: identity))
            return .skipped
        } catch let e as DatabaseError {
            throw e  // disk full, I/O: the run stops (what was committed stays)
        } catch let e as KBError {
            throw e
        } catch {
            // Any other error thrown while parsing or extracting belongs to this article alone.
            summary.add(FileProblem(path: entry.path, kind: .failed, reason: "could not be processed (\(error)): skipped", severity: .skipped, identity: identity))
            return .skipped
        }
        if !warnings.isEmpty {
            summary.add(FileProblem(path: entry.path, kind: .warning, reason: warnings.joined(separator: "; "), severity: .warning))
        }
        return outcome
    }

    /// The writer's page cache during an ingest, in KiB (peak RSS stays well under 200 MB).
    static let writerCacheKiB = 65_536

    /// `Database.inSavepoint` inside the caller's transaction, with its three statements prepared
    /// once per connection: GRDB prepares SAVEPOINT and RELEASE again for every article (and
    /// computes their database region each time). Same semantics: rolled back and released when
    /// `body` throws (its error wins), SQLITE_ABORT when the transaction was aborted meanwhile.
    private static func inArticleSavepoint(_ db: Database, _ body: () throws -> Database.TransactionCompletion) throws {
        precondition(db.isInsideTransaction, "an article's savepoint is opened inside the batch's transaction")
        try db.cachedStatement(sql: "SAVEPOINT kb_article").execute()
        let completion: Database.TransactionCompletion
        do {
            completion = try body()
        } catch {
            try? rollbackArticleSavepoint(db)
            throw error
        }
        if completion == .rollback { return try rollbackArticleSavepoint(db) }
        guard db.isInsideTransaction else { throw DatabaseError(resultCode: .SQLITE_ABORT, message: "Transaction was aborted") }
        try db.cachedStatement(sql: "RELEASE SAVEPOINT kb_article").execute()
    }

    private static func rollbackArticleSavepoint(_ db: Database) throws {
        // Rolling back to a savepoint leaves it on SQLite's stack: released too.
        try db.cachedStatement(sql: "ROLLBACK TRANSACTION TO SAVEPOINT kb_article").execute()
        try db.cachedStatement(sql: "RELEASE SAVEPOINT kb_article").execute()
    }

    /// Files from which an ingest counts as a bulk load (FTS5 automerge off until its end).
    static let bulkThreshold = 200

    /// Starts the workers on `candidates`. They read the database through their own read-only
    /// connection (the writer's is busy in its transaction); without one, the writer decides.
    private func makePipeline(_ candidates: [FileEntry], runID: Int64?, options: IngestOptions) throws -> IngestPipeline {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        let reader = try? DatabaseQueue(path: path, configuration: config)
        let extractor = self.extractor, reference = referenceIndex
        let terms = dbQueue.writeWithoutTransaction { db in TermCache.for(db) }
        let workers = options.workers ?? IngestPipeline.defaultWorkers
        return IngestPipeline(count: candidates.count, workers: workers, window: 4 * workers + 4) { slot, index in
            Self.prepare(candidates[index], slot: slot, runID: runID ?? 0, options: options, extractor: extractor, reference: reference, reader: reader, terms: terms)
        }
    }

    /// Errors due to one article's content (skip it); anything else (disk full, I/O) stops the run.
    static func isArticleSpecific(_ e: DatabaseError) -> Bool {
        [.SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_TOOBIG, .SQLITE_RANGE].contains(e.resultCode)
    }

    /// Marks sources under the given paths whose file no longer exists. Nothing is deleted.
    private func prune(paths: [String], known: [String: ArticleStore.KnownSource], run: inout RunState) throws {
        let roots = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        func isUnderRoots(_ p: String) -> Bool { roots.contains { p == $0 || p.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") } }
        let gone = known.filter { path, k in
            guard !k.missing, isUnderRoots(path) else { return false }
            if case .failure(let e) = FileStat.of(path), e.code == ENOENT || e.code == ENOTDIR { return true }
            return false
        }.sorted { $0.key < $1.key }
        guard !gone.isEmpty else { return }
        let now = Clock.nowISO()
        try wrap {
            try dbQueue.write { db in
                for (path, k) in gone {
                    try ArticleStore.markMissing(db, path: path, now: now)
                    run.summary.add(FileProblem(path: path, kind: .missing, reason: "file no longer exists: article \(k.articleID) kept, its source marked missing", severity: .missing))
                }
                try run.logProgress(db)
            }
        }
        run.committed()
    }
}
