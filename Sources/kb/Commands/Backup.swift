import ArgumentParser
import Foundation
import ArticleFiles
import KnowledgeBase

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a file, safely while it is being read or ingested.",
        discussion: """
            Uses SQLite's online backup: one consistent snapshot, written under a temporary name, \
            integrity-checked, then renamed into place. The copy is a single self-contained file. \
            Exit status: 0 written, 2 error (nothing is left at PATH then).

            Example:
              kb backup /srv/kb/backup/kb-$(date +%F).sqlite
            """)

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Replace PATH if it exists.") var force = false
    @Argument(help: ArgumentHelp("Where to write the copy.", valueName: "path")) var destination: String

    func run() throws {
        let kb = try CLI.run { try database.open(.readOnly) }
        let result = try CLI.run { try kb.backup(to: destination, overwrite: force) }
        CLI.warn("kb backup: wrote \(result.path) (\(result.articles) articles, \(ByteCount.format(result.bytes)))")
    }
}
