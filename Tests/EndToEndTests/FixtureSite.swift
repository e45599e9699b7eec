@testable import KnowledgeBaseTests
import Foundation

/// A web site on 127.0.0.1 for `kb fetch` tests: Python's `http.server` (python3 is a prerequisite of
/// `make`), started on an ephemeral port, serving what the test declares. Each path answers with a
/// sequence of responses (the last one repeats); a response with an `etag` or `last_modified`
/// answers 304 to a request carrying it. Every request is logged with its conditional headers.
final class FixtureSite {
    struct Response: Encodable {
        var status = 200
        var headers: [String: String] = [:]
        var body: String?
        /// Raw bytes, base64 (pages in another charset).
        var bodyBase64: String?
        /// Sends this many bytes, without Content-Length (a size limit must cut the stream).
        var streamBytes: Int?
        var delay: Double?
        var etag: String?
        var lastModified: String?

        enum CodingKeys: String, CodingKey {
            case status, headers, body, delay, etag
            case bodyBase64 = "body_base64", streamBytes = "stream_bytes", lastModified = "last_modified"
        }
    }

    struct Request: Decodable {
        var path: String
        var ifNoneMatch: String?
        var ifModifiedSince: String?
        var userAgent: String?
        var status: Int
        var conditional: Bool { ifNoneMatch != nil || ifModifiedSince != nil }
        enum CodingKeys: String, CodingKey {
            case path, status
            case ifNoneMatch = "if_none_match", ifModifiedSince = "if_modified_since", userAgent = "user_agent"
        }
    }

    let directory: URL
    private(set) var port = 0
    private var process: Process?
    var routes: [String: [Response]] = [:]

    init(directory: URL) { self.directory = directory }

    var base: String { "http://127.0.0.1:\(port)" }
    func url(_ path: String) -> String { base + path }

    /// Writes the routes; the server reads them on every request, so they may change between runs.
    func publish() throws {
        try JSONEncoder().encode(routes).write(to: directory.appendingPathComponent("routes.json"))
    }

    func start() throws {
        try publish()
        let script = directory.appendingPathComponent("server.py")
        try Self.server.write(to: script, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script.path, directory.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        process = p
        // The server writes its port to a file once it listens.
        let portFile = directory.appendingPathComponent("port")
        let deadline = Date().addingTimeInterval(20)
        var port: Int?
        while port == nil && Date() < deadline {
            if let data = FileManager.default.contents(atPath: portFile.path), let text = String(data: data, encoding: .utf8),
               text.hasSuffix("\n") { port = Int(text.dropLast()) }
            else { Thread.sleep(forTimeInterval: 0.02) }
        }
        guard let port else { throw CocoaError(.fileReadUnknown) }
        self.port = port
    }

    func stop() {
        // SIGKILL: the test runner's children may inherit a blocked SIGTERM.
        if let p = process, p.isRunning { kill(p.processIdentifier, SIGKILL); p.waitUntilExit() }
        process = nil
    }

    deinit { stop() }

    /// Requests logged so far.
    func requests() throws -> [Request] {
        let log = directory.appendingPathComponent("requests.log")
        guard let data = FileManager.default.contents(atPath: log.path) else { return [] }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { try JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }

    func clearLog() throws {
        try? FileManager.default.removeItem(at: directory.appendingPathComponent("requests.log"))
    }

    static let server = #"""
        import base64, json, os, sys, threading, time
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        root = sys.argv[1]
        counts = {}
        lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def log_message(self, *args): pass

            def do_GET(self):
                with open(os.path.join(root, "routes.json")) as f: routes = json.load(f)
                path = self.path
                with lock:
                    n = counts.get(path, 0); counts[path] = n + 1
                seq = routes.get(path)
                inm = self.headers.get("If-None-Match"); ims = self.headers.get("If-Modified-Since")
                r = {"status": 404, "body": "not found"} if not seq else seq[min(n, len(seq) - 1)]
                status = r.get("status", 200)
                if status == 200 and ((r.get("etag") and inm == r["etag"]) or (r.get("last_modified") and ims == r["last_modified"])):
                    status = 304
                with lock, open(os.path.join(root, "requests.log"), "a") as log:
                    log.write(json.dumps({"path": path, "if_none_match": inm, "if_modified_since": ims,
                                          "user_agent": self.headers.get("User-Agent"), "status": status}) + "\n")
                if r.get("delay"): time.sleep(r["delay"])
                headers = dict(r.get("headers", {}))
                if r.get("etag"): headers["ETag"] = r["etag"]
                if r.get("last_modified"): headers["Last-Modified"] = r["last_modified"]
                try:
                    if status == 304:
                        self.send_response(304)
                        for k, v in headers.items(): self.send_header(k, v)
                        self.send_header("Content-Length", "0"); self.end_headers(); return
                    if r.get("stream_bytes"):
                        self.send_response(status)
                        for k, v in headers.items(): self.send_header(k, v)
                        self.send_header("Connection", "close"); self.end_headers()
                        chunk = b"<p>" + b"x" * 65530 + b"</p>"
                        sent = 0
                        while sent < r["stream_bytes"]:
                            self.wfile.write(chunk); sent += len(chunk)
                        self.close_connection = True
                        return
                    body = base64.b64decode(r["body_base64"]) if r.get("body_base64") else (r.get("body") or "").encode("utf-8")
                    self.send_response(status)
                    for k, v in headers.items(): self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body))); self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        # The server ends with the test process, even one that was killed.
        parent = os.getppid()
        def watch():
            while os.getppid() == parent: time.sleep(0.5)
            os._exit(0)
        threading.Thread(target=watch, daemon=True).start()

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        with open(os.path.join(root, "port.tmp"), "w") as f: f.write("%d\n" % server.server_address[1])
        os.rename(os.path.join(root, "port.tmp"), os.path.join(root, "port"))
        server.serve_forever()
        """#
}
