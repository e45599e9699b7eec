import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP response, redirects not followed (the fetcher decides what a 301 means for a feed).
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: [UInt8]

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Why a request got no response.
public enum HTTPFailure: Error, Equatable, CustomStringConvertible {
    case timedOut(seconds: Double)
    case tooLarge(limit: Int)
    case transport(String)

    public var description: String {
        switch self {
        case .timedOut(let s): return "no answer within \(Self.seconds(s)) s (timed out)"
        case .tooLarge(let limit): return "larger than the size limit of \(limit) bytes: download stopped, nothing kept"
        case .transport(let m): return m
        }
    }

    static func seconds(_ s: Double) -> String { s == s.rounded() ? String(Int(s)) : String(s) }
}

/// A blocking GET on top of URLSession (FoundationNetworking on Linux: libcurl, no extra package).
/// The body is read as it arrives so that a response over the size limit is cut off there, not
/// held in memory whole; redirects are returned to the caller, who follows them.
public final class HTTPClient: Sendable {
    public let userAgent: String
    public init(userAgent: String) { self.userAgent = userAgent }

    public func get(_ url: URL, headers: [String: String] = [:], timeout: Double, maxBytes: Int) -> Result<HTTPResponse, HTTPFailure> {
        let task = Transfer(maxBytes: maxBytes)
        let config = URLSessionConfiguration.ephemeral
        // swift-corelibs-foundation hands libcurl whole seconds (0.5 becomes « no time at all »):
        // URLSession's own timeouts are a loose backstop, the idle timeout is kept here.
        config.timeoutIntervalForRequest = (timeout + 1).rounded(.up)
        config.timeoutIntervalForResource = max(120, (timeout * 10).rounded(.up))
        config.urlCache = nil
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        config.httpCookieStorage = nil
        let session = URLSession(configuration: config, delegate: task, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: config.timeoutIntervalForRequest)
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        let dataTask = session.dataTask(with: request)
        dataTask.resume()
        // Idle timeout: no headers or body bytes for `timeout` seconds ends the request.
        while task.done.wait(timeout: .now() + min(0.05, timeout / 4)) == .timedOut {
            if Date().timeIntervalSince(task.lastActivity) > timeout {
                dataTask.cancel()
                session.invalidateAndCancel()
                return .failure(.timedOut(seconds: timeout))
            }
        }
        return task.result(timeout: timeout)
    }
}

/// URLSession calls the delegate on its own queue while `get` polls: the transfer's state is
/// behind a `Mutex`, so the compiler checks that no field is touched outside it.
private final class Transfer: NSObject, URLSessionDataDelegate, Sendable {
    private struct State {
        var response: HTTPURLResponse?
        var body: [UInt8] = []
        var error: (any Error)?
        var overLimit = false
        var activity = Date()
    }
    let done = DispatchSemaphore(value: 0)
    private let state = Mutex(State())
    private let maxBytes: Int
    var lastActivity: Date { state.withLock { $0.activity } }

    init(maxBytes: Int) { self.maxBytes = maxBytes }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let http = response as? HTTPURLResponse
        state.withLock { $0.response = http; $0.activity = Date() }
        // A declared length over the limit is refused before any of the body is read.
        if let http = response as? HTTPURLResponse, let length = http.value(forHTTPHeaderField: "Content-Length").flatMap(Int.init),
           length > maxBytes {
            state.withLock { $0.overLimit = true }
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let cancel: Bool = state.withLock { s in
            s.body.append(contentsOf: data)
            s.activity = Date()
            if s.body.count > maxBytes { s.overLimit = true; s.body = [] }
            return s.overLimit
        }
        if cancel { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        state.withLock { $0.error = error }
        done.signal()
    }

    func result(timeout: Double) -> Result<HTTPResponse, HTTPFailure> {
        state.withLock { s in
            if s.overLimit { return .failure(.tooLarge(limit: maxBytes)) }
            if let error = s.error {
                let ns = error as NSError
                if ns.domain == NSURLErrorDomain && ns.code == NSURLErrorTimedOut { return .failure(.timedOut(seconds: timeout)) }
                if ns.domain == NSURLErrorDomain && ns.code == NSURLErrorCannotConnectToHost {
                    return .failure(.transport("cannot connect to the server (connection refused)"))
                }
                if ns.domain == NSURLErrorDomain && ns.code == NSURLErrorCannotFindHost {
                    return .failure(.transport("unknown host name (DNS)"))
                }
                return .failure(.transport("network error: \(ns.localizedDescription)"))
            }
            guard let response = s.response else { return .failure(.transport("no HTTP response")) }
            var headers: [String: String] = [:]
            for (k, v) in response.allHeaderFields {
                if let k = k as? String, let v = v as? String { headers[k.lowercased()] = v }
            }
            return .success(HTTPResponse(status: response.statusCode, headers: headers, body: s.body))
        }
    }
}
