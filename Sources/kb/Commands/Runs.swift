import ArgumentParser
import Foundation
import ArticleFiles
import CLIMessages
import KnowledgeBase

struct Runs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "Show the recent ingest runs, or the per-file problems of one run.",
        discussion: """
            A run still shown as running while no ingest is alive was killed; the next run marks it interrupted.

            Examples:
              kb runs                              # the last 20 runs
              kb runs --problems                   # files skipped or warned about in the last run
              kb runs --problems --run 12 --format csv
              kb runs --skipped                    # files skipped earlier and unchanged since (not re-read)
              kb runs --fetch                      # the last kb fetch runs
              kb runs --fetch --problems           # what failed in the last fetch run (--run N: that run; without --problems: every outcome)
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Number of runs to show (0: all).") var limit: Int = 20
    @Flag(help: "List the per-file problems (skipped, warning, missing) of one run instead.") var problems = false
    @Option(name: .customLong("run"), help: ArgumentHelp("The run whose problems to list (default: the latest).", valueName: "id")) var runID: Int64?
    @Flag(help: "List the files skipped by earlier runs and unchanged since (not read again until they change).") var skipped = false
    @Flag(help: "The runs of kb fetch instead (with --run N or --problems: that run's outcomes).") var fetch = false
    @OptionGroup var style: FormatOptions

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit takes a number of runs, 0 for all, not \(limit)") }
    }

    func run() throws {
        let kb = try CLI.run { try database.open(.readOnly) }
        let printer = style.printer
        if fetch {
            if problems || runID != nil {
                guard let list = try CLI.run({ try kb.fetchLog(run: runID, problemsOnly: problems) }) else {
                    CLI.warn(runID.map { "kb: no fetch run \($0)" } ?? "kb: no fetch run recorded yet")
                    throw ExitCode(runID == nil ? 0 : 1)
                }
                printer.print(list)
            } else {
                printer.print(try CLI.run { try kb.recentFetchRuns(limit: limit) })
            }
        } else if skipped {
            printer.print(try CLI.run { try kb.skippedFiles() }.map { var s = $0; s.reason = ErrorMessages.reason($0); return s })
        } else if problems || runID != nil {
            guard let (_, list) = try CLI.run({ try kb.run(id: runID) }) else {
                // An unknown run is « no such name », as everywhere: status 1.
                CLI.warn(runID.map { "kb: no run \($0); `kb runs --limit 0` lists them all" } ?? "kb: no run recorded yet")
                throw ExitCode(runID == nil ? 0 : 1)
            }
            printer.print(list.map { var p = $0; p.reason = ErrorMessages.reason($0); return p })
        } else {
            // SQLite reads a negative LIMIT as none.
            printer.print(try CLI.run { try kb.recentRuns(limit: limit == 0 ? -1 : limit) })
        }
    }
}

extension IngestRun: TableRow {
    static var columns: [String] {
        ["id", "command", "started_at", "finished_at", "status", "extractor_version", "paths", "files", "new", "updated", "unchanged",
         "skipped", "warnings", "missing", "reextracted", "still_skipped", "error"]
    }
    static var tableColumns: [String] {
        ["id", "command", "started_at", "seconds", "status", "files", "new", "updated", "unchanged", "skipped", "warnings",
         "missing", "reextracted", "extractor_version", "still_skipped"]
    }
    func tableCell(_ column: String, row: JSONTree) -> String? {
        switch column {
        case "seconds": return duration
        case "status": return status.rawValue + (error.map { ": \($0)" } ?? "")
        default: return nil
        }
    }
    private var duration: String {
        guard let end = finishedAt.flatMap({ try? Date($0, strategy: .iso8601) }), let start = try? Date(startedAt, strategy: .iso8601) else { return "" }
        return String(Int(end.timeIntervalSince(start)))
    }
}

extension FileProblem: TableRow {
    static var columns: [String] { ["severity", "kind", "path", "reason"] }
}

extension SkippedFile: TableRow {
    static var columns: [String] { ["path", "kind", "reason", "first_run", "last_run"] }
}

extension FetchRun: TableRow {
    static var columns: [String] {
        ["id", "started", "status", "feeds", "read", "not_modified", "feeds_failed", "pages_new", "pages_failed", "requests", "conditional"]
    }
    var cells: [String] {
        [String(id), startedAt, status.rawValue + (error.map { ": \($0)" } ?? ""), String(feeds), String(feedsFetched), String(notModified),
         String(feedsFailed), String(pagesSpooled), String(pagesFailed), String(requests), String(conditional)]
    }
}

extension FetchLogEntry: TableRow {
    static var columns: [String] { ["kind", "outcome", "http", "attempts", "url", "detail"] }
    var cells: [String] { [kind, outcome, httpStatus.map(String.init) ?? "", String(attempts), url, detail] }
}
