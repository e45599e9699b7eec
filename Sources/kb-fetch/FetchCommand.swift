import ArgumentParser
import Fetch
import Foundation
import ArticleFiles
import CLIMessages
import KnowledgeBase

/// `kb fetch`, as its own executable: the HTTP stack (FoundationNetworking, libcurl) costs every
/// process that links it ~30 ms of start-up, so only this one links it; `kb fetch …` runs
/// `kb-fetch …` from kb's own directory.
@main
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb fetch",
        abstract: "Read RSS/Atom feeds and download their new article pages into a spool directory (then ingest them with --ingest).",
        discussion: """
            Feeds come from --feeds FILE (one URL per line, # comments) and the command line. For each feed kb sends \
            a conditional request (the ETag and Last-Modified of the last answer), reads RSS 2.0 or Atom, and downloads \
            every article page it never downloaded into the spool directory: one file per URL (the SHA-256 of the URL, \
            .html), written to a temporary name and renamed. A second run asks only conditional questions and downloads \
            nothing new. \
            Politeness: robots.txt of each host is obeyed (kept 24 h); one request at a time with --delay between two \
            requests to one host; --timeout per request; timeouts, connection errors and 5xx retried with doubling waits \
            (--retries); 429/503 Retry-After waited for up to --max-retry-after, a longer one defers the feed to a later \
            run; 301/308 update the stored feed address; 410 retires the feed (not requested again); responses over \
            --max-size are dropped. User-Agent: kb/VERSION (+--contact). \
            A feed that fails never stops the others; a page that failed is tried again next run. Every outcome is in \
            the run log: kb runs --fetch, kb runs --fetch --run N [--problems].

            Exit status: 0 every feed read or not modified (and, with --ingest, every file ingested); 1 some feed or page \
            failed, a feed was retired (410) or is forbidden by robots.txt (or, with --ingest, some files were skipped); \
            2 usage or database error; 3 another kb fetch, ingest or reextract holds this database.

            Examples:
              kb fetch --feeds /etc/kb/feeds.txt --spool /var/lib/kb/spool --ingest
              kb fetch https://example.org/rss.xml --spool spool && kb ingest spool
            """)

    @Option(name: .long, help: ArgumentHelp("Knowledge base file.", discussion: "Default: $KB_DB, else ./kb.sqlite.", valueName: "path"))
    var db: String?

    @Flag(name: .shortAndLong, help: "Only the summary line on stderr (for cron).")
    var quiet = false

    enum LogFormat: String, ExpressibleByArgument, CaseIterable { case text, json }
    @Option(help: "Diagnostics on stderr as text, or as one JSON object per line (for log collectors).")
    var logFormat: LogFormat = .text

    /// kb documents status 2 for a usage error (ArgumentParser's own is 64).
    static func main() { parseAndRunWithUsageStatus2() }

    var databasePath: String { db ?? ProcessInfo.processInfo.environment["KB_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "kb.sqlite" }

    @Option(help: ArgumentHelp("File listing feed URLs, one per line (# comments, blank lines ignored).", valueName: "file"))
    var feeds: String?

    @Option(help: ArgumentHelp("Directory the pages are downloaded into (default: spool/ beside the database).", valueName: "dir"))
    var spool: String?

    @Flag(help: "Ingest the spool directory after fetching (as kb ingest SPOOL).")
    var ingest = false

    @Option(help: ArgumentHelp("Seconds without an answer before a request is abandoned.", valueName: "seconds"))
    var timeout: Double = 30

    @Option(help: ArgumentHelp("Minimum seconds between two requests to the same host.", valueName: "seconds"))
    var delay: Double = 1

    @Option(help: ArgumentHelp("Further attempts after a timeout, a connection error or a 5xx.", valueName: "n"))
    var retries: Int = 2

    @Option(help: ArgumentHelp("Longest Retry-After (429/503) waited for within a run.", valueName: "seconds"))
    var maxRetryAfter: Double = 60

    @Option(help: ArgumentHelp("Drop responses larger than this (e.g. 8M, 512K).", valueName: "size"))
    var maxSize: String = "8M"

    @Option(help: ArgumentHelp("How site owners can reach you, sent in the User-Agent (a URL or mailto:).", valueName: "contact"))
    var contact: String?

    @Argument(help: ArgumentHelp("Feed URLs (besides those of --feeds).", valueName: "url"))
    var urls: [String] = []

    func validate() throws {
        guard ByteCount.parse(maxSize) != nil else { throw ValidationError("--max-size must be a size such as 8M, 512K or 100000, not « \(maxSize) »") }
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
        guard delay >= 0, maxRetryAfter >= 0 else { throw ValidationError("--delay and --max-retry-after cannot be negative") }
        guard retries >= 0 && retries <= 10 else { throw ValidationError("--retries must be between 0 and 10") }
        guard feeds != nil || !urls.isEmpty else {
            throw ValidationError("no feed to read: give --feeds FILE (one URL per line) or feed URLs")
        }
    }

    func run() throws {
        var list: [String] = []
        if let feeds {
            guard let data = FileManager.default.contents(atPath: feeds) else {
                warn("kb fetch: cannot read the feeds file \(feeds) (\(FileManager.default.fileExists(atPath: feeds) ? "permission denied" : "no such file"))")
                throw ExitCode(2)
            }
            for (n, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = (raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "").trimmingCharacters(in: .whitespaces)
                if line.isEmpty { continue }
                guard let url = URL(string: line), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                    warn("kb fetch: \(feeds):\(n + 1): « \(line) » is not an http(s) URL")
                    throw ExitCode(2)
                }
                list.append(line)
            }
        }
        for u in urls {
            guard let url = URL(string: u), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                warn("kb fetch: « \(u) » is not an http(s) URL")
                throw ExitCode(2)
            }
            list.append(u)
        }
        var options = FetchOptions()
        options.userAgent = "kb/\(KnowledgeBase.version) (+\(contact ?? "https://example.invalid/kb; set --contact"))"
        options.timeout = timeout
        options.hostDelay = delay
        options.retries = retries
        options.maxRetryAfter = maxRetryAfter
        options.maxBytes = ByteCount.parse(maxSize)!
        // Testing only: milliseconds of the first retry wait (2 s by default).
        if let ms = ProcessInfo.processInfo.environment["KB_TEST_FETCH_BACKOFF_MS"].flatMap(Double.init) { options.backoff = ms / 1000 }
        let spoolDir = spool ?? (URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent("spool").path)

        var status: Int32 = 0
        let (summary, events): (FetchSummary, [FetchLogEntry]) = try attempt {
            let lock = try WriterLock.acquire(databasePath: databasePath)
            return try withExtendedLifetime(lock) {
                let kb = try KnowledgeBase(path: databasePath, mode: .create)
                let summary = try kb.fetch(feeds: list, spool: spoolDir, options: options) { Fetcher(store: $0, options: options) }
                return (summary, (try? kb.fetchLog(run: summary.runID, problemsOnly: true) ?? []) ?? [])
            }
        }
        if !quiet {
            for e in events {
                warn(logFormat == .json ? jsonLine(e, run: summary.runID) : "kb: fetch \(e.kind) \(e.outcome): \(e.url): \(e.detail)")
            }
        }
        let line = "\(JSONLogLine.timestamp()) kb fetch: run \(summary.runID.map(String.init) ?? "?") "
            + "\(summary.exitStatus == 0 ? "ok" : "partial") in \(String(format: "%.1f", summary.seconds)) s, \(summary.line)"
            + (summary.exitStatus != 0 ? " (details: kb runs --fetch --run \(summary.runID ?? 0) --problems)" : "")
        warn(logFormat == .json ? jsonSummary(summary) : line)
        status = summary.exitStatus
        if ingest {
            // The pages go through kb's own ingest (its crash guard, lock and log), as `kb ingest SPOOL`.
            status = max(status, try runKB(["ingest", "--db", databasePath, "--log-format", logFormat.rawValue] + (quiet ? ["--quiet"] : []) + ["--", spoolDir]))
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// A library error ends the run with its documented status and its sentence.
    private func attempt<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as KBError {
            warn(logFormat == .json ? json(["event": "error", "level": "error", "message": ErrorMessages.render(e), "exit": Int(e.exitCode)]) : "kb fetch: \(ErrorMessages.render(e))")
            throw ExitCode(e.exitCode)
        }
    }

    /// Runs the kb binary beside this one and returns its exit status.
    private func runKB(_ arguments: [String]) throws -> Int32 {
        let kb = Self.siblingKB()
        guard FileManager.default.isExecutableFile(atPath: kb) else {
            warn("kb fetch: cannot run \(kb) for --ingest (kb and kb-fetch are installed side by side); the pages are in the spool, run kb ingest on it")
            throw ExitCode(2)
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: kb)
        p.arguments = arguments
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    static func siblingKB() -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("kb").path
    }


    private func warn(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

    private func jsonLine(_ e: FetchLogEntry, run: Int64?) -> String {
        json(["event": "fetch_problem", "level": "warning", "run": run as Any, "kind": e.kind, "outcome": e.outcome,
              "http_status": e.httpStatus as Any, "attempts": e.attempts, "url": e.url, "feed": e.feed as Any, "detail": e.detail])
    }

    private func jsonSummary(_ s: FetchSummary) -> String {
        json(["event": "fetch_summary", "level": s.exitStatus == 0 ? "info" : "warning", "run": s.runID as Any,
              "feeds": s.feeds, "feeds_fetched": s.feedsFetched, "not_modified": s.feedsNotModified, "feeds_failed": s.feedsFailed,
              "feeds_not_requested": s.feedsNotRequested, "pages_spooled": s.pagesSpooled, "pages_failed": s.pagesFailed,
              "pages_gone": s.pagesGone, "pages_disallowed": s.pagesDisallowed, "requests": s.requests,
              "conditional": s.conditionalRequests, "seconds": (s.seconds * 1000).rounded() / 1000, "exit": Int(s.exitStatus)])
    }

    private func json(_ object: [String: Any]) -> String { JSONLogLine.encode(object) }
}
