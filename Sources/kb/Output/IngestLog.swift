import ArgumentParser
import Foundation
import ArticleFiles
import CLIMessages
import KnowledgeBase

/// `--quiet` and `--log-format`, on the commands that write (ingest, reextract).
struct LogOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Flag(name: .shortAndLong, help: "Only the one summary line on stderr (for cron): no progress bar, no per-file lines.")
    var quiet = false

    @Option(help: "Diagnostics on stderr as text, or as one JSON object per line (for log collectors).")
    var logFormat: Format = .text
}

/// `--max-file-size`, read as `kb ingest` and `kb extract` read files (the same guarded reader).
struct FileSizeLimit: ParsableArguments {
    @Option(help: ArgumentHelp("Skip files larger than this (e.g. 8M, 512K, 100000).", valueName: "size"))
    var maxFileSize: String = "8M"

    func validate() throws {
        guard ByteCount.parse(maxFileSize) != nil else {
            throw ValidationError("--max-file-size must be a size such as 8M, 512K or 100000, not « \(maxFileSize) »")
        }
    }

    /// Valid once parsing is done (`validate`).
    var bytes: Int { ByteCount.parse(maxFileSize) ?? 0 }
}

/// What an ingest says on stderr: a progress bar on a terminal only, per-file problems, and one
/// summary line per run. stdout stays empty, so cron mails and pipes only get what matters.
final class IngestReporter {
    let options: LogOptions
    let command: String
    private let showProgress: Bool
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(command: String, options: LogOptions) {
        self.command = command
        self.options = options
        showProgress = !options.quiet && options.logFormat == .text && isatty(2) == 1
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    func progress(_ e: IngestEvent) {
        guard showProgress else { return }
        let now = Date()
        guard e.index == e.total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let width = 30
        let filled = e.total == 0 ? width : width * e.index / e.total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let label = e.phase == .reextract ? "re-extracting" : "ingesting"
        emit("\r\u{1B}[K\(label) [\(bar)] \(e.index)/\(e.total)", newline: false)
        drawn = true
    }

    func finish(_ s: IngestSummary) {
        clearProgress()
        if !options.quiet {
            for p in s.problems { problem(p, run: s.runID) }
        }
        let status = s.skipped > 0 ? "partial" : "ok"
        switch options.logFormat {
        case .text:
            let details = s.problems.isEmpty || s.runID == nil ? "" : " (details: kb runs --problems --run \(s.runID!))"
            let upToDate = s.isNoOp && s.skipped == 0 && command == "ingest" ? " — the knowledge base is up to date" : ""
            emit("\(JSONLogLine.timestamp()) kb \(command): run \(s.runID.map(String.init) ?? "?") \(status) in \(String(format: "%.1f", s.seconds)) s, "
                 + "\(s.files) files: \(ErrorMessages.summaryLine(s))\(upToDate)\(details)")
        case .json:
            json(["event": "\(command)_summary", "level": s.skipped > 0 ? "warning" : "info", "run": s.runID as Any, "status": status,
                  "files": s.files, "new": s.new, "updated": s.updated, "unchanged": s.unchanged, "skipped": s.skipped,
                  "warnings": s.warnings, "missing": s.missing, "reextracted": s.reextracted, "still_skipped": s.stillSkipped,
                  "seconds": (s.seconds * 1000).rounded() / 1000, "exit": Int(s.exitStatus)])
        }
    }

    /// A run that stopped on an error: the message, in the chosen log format.
    func fail(_ e: KBError) {
        clearProgress()
        switch options.logFormat {
        case .text: emit("kb: \(ErrorMessages.render(e))")
        case .json: json(["event": "error", "level": "error", "command": command, "message": ErrorMessages.render(e), "exit": Int(e.exitCode)])
        }
    }

    private func problem(_ p: FileProblem, run: Int64?) {
        switch options.logFormat {
        case .text: emit(Terminal.visible("kb: \(p.severity.rawValue): \(p.path): \(ErrorMessages.reason(p))", newlines: false))
        case .json:
            json(["event": "file_problem", "level": p.severity == .skipped ? "warning" : "info", "run": run as Any,
                  "severity": p.severity.rawValue, "kind": p.kind.rawValue, "path": p.path, "reason": ErrorMessages.reason(p)])
        }
    }

    private func clearProgress() {
        if drawn { emit("\r\u{1B}[K", newline: false); drawn = false }
    }

    private func json(_ object: [String: Any]) { emit(JSONLogLine.encode(object)) }

    private func emit(_ s: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((newline ? s + "\n" : s).utf8))
    }

}

extension CLI {
    /// Runs a writing command's body, reporting a library error through `reporter`.
    static func run<T>(_ reporter: IngestReporter, _ body: () throws -> T) throws -> T {
        do { return try body() }
        catch let e as KBError {
            reporter.fail(e)
            throw ExitCode(e.exitCode)
        }
    }
}
