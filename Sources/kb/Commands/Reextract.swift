import ArgumentParser
import KnowledgeBase

struct Reextract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reextract",
        abstract: "Re-extract the facts of every stored article from its raw text.",
        discussion: """
            kb ingest does this by itself when kb's extractor version differs from the one recorded \
            with the articles; run it by hand after changing reference data. One transaction: readers \
            see the old facts until the new ones are all in, and a killed run changes nothing.

            Exit status: 0 done, 2 database error, 3 an ingest is running on this database.

            Example:
              kb reextract --db /srv/kb/kb.sqlite
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var log: LogOptions

    func run() throws {
        let reporter = IngestReporter(command: "reextract", options: log)
        // A trap while extracting one article restarts kb, which records that article as skipped and goes on.
        CrashGuard.enableResume(arguments: CommandLine.arguments)
        let lock = try CLI.run(reporter) { try WriterLock.acquire(databasePath: database.path) }
        let summary = try withExtendedLifetime(lock) {
            let kb = try CLI.run(reporter) { try database.open() }
            return try CLI.run(reporter) { try kb.reextract(progress: reporter.progress) }
        }
        reporter.finish(summary)
        if summary.exitStatus != 0 { throw ExitCode(summary.exitStatus) }
    }
}
