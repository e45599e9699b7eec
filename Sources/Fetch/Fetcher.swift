import Foundation
@_exported import FetchModel

/// Reads feeds and downloads the article pages they list that were never downloaded, politely:
/// conditional requests, one request at a time with a delay per host, robots.txt, retries with
/// backoff, Retry-After, permanent redirects remembered, 410 retiring a feed. One feed's failure
/// never stops the others; everything that happens is an event in the store's log.
public final class Fetcher: FeedFetching {
    let store: FetchStore
    let options: FetchOptions
    let client: HTTPClient
    public private(set) var summary = FetchSummary()
    private var lastRequest: [String: Date] = [:]
    private var robotsThisRun: [String: RobotsRules] = [:]
    private var handledPages = Set<String>()
    /// Testing: how the fetcher waits (real sleep by default).
    var sleep: (Double) -> Void = { if $0 > 0 { Thread.sleep(forTimeInterval: $0) } }

    public init(store: FetchStore, options: FetchOptions) {
        self.store = store
        self.options = options
        self.client = HTTPClient(userAgent: options.userAgent)
    }

    public func run(feeds: [String]) throws -> FetchSummary {
        var seen = Set<String>()
        for feed in feeds where seen.insert(feed).inserted {
            summary.feeds += 1
            try fetchFeed(feed)
        }
        // Pages that failed on an earlier run are tried again, whether or not their feed changed.
        for (url, feed) in try store.pagesToRetry() where !handledPages.contains(url) {
            try fetchPage(url, feed: feed)
        }
        return summary
    }

    private func log(_ e: FetchEvent) throws {
        summary.count(e)
        try store.log(e)
    }

    // MARK: - Feeds

    private func fetchFeed(_ listed: String) throws {
        var state = try store.feedState(listed) ?? FeedState(listedURL: listed)
        func event(_ url: String, _ outcome: FetchEvent.Outcome, _ status: Int?, _ attempts: Int, _ detail: String) -> FetchEvent {
            FetchEvent(kind: .feed, url: url, feed: listed, outcome: outcome, httpStatus: status, attempts: attempts, detail: detail)
        }
        if let retired = state.retiredAt {
            return try log(event(listed, .notRequested, nil, 0, "retired: the server answered 410 Gone on \(retired); not requested again (remove it from the feeds file)"))
        }
        if let notBefore = state.notBefore, notBefore > Date() {
            return try log(event(listed, .notRequested, nil, 0, "the server asked to wait (Retry-After) until \(Self.iso(notBefore)); not requested before then"))
        }
        let address = state.currentURL ?? listed
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            return try log(event(address, .failed, nil, 0, "not an http(s) URL: check the feeds file"))
        }
        guard try robotsAllow(url, feed: listed) else {
            return try log(event(address, .disallowed, nil, 0, "robots.txt of \(Self.hostKey(url)) forbids kb to read this feed: not requested"))
        }
        var headers: [String: String] = ["Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1"]
        if let etag = state.etag { headers["If-None-Match"] = etag }
        if let lm = state.lastModified { headers["If-Modified-Since"] = lm }
        let answer = request(url, headers: headers)
        if let moved = answer.permanentTarget, moved.absoluteString != address {
            state.currentURL = moved.absoluteString
            // Validators belong to the old address.
            state.etag = nil
            state.lastModified = nil
            try store.saveFeedState(state)
            try log(event(address, .moved, answer.firstStatus, 1, "moved permanently to \(moved.absoluteString): the new address is stored and used from now on"))
        }
        let finalURL = answer.url.absoluteString
        switch answer.result {
        case .failure(let failure):
            try log(event(finalURL, .failed, nil, answer.attempts, "\(failure)\(Self.after(answer.attempts)); tried again next run"))
        case .success(let response):
            switch response.status {
            case 304:
                state.notBefore = nil
                try store.saveFeedState(state)
                try log(event(finalURL, .notModified, 304, answer.attempts, "not modified since the last run"))
            case 200:
                let items: [FeedItem]
                do { items = try FeedParser.parse(response.body, baseURL: answer.url) } catch {
                    // The validators are not stored: the next run asks for the whole feed again.
                    return try log(event(finalURL, .failed, 200, answer.attempts, "\(error); no item read, tried again next run"))
                }
                state.etag = response.header("ETag")
                state.lastModified = response.header("Last-Modified")
                state.notBefore = nil
                try store.saveFeedState(state)
                var fresh: [FeedItem] = []
                var seen = Set<String>()
                for item in items where seen.insert(item.link).inserted {
                    if try store.pageStatus(item.link) == nil, !handledPages.contains(item.link) { fresh.append(item) }
                }
                let undated = items.filter { $0.date == nil }.count
                try log(event(finalURL, .fetched, 200, answer.attempts,
                              "\(items.count) item\(items.count == 1 ? "" : "s"), \(fresh.count) new" + (undated > 0 ? " (\(undated) without a date: the page's own date is used)" : "")))
                for item in fresh { try fetchPage(item.link, feed: listed) }
            case 410:
                state.retiredAt = Self.iso(Date())
                try store.saveFeedState(state)
                try log(event(finalURL, .gone, 410, answer.attempts, "410 Gone: the feed is retired and not requested again (remove it from the feeds file)"))
            case let status where (status == 429 || status == 503) && answer.retryAfter != nil:
                let wait = answer.retryAfter!
                state.notBefore = Date().addingTimeInterval(wait)
                try store.saveFeedState(state)
                try log(event(finalURL, .failed, response.status, answer.attempts,
                              "HTTP \(response.status) with Retry-After \(Int(wait.rounded())) s (longer than the \(HTTPFailure.seconds(options.maxRetryAfter)) s kb waits within a run): not requested before \(Self.iso(state.notBefore!))"))
            default:
                try log(event(finalURL, .failed, response.status, answer.attempts,
                              "HTTP \(response.status)\(Self.after(answer.attempts)); tried again next run"))
            }
        }
    }

    // MARK: - Pages

    private func fetchPage(_ address: String, feed: String) throws {
        handledPages.insert(address)
        func done(_ outcome: FetchEvent.Outcome, _ status: PageStatus?, _ http: Int?, _ attempts: Int, _ detail: String) throws {
            if let status { try store.recordPage(url: address, feed: feed, status: status, httpStatus: http, detail: detail) }
            try log(FetchEvent(kind: .page, url: address, feed: feed, outcome: outcome, httpStatus: http, attempts: attempts, detail: detail))
        }
        guard let url = URL(string: address), url.host != nil else {
            return try done(.failed, .gone, nil, 0, "not a usable URL: not requested")
        }
        guard try robotsAllow(url, feed: feed) else {
            return try done(.disallowed, .disallowed, nil, 0, "robots.txt of \(Self.hostKey(url)) forbids kb to read this page: not requested")
        }
        let answer = request(url, headers: ["Accept": "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"])
        switch answer.result {
        case .failure(.tooLarge(let limit)):
            try done(.failed, .tooLarge, nil, answer.attempts, "larger than the size limit of \(limit) bytes: nothing kept, not requested again")
        case .failure(let failure):
            try done(.failed, .failed, nil, answer.attempts, "\(failure)\(Self.after(answer.attempts)); tried again next run")
        case .success(let response):
            switch response.status {
            case 200:
                guard !response.body.isEmpty else {
                    return try done(.failed, .failed, 200, answer.attempts, "empty page (0 bytes); tried again next run")
                }
                try store.spool(url: address, feed: feed, bytes: response.body)
                try log(FetchEvent(kind: .page, url: address, feed: feed, outcome: .fetched, httpStatus: 200, attempts: answer.attempts,
                                   detail: "\(response.body.count) bytes spooled"))
            case 404, 410:
                try done(.gone, .gone, response.status, answer.attempts, "HTTP \(response.status): not requested again")
            default:
                try done(.failed, .failed, response.status, answer.attempts, "HTTP \(response.status)\(Self.after(answer.attempts)); tried again next run")
            }
        }
    }

    // MARK: - robots.txt

    private func robotsAllow(_ url: URL, feed: String?) throws -> Bool {
        let host = Self.hostKey(url)
        var path = url.path.isEmpty ? "/" : url.path
        if let q = url.query { path += "?" + q }
        if let rules = robotsThisRun[host] { return rules.allows(path) }
        let cached = try store.robots(host: host)
        if let cached, Date().timeIntervalSince(cached.fetchedAt) < options.robotsMaxAge {
            let rules = RobotsRules(text: cached.text, agent: options.robotsAgent)
            robotsThisRun[host] = rules
            return rules.allows(path)
        }
        let robotsURL = URL(string: "\(host)/robots.txt")!
        var headers: [String: String] = [:]
        if let etag = cached?.etag { headers["If-None-Match"] = etag }
        if let lm = cached?.lastModified { headers["If-Modified-Since"] = lm }
        let answer = request(robotsURL, headers: headers, retries: 0, maxRedirects: 5)
        var rules: RobotsRules
        func event(_ o: FetchEvent.Outcome, _ status: Int?, _ detail: String) -> FetchEvent {
            FetchEvent(kind: .robots, url: robotsURL.absoluteString, feed: nil, outcome: o, httpStatus: status, attempts: answer.attempts, detail: detail)
        }
        switch answer.result {
        case .success(let r) where r.status == 304 && cached != nil:
            rules = RobotsRules(text: cached!.text, agent: options.robotsAgent)
            try store.saveRobots(CachedRobots(host: host, text: cached!.text, fetchedAt: Date(), etag: cached!.etag, lastModified: cached!.lastModified))
            try log(event(.notModified, 304, "unchanged"))
        case .success(let r) where r.status == 200:
            let text = String(decoding: r.body, as: UTF8.self)
            rules = RobotsRules(text: text, agent: options.robotsAgent)
            try store.saveRobots(CachedRobots(host: host, text: text, fetchedAt: Date(), etag: r.header("ETag"), lastModified: r.header("Last-Modified")))
            try log(event(.fetched, 200, "read; kept for \(Int(options.robotsMaxAge / 3600)) h"))
        case .success(let r) where (400..<500).contains(r.status):
            // RFC 9309 § 2.3.1.3: an unavailable robots.txt (4xx) allows everything.
            rules = .allowAll
            try store.saveRobots(CachedRobots(host: host, text: "", fetchedAt: Date(), etag: nil, lastModified: nil))
            try log(event(.gone, r.status, "no robots.txt (HTTP \(r.status)): everything allowed"))
        case .success(let r):
            // RFC 9309 § 2.3.1.4: an unreachable robots.txt (5xx) means nothing may be fetched, for now.
            rules = .disallowAll
            try log(event(.failed, r.status, "HTTP \(r.status) on robots.txt: nothing fetched from this host this run"))
        case .failure(let f):
            rules = .disallowAll
            try log(event(.failed, nil, "\(f) on robots.txt: nothing fetched from this host this run"))
        }
        robotsThisRun[host] = rules
        return rules.allows(path)
    }

    // MARK: - Requests

    struct Answer {
        var result: Result<HTTPResponse, HTTPFailure>
        var url: URL
        var attempts: Int
        /// Where a permanent redirect chain (301/308 only) led, if the first answer was one.
        var permanentTarget: URL?
        var firstStatus: Int?
        /// A Retry-After (429/503) longer than `maxRetryAfter`, in seconds.
        var retryAfter: Double?
    }

    /// GET with retries and redirects followed (at most `maxRedirects`).
    func request(_ start: URL, headers: [String: String], retries: Int? = nil, maxRedirects: Int = 5) -> Answer {
        var url = start
        var allPermanent = true
        var firstStatus: Int?
        var attemptsTotal = 0
        for hop in 0...maxRedirects {
            var (result, attempts, retryAfter) = attempt(url, headers: hop == 0 ? headers : headers.filter { !$0.key.hasPrefix("If-") },
                                                         retries: retries ?? options.retries)
            attemptsTotal += attempts
            guard case .success(let r) = result, [301, 302, 303, 307, 308].contains(r.status) else {
                return Answer(result: result, url: url, attempts: attemptsTotal,
                              permanentTarget: hop > 0 && allPermanent ? url : nil, firstStatus: firstStatus ?? (try? result.get())?.status, retryAfter: retryAfter)
            }
            if firstStatus == nil { firstStatus = r.status }
            if ![301, 308].contains(r.status) { allPermanent = false }
            guard let location = r.header("Location"), let next = URL(string: location, relativeTo: url)?.absoluteURL,
                  ["http", "https"].contains(next.scheme?.lowercased() ?? "") else {
                result = .failure(.transport("redirect (HTTP \(r.status)) without a usable Location"))
                return Answer(result: result, url: url, attempts: attemptsTotal, permanentTarget: nil, firstStatus: firstStatus, retryAfter: nil)
            }
            url = next
        }
        return Answer(result: .failure(.transport("more than \(maxRedirects) redirects")), url: url, attempts: attemptsTotal,
                      permanentTarget: nil, firstStatus: firstStatus, retryAfter: nil)
    }

    /// One URL, retried after timeouts, connection errors and 5xx (backoff doubling each time), and
    /// after a 429/503 whose Retry-After is short enough to wait for.
    private func attempt(_ url: URL, headers: [String: String], retries: Int) -> (Result<HTTPResponse, HTTPFailure>, Int, Double?) {
        var wait = options.backoff
        var n = 0
        while true {
            n += 1
            politeDelay(url)
            summary.requests += 1
            if headers.keys.contains(where: { $0.hasPrefix("If-") }) { summary.conditionalRequests += 1 }
            let result = client.get(url, headers: headers, timeout: options.timeout, maxBytes: options.maxBytes)
            lastRequest[Self.hostKey(url)] = Date()
            let more = n <= retries
            switch result {
            case .failure(.tooLarge): return (result, n, nil)
            case .failure:
                guard more else { return (result, n, nil) }
            case .success(let r) where r.status == 429 || r.status == 503:
                if let after = r.header("Retry-After").flatMap(Self.retryAfterSeconds) {
                    guard after <= options.maxRetryAfter, more else { return (result, n, after <= options.maxRetryAfter ? nil : after) }
                    sleep(after)
                    continue
                }
                guard more else { return (result, n, nil) }
            case .success(let r) where (500..<600).contains(r.status) && r.status != 501:
                guard more else { return (result, n, nil) }
            case .success:
                return (result, n, nil)
            }
            sleep(wait)
            wait *= 2
        }
    }

    private func politeDelay(_ url: URL) {
        guard let last = lastRequest[Self.hostKey(url)] else { return }
        let remaining = options.hostDelay - Date().timeIntervalSince(last)
        if remaining > 0 { sleep(remaining) }
    }

    /// `Retry-After: 120` or an HTTP date.
    static func retryAfterSeconds(_ value: String) -> Double? {
        let v = value.trimmingCharacters(in: .whitespaces)
        if let s = Double(v), s >= 0 { return s }
        return httpDate.date(from: v).map { max(0, $0.timeIntervalSinceNow) }
    }

    /// One formatter for every response: setting one up loads ICU data. Foundation documents
    /// DateFormatter as thread-safe (Sendable), and this one is never changed after it is made.
    private static let httpDate: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return f
    }()

    /// `scheme://host[:port]`: robots.txt and the per-host delay are per origin.
    static func hostKey(_ url: URL) -> String {
        "\(url.scheme?.lowercased() ?? "http")://\(url.host?.lowercased() ?? "")" + (url.port.map { ":\($0)" } ?? "")
    }

    static func after(_ attempts: Int) -> String { attempts > 1 ? " after \(attempts) attempts" : "" }

    /// `2025-06-05T10:00:00Z`, as ISO8601DateFormatter wrote it, without a formatter per call.
    static func iso(_ d: Date) -> String { d.formatted(.iso8601) }
}
