import ArgumentParser
import Foundation
import KnowledgeBase

struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Read RSS/Atom feeds and download their new article pages into a spool directory (then ingest them with --ingest).",
        discussion: """
            Feeds come from --feeds FILE (one URL per line, # comments) and the command line. For each feed kb sends \
            a conditional request (the ETag and Last-Modified of the last answer), reads RSS 2.0 or Atom, and downloads \
            every article page it never downloaded into the spool directory: one file per URL (the SHA-256 of the URL, \
            .html), written to a temporary name and renamed. A second run asks only conditional questions and downloads \
            nothing new.
            Politeness: robots.txt of each host is obeyed (kept 24 h); one request at a time with --delay between two \
            requests to one host; --timeout per request; timeouts, connection errors and 5xx retried with doubling waits \
            (--retries); 429/503 Retry-After waited for up to --max-retry-after, a longer one defers the feed to a later \
            run; 301/308 update the stored feed address; 410 retires the feed (not requested again); responses over \
            --max-size are dropped. User-Agent: kb/VERSION (+--contact).
            A feed that fails never stops the others; a page that failed is tried again next run. Every outcome is in \
            the run log: kb runs --fetch, kb runs --fetch --run N [--problems].

            Exit status: 0 every feed read or not modified (and, with --ingest, every file ingested); 1 some feed or page \
            failed, a feed was retired (410) or is forbidden by robots.txt (or, with --ingest, some files were skipped); \
            2 usage or database error; 3 another kb fetch, ingest or reextract holds this database.

            Examples:
              kb fetch --feeds /etc/kb/feeds.txt --spool /var/lib/kb/spool --ingest
              kb fetch https://example.org/rss.xml --spool spool && kb ingest spool
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var log: LogOptions

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
        let reporter = IngestReporter(command: "fetch", options: log)
        var list: [String] = []
        if let feeds {
            guard let data = FileManager.default.contents(atPath: feeds) else {
                CLI.warn("kb fetch: cannot read the feeds file \(feeds) (\(FileManager.default.fileExists(atPath: feeds) ? "permission denied" : "no such file"))")
                throw ExitCode(2)
            }
            for (n, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = (raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "").trimmingCharacters(in: .whitespaces)
                if line.isEmpty { continue }
                guard let url = URL(string: line), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                    CLI.warn("kb fetch: \(feeds):\(n + 1): « \(line) » is not an http(s) URL")
                    throw ExitCode(2)
                }
                list.append(line)
            }
        }
        for u in urls {
            guard let url = URL(string: u), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                CLI.warn("kb fetch: « \(u) » is not an http(s) URL")
                throw ExitCode(2)
            }
            list.append(u)
        }
        var options = FetchOptions()
        let version = KBVersion.string.split(separator: " ").dropFirst().first.map(String.init) ?? "0"
        options.userAgent = "kb/\(version) (+\(contact ?? "https://example.invalid/kb; set --contact"))"
        options.timeout = timeout
        options.hostDelay = delay
        options.retries = retries
        options.maxRetryAfter = maxRetryAfter
        options.maxBytes = ByteCount.parse(maxSize)!
        // Testing only: milliseconds of the first retry wait (2 s by default).
        if let ms = ProcessInfo.processInfo.environment["KB_TEST_FETCH_BACKOFF_MS"].flatMap(Double.init) { options.backoff = ms / 1000 }
        let spoolDir = spool ?? (URL(fileURLWithPath: database.path).deletingLastPathComponent().appendingPathComponent("spool").path)

        let lock = try CLI.run(reporter) { try WriterLock.acquire(databasePath: database.path) }
        var status: Int32 = 0
        try withExtendedLifetime(lock) {
            let kb = try CLI.run(reporter) { try database.open(.create) }
            let summary = try CLI.run(reporter) { try kb.fetch(feeds: list, spool: spoolDir, options: options) }
            if !log.quiet, let events = try? kb.fetchLog(run: summary.runID, problemsOnly: true) {
                for e in events {
                    CLI.warn(log.logFormat == .json ? jsonLine(e, run: summary.runID) : "kb: fetch \(e.kind) \(e.outcome): \(e.url): \(e.detail)")
                }
            }
            let line = "\(IngestReporter.timestamp()) kb fetch: run \(summary.runID.map(String.init) ?? "?") "
                + "\(summary.exitStatus == 0 ? "ok" : "partial") in \(String(format: "%.1f", summary.seconds)) s, \(summary.line)"
                + (summary.exitStatus != 0 ? " (details: kb runs --fetch --run \(summary.runID ?? 0) --problems)" : "")
            CLI.warn(log.logFormat == .json ? jsonSummary(summary) : line)
            status = summary.exitStatus
            if ingest {
                let ingestReporter = IngestReporter(command: "ingest", options: log)
                CrashGuard.enableResume(arguments: CommandLine.arguments)
                let s = try CLI.run(ingestReporter) { try kb.ingest(paths: [spoolDir], progress: ingestReporter.progress) }
                ingestReporter.finish(s)
                status = max(status, s.exitStatus)
            }
        }
        if status != 0 { throw ExitCode(status) }
    }

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

    private func json(_ object: [String: Any]) -> String {
        var o = object
        o["time"] = IngestReporter.timestamp()
        o = o.mapValues { v in (v as Any?).flatMap { $0 } ?? NSNull() }
        guard let data = try? JSONSerialization.data(withJSONObject: o, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
