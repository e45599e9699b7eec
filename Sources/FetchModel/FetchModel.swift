import Foundation

/// What `kb fetch` remembers about a feed between runs.
public struct FeedState: Sendable, Equatable {
    /// The URL as listed (feeds file or command line): the key.
    public var listedURL: String
    /// Where the feed lives now, after a permanent redirect (301/308); nil: the listed URL.
    public var currentURL: String?
    public var etag: String?
    public var lastModified: String?
    /// Set when the server answered 410 Gone: the feed is not requested again.
    public var retiredAt: String?
    /// A Retry-After the fetcher did not wait for: no request before this time.
    public var notBefore: Date?
    public init(listedURL: String) { self.listedURL = listedURL }
}

/// robots.txt of one host as last fetched.
public struct CachedRobots: Sendable {
    public var host: String
    public var text: String
    public var fetchedAt: Date
    public var etag: String?
    public var lastModified: String?
    public init(host: String, text: String, fetchedAt: Date, etag: String?, lastModified: String?) {
        self.host = host; self.text = text; self.fetchedAt = fetchedAt; self.etag = etag; self.lastModified = lastModified
    }
}

/// The state of an article page URL met in a feed.
public enum PageStatus: String, Sendable, Codable {
    /// Downloaded into the spool directory: never requested again.
    case spooled
    /// Not downloaded this time (server error, timeout): tried again by the next run.
    case failed
    /// 404 or 410: not requested again.
    case gone
    /// robots.txt forbids it: not requested.
    case disallowed
    /// Over the size limit: not requested again.
    case tooLarge = "too-large"
}

/// One thing that happened during a fetch run, as the run log keeps it.
public struct FetchEvent: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case robots, feed, page }
    public enum Outcome: String, Sendable, Codable {
        /// Feed or robots.txt read (200); page downloaded into the spool.
        case fetched
        /// 304 to a conditional request: nothing new.
        case notModified = "not-modified"
        /// 301/308: the stored URL was updated (then the new URL was fetched).
        case moved
        /// 410 Gone (feed: retired, never requested again; page: not requested again), or 404 for a page.
        case gone
        /// A feed retired by an earlier 410, or a Retry-After not yet over: not requested.
        case notRequested = "not-requested"
        /// robots.txt forbids it.
        case disallowed
        /// No usable answer (HTTP error, timeout, malformed feed, too large…): see `detail`.
        case failed
    }
    public var kind: Kind
    public var url: String
    /// The feed (as listed) the event belongs to; nil for robots.txt.
    public var feed: String?
    public var outcome: Outcome
    public var httpStatus: Int?
    public var attempts: Int
    public var detail: String
    public init(kind: Kind, url: String, feed: String?, outcome: Outcome, httpStatus: Int?, attempts: Int, detail: String) {
        self.kind = kind; self.url = url; self.feed = feed; self.outcome = outcome; self.httpStatus = httpStatus
        self.attempts = attempts; self.detail = detail
    }
    /// Something the operator should look at (exit status 1).
    public var isFailure: Bool { outcome == .failed || (kind == .feed && (outcome == .gone || outcome == .disallowed)) }
}

/// Where the fetcher keeps its state and log (the knowledge base, in kb; memory in tests).
public protocol FetchStore: AnyObject {
    func feedState(_ listedURL: String) throws -> FeedState?
    func saveFeedState(_ state: FeedState) throws
    func robots(host: String) throws -> CachedRobots?
    func saveRobots(_ robots: CachedRobots) throws
    func pageStatus(_ url: String) throws -> PageStatus?
    /// Pages left `failed` by earlier runs, with the feed they came from.
    func pagesToRetry() throws -> [(url: String, feed: String)]
    /// Keeps a downloaded page (spool file written atomically) and records it `spooled`.
    func spool(url: String, feed: String, bytes: [UInt8]) throws
    func recordPage(url: String, feed: String, status: PageStatus, httpStatus: Int?, detail: String) throws
    func log(_ event: FetchEvent) throws
}

public struct FetchOptions: Sendable {
    /// `kb/VERSION (+contact)`: who is asking, and how to reach them.
    public var userAgent = "kb"
    /// robots.txt product token (lower case).
    public var robotsAgent = "kb"
    /// Seconds without an answer before a request is abandoned (then retried).
    public var timeout = 30.0
    /// Further attempts after a timeout, a connection error or a 5xx.
    public var retries = 2
    /// First wait before a retry, doubled at each attempt.
    public var backoff = 2.0
    /// Minimum seconds between two requests to the same host.
    public var hostDelay = 1.0
    /// Longest Retry-After (429/503) the fetcher waits for within a run; a longer one defers the URL to a later run.
    public var maxRetryAfter = 60.0
    /// Responses larger than this are cut off and nothing is kept.
    public var maxBytes = 8 << 20
    /// How long a fetched robots.txt is trusted (RFC 9309: at most 24 h).
    public var robotsMaxAge = 24.0 * 3600
    public init() {}
}

public struct FetchSummary: Sendable, Codable, Equatable {
    public var runID: Int64?
    public var feeds = 0, feedsFetched = 0, feedsNotModified = 0, feedsFailed = 0, feedsNotRequested = 0
    public var pagesSpooled = 0, pagesFailed = 0, pagesGone = 0, pagesDisallowed = 0
    public var requests = 0, conditionalRequests = 0
    public var seconds = 0.0
    public init() {}

    /// 0: every feed read (or not modified); 1: some feed or page failed, or a feed was retired (410) or is forbidden by robots.txt.
    public var exitStatus: Int32 { feedsFailed + pagesFailed > 0 ? 1 : 0 }

    public var line: String {
        "\(feeds) feed\(feeds == 1 ? "" : "s"): \(feedsFetched) read, \(feedsNotModified) not modified, \(feedsFailed) failed, "
            + "\(feedsNotRequested) not requested; pages: \(pagesSpooled) new, \(pagesFailed) failed, \(pagesGone) gone, "
            + "\(pagesDisallowed) disallowed; \(requests) request\(requests == 1 ? "" : "s") (\(conditionalRequests) conditional)"
    }

    public mutating func count(_ e: FetchEvent) {
        switch (e.kind, e.outcome) {
        case (.feed, .fetched): feedsFetched += 1
        case (.feed, .notModified): feedsNotModified += 1
        case (.feed, .notRequested): feedsNotRequested += 1
        case (.feed, .moved): break
        case (.feed, _): feedsFailed += 1
        case (.page, .fetched): pagesSpooled += 1
        case (.page, .gone): pagesGone += 1
        case (.page, .disallowed): pagesDisallowed += 1
        case (.page, .failed): pagesFailed += 1
        default: break
        }
    }
}

/// What runs a fetch over a store: the networking `Fetcher` (target Fetch). Declared here so that
/// the knowledge base stores fetch state without linking the HTTP stack (libcurl costs every
/// kb process ~30 ms of start-up).
public protocol FeedFetching: AnyObject {
    func run(feeds: [String]) throws -> FetchSummary
    /// What was done so far (also after a thrown error).
    var summary: FetchSummary { get }
}
