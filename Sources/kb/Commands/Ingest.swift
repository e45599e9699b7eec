import ArgumentParser
import Foundation
import ArticleFiles
import KnowledgeBase

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest article files (or directories of *.txt files) into the knowledge base.",
        discussion: """
            Incremental: a file with the size and time recorded last run is not read (unless that time was \
            within 2 s of the read, or with --rescan); a file whose text is already stored is not extracted again; a changed file updates its article in place. When kb's \
            extractor version changed, stored articles are re-extracted in bounded batches between the new files (resumable; see kb reextract). \
            Bad files (empty, binary, undecodable, too large, unreadable…) are skipped with a reason; \
            what was stored before is never touched. Each article is written with its facts atomically: \
            readers never see half an article, and a killed run loses nothing (run it again). \
            Only one ingest runs at a time per database (lock file: DB.lock). \
            Prints one summary line on stderr; details: kb runs --problems.

            Exit status: 0 all files ingested (warnings allowed), 1 some files skipped, 2 usage or \
            database error, 3 another ingest is running on this database.

            Examples:
              kb ingest seeds/articles
              kb ingest --quiet --prune --db /srv/kb/kb.sqlite /srv/news/
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var log: LogOptions

    @Flag(help: "Mark sources whose file disappeared under the given paths (never deletes anything).")
    var prune = false

    @Flag(help: "Follow symbolic links that lead out of the given directories (by default they are reported and skipped).")
    var followSymlinks = false

    @Flag(help: "Read and hash every file, even those whose size and time are as recorded (finds an edit that kept both).")
    var rescan = false

    @OptionGroup var sizeLimit: FileSizeLimit

    @Argument(help: ArgumentHelp("Files or directories to ingest.", valueName: "path"))
    var paths: [String]

    func run() throws {
        var options = IngestOptions()
        options.maxFileSize = sizeLimit.bytes
        options.prune = prune
        options.rescan = rescan
        options.followSymlinks = followSymlinks
        // Testing only (crash and concurrency tests): milliseconds spent inside each article's transaction.
        if let ms = ProcessInfo.processInfo.environment["KB_TEST_ARTICLE_DELAY_MS"].flatMap(Double.init) {
            options.articleDelay = ms / 1000
        }
        let reporter = IngestReporter(command: "ingest", options: log)
        // A trap while extracting one article restarts kb, which records that article as skipped and goes on.
        CrashGuard.enableResume(arguments: CommandLine.arguments)
        // The lock comes first: a second ingest must not even migrate the schema under a running one.
        let lock = try CLI.run(reporter) { try WriterLock.acquire(databasePath: database.path) }
        let summary = try withExtendedLifetime(lock) {
            let kb = try CLI.run(reporter) { try database.open(.create) }
            return try CLI.run(reporter) { try kb.ingest(paths: paths, options: options, progress: reporter.progress) }
        }
        reporter.finish(summary)
        if summary.exitStatus != 0 { throw ExitCode(summary.exitStatus) }
    }
}
