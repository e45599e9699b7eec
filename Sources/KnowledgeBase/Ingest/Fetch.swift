import Foundation
import ArticleFiles
import GRDB
@_exported import FetchModel

/// One row of the fetch run log (`fetch_runs`).
public struct FetchRun: Sendable, Codable, Equatable {
    public var id: Int64
    public var startedAt: String
    public var finishedAt: String?
    public var status: IngestRun.Status
    public var feeds, feedsFetched, notModified, feedsFailed, pagesSpooled, pagesFailed, requests, conditional: Int
    public var error: String?
}

/// One outcome of a fetch run, as `kb runs --fetch --run N` lists it.
public struct FetchLogEntry: Sendable, Codable, Equatable {
    public var kind: String
    public var outcome: String
    public var httpStatus: Int?
    public var attempts: Int
    public var url: String
    public var feed: String?
    public var detail: String
}

extension KnowledgeBase {
    /// Reads the feeds and downloads the article pages they list that were never downloaded into
    /// `spool` (one file per URL, named by the SHA-256 of the URL, written to a temporary name and
    /// renamed: `kb ingest` never sees half a page). State and every outcome are stored as they
    /// happen, so a killed run keeps what it did. Holds the writer lock for the whole run.
    /// `fetcher` makes the networking part over the store kb gives it (`Fetcher` of the Fetch target,
    /// linked only into `kb-fetch`).
    public func fetch(feeds: [String], spool: String, options: FetchOptions,
                      fetcher makeFetcher: (any FetchStore) -> any FeedFetching) throws -> FetchSummary {
        let lock = try WriterLock.acquire(databasePath: path)
        return try withExtendedLifetime(lock) {
            let started = Date()
            try FileManager.default.createDirectory(atPath: spool, withIntermediateDirectories: true)
            let runID: Int64 = try wrap {
                try dbQueue.write { db in
                    try db.execute(sql: "UPDATE fetch_runs SET status = 'interrupted' WHERE status = 'running'")
                    try db.execute(sql: "INSERT INTO fetch_runs(started_at, status, feeds) VALUES (?, 'running', ?)",
                                   arguments: [Clock.nowISO(), Set(feeds).count])
                    return db.lastInsertedRowID
                }
            }
            let store = FetchDatabaseStore(kb: self, runID: runID, spool: spool)
            let fetcher = makeFetcher(store)
            var summary: FetchSummary
            do {
                summary = try fetcher.run(feeds: feeds)
            } catch {
                let message = (error as? KBError)?.description ?? "\(error)"
                try? dbQueue.write { db in try Self.finishFetchRun(db, runID, fetcher.summary, error: message) }
                throw error
            }
            summary.runID = runID
            summary.seconds = Date().timeIntervalSince(started)
            try wrap { try dbQueue.write { db in try Self.finishFetchRun(db, runID, summary, error: nil) } }
            return summary
        }
    }

    private static func finishFetchRun(_ db: Database, _ id: Int64, _ s: FetchSummary, error: String?) throws {
        let status = error != nil ? "failed" : s.exitStatus != 0 ? "partial" : "ok"
        try db.execute(sql: """
            UPDATE fetch_runs SET finished_at = ?, status = ?, feeds = ?, feeds_fetched = ?, not_modified = ?, feeds_failed = ?,
                pages_spooled = ?, pages_failed = ?, requests = ?, conditional = ?, error = ? WHERE id = ?
            """, arguments: [Clock.nowISO(), status, s.feeds, s.feedsFetched, s.feedsNotModified, s.feedsFailed, s.pagesSpooled,
                             s.pagesFailed, s.requests, s.conditionalRequests, error, id])
    }

    /// The most recent fetch runs, newest first.
    public func recentFetchRuns(limit: Int = 20) throws -> [FetchRun] {
        try wrap {
            try dbQueue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM fetch_runs ORDER BY id DESC LIMIT ?", arguments: [limit]).map { r in
                    FetchRun(id: r["id"], startedAt: r["started_at"], finishedAt: r["finished_at"],
                             status: IngestRun.Status(rawValue: r["status"]) ?? .failed, feeds: r["feeds"], feedsFetched: r["feeds_fetched"],
                             notModified: r["not_modified"], feedsFailed: r["feeds_failed"], pagesSpooled: r["pages_spooled"],
                             pagesFailed: r["pages_failed"], requests: r["requests"], conditional: r["conditional"], error: r["error"])
                }
            }
        }
    }

    /// The outcomes of one fetch run (the latest when `id` is nil), in order; nil when there is no such run.
    public func fetchLog(run id: Int64?, problemsOnly: Bool = false) throws -> [FetchLogEntry]? {
        try wrap {
            try dbQueue.read { db in
                guard let run = try id.map({ try Int64.fetchOne(db, sql: "SELECT id FROM fetch_runs WHERE id = ?", arguments: [$0]) })
                        ?? Int64.fetchOne(db, sql: "SELECT max(id) FROM fetch_runs") else { return nil }
                let filter = problemsOnly ? "AND (outcome = 'failed' OR (kind = 'feed' AND outcome IN ('gone', 'disallowed')))" : ""
                return try Row.fetchAll(db, sql: "SELECT * FROM fetch_events WHERE run_id = ? \(filter) ORDER BY id", arguments: [run]).map {
                    FetchLogEntry(kind: $0["kind"], outcome: $0["outcome"], httpStatus: $0["http_status"], attempts: $0["attempts"],
                                  url: $0["url"], feed: $0["feed"], detail: $0["detail"])
                }
            }
        }
    }

    /// The spool file name of a page URL: the SHA-256 of the URL, so a URL always lands in the same file.
    public static func spoolName(forURL url: String) -> String { SHA256.hex(url.utf8) + ".html" }
}

/// The fetcher's state and log in the knowledge base; spool files written atomically.
final class FetchDatabaseStore: FetchStore {
    let kb: KnowledgeBase
    let runID: Int64
    let spool: String

    init(kb: KnowledgeBase, runID: Int64, spool: String) { self.kb = kb; self.runID = runID; self.spool = spool }

    private func write<T>(_ body: (Database) throws -> T) throws -> T { try kb.wrap { try kb.dbQueue.write(body) } }
    private func read<T>(_ body: (Database) throws -> T) throws -> T { try kb.wrap { try kb.dbQueue.read(body) } }

    func feedState(_ listedURL: String) throws -> FeedState? {
        try read { db in
            guard let r = try Row.fetchOne(db, sql: "SELECT * FROM fetch_feeds WHERE url = ?", arguments: [listedURL]) else { return nil }
            var s = FeedState(listedURL: listedURL)
            s.currentURL = r["current_url"]
            s.etag = r["etag"]
            s.lastModified = r["last_modified"]
            s.retiredAt = r["retired_at"]
            s.notBefore = (r["not_before"] as Double?).map { Date(timeIntervalSince1970: $0) }
            return s
        }
    }

    func saveFeedState(_ s: FeedState) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO fetch_feeds(url, current_url, etag, last_modified, retired_at, not_before, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON CONFLICT(url) DO UPDATE SET current_url = ?2, etag = ?3, last_modified = ?4, retired_at = ?5, not_before = ?6, updated_at = ?7
                """, arguments: [s.listedURL, s.currentURL, s.etag, s.lastModified, s.retiredAt, s.notBefore?.timeIntervalSince1970, Clock.nowISO()])
        }
    }

    func robots(host: String) throws -> CachedRobots? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM fetch_robots WHERE origin = ?", arguments: [host]).map {
                CachedRobots(host: host, text: $0["body"], fetchedAt: Date(timeIntervalSince1970: $0["fetched_at"]),
                             etag: $0["etag"], lastModified: $0["last_modified"])
            }
        }
    }

    func saveRobots(_ r: CachedRobots) throws {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO fetch_robots(origin, body, fetched_at, etag, last_modified) VALUES (?, ?, ?, ?, ?)",
                           arguments: [r.host, r.text, r.fetchedAt.timeIntervalSince1970, r.etag, r.lastModified])
        }
    }

    func pageStatus(_ url: String) throws -> PageStatus? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT status FROM fetch_pages WHERE url = ?", arguments: [url]).flatMap(PageStatus.init(rawValue:))
        }
    }

    func pagesToRetry() throws -> [(url: String, feed: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT url, feed FROM fetch_pages WHERE status = 'failed' ORDER BY first_seen, url").map { ($0["url"], $0["feed"]) }
        }
    }

    func spool(url: String, feed: String, bytes: [UInt8]) throws {
        let name = KnowledgeBase.spoolName(forURL: url)
        let final = (spool as NSString).appendingPathComponent(name)
        // A dot name with another extension: `kb ingest` never reads a half-written page.
        let temporary = (spool as NSString).appendingPathComponent(".\(name).\(getpid()).part")
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, final) != 0 {
                let code = errno
                unlink(temporary)
                throw KBError.invalidArgument("cannot write the spool file \(final): \(String(cString: strerror(code)))")
            }
        } catch let e as KBError {
            throw e
        } catch {
            unlink(temporary)
            throw KBError.invalidArgument("cannot write the spool file \(final): \(error.localizedDescription) (check the spool directory and free space)")
        }
        try recordPage(url: url, feed: feed, status: .spooled, httpStatus: 200, detail: "\(bytes.count) bytes", spoolFile: name)
    }

    func recordPage(url: String, feed: String, status: PageStatus, httpStatus: Int?, detail: String) throws {
        try recordPage(url: url, feed: feed, status: status, httpStatus: httpStatus, detail: detail, spoolFile: nil)
    }

    private func recordPage(url: String, feed: String, status: PageStatus, httpStatus: Int?, detail: String, spoolFile: String?) throws {
        try write { db in
            let now = Clock.nowISO()
            try db.execute(sql: """
                INSERT INTO fetch_pages(url, feed, status, spool_file, http_status, attempts, detail, first_seen, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
                ON CONFLICT(url) DO UPDATE SET status = ?3, spool_file = coalesce(?4, spool_file), http_status = ?5,
                    attempts = attempts + ?6, detail = ?7, updated_at = ?8
                """, arguments: [url, feed, status.rawValue, spoolFile, httpStatus, status == .disallowed ? 0 : 1, detail, now])
        }
    }

    func log(_ e: FetchEvent) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO fetch_events(run_id, kind, url, feed, outcome, http_status, attempts, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [runID, e.kind.rawValue, e.url, e.feed, e.outcome.rawValue, e.httpStatus, e.attempts, e.detail, Clock.nowISO()])
        }
    }
}
