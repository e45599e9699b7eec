import ArgumentParser
import KnowledgeBase

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ingest article files (or directories of *.txt files) into the knowledge base.",
        discussion: """
            Idempotent: files already ingested and unchanged are skipped; a changed file updates its article in place.
            Prints one summary line (new / updated / unchanged / failed) on stderr.

            Example:
              kb ingest seeds/articles
              kb ingest --db /srv/kb/kb.sqlite /srv/news/2025/
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("Files or directories to ingest.", valueName: "path"))
    var paths: [String]

    func run() throws {
        let kb = try CLI.run { try database.open(.create) }
        let summary = try CLI.run { try kb.ingest(paths: paths) }
        for p in summary.problems {
            CLI.warn("\(p.path): \(p.reason)")
        }
        CLI.warn("ingest: \(summary.line)\(summary.isNoOp && summary.failed == 0 ? " — nothing to do, the knowledge base is up to date" : "")")
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
