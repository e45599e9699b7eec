import ArgumentParser
import KnowledgeBase

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database: integrity, foreign keys, full-text index, complete articles.",
        discussion: """
            Safe while an ingest runs (it waits at most for the article being written). \
            Exit status: 0 every check passed, 1 some check failed, 2 the database cannot be opened.

            Example:
              kb check --db /srv/kb/kb.sqlite || echo "kb.sqlite needs attention"
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var style: FormatOptions

    func run() throws {
        let kb = try CLI.run { try database.open(.readWriteNoUpgrade) }
        let results = try CLI.run { try kb.check() }
        style.printer.print(results)
        let failed = results.filter { !$0.ok }.count
        CLI.warn(failed == 0 ? "kb check: all \(results.count) checks passed" : "kb check: \(failed) of \(results.count) checks failed")
        if failed > 0 { throw ExitCode(1) }
    }
}

extension CheckResult: TableRow {
    static var columns: [String] { ["check", "ok", "detail"] }
    static var tableColumns: [String] { ["check", "status", "detail"] }
    func tableCell(_ column: String, row: JSONTree) -> String? { column == "status" ? (ok ? "ok" : "FAILED") : nil }
}
