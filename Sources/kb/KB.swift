import ArgumentParser
import Foundation
import KnowledgeBase

@main
struct KB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "A knowledge base of international relations built from French-language news.",
        discussion: """
            Examples:
              kb ingest seeds/articles          # build ./kb.sqlite from articles
              kb search "cybersécurité"         # French-aware full-text search
              kb export --format jsonl          # every article with its facts
            """,
        version: KBVersion.string,
        subcommands: [Ingest.self, Search.self, Export.self, Extract.self,
                      Countries.self, People.self, Visits.self, Agreements.self, Domains.self, Trade.self, Timeline.self,
                      PersonCardCommand.self, CountryCardCommand.self, Report.self, Show.self, SQL.self, Schema.self,
                      Runs.self, Check.self, Backup.self, Reextract.self, FetchCommand.self]
    )
}

enum KBVersion {
    static let string = "kb \(KnowledgeBase.version) (schema \(KnowledgeBase.supportedSchemaVersion))"
}

/// `--db PATH`, on every command that reads or writes the knowledge base.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Knowledge base file.", discussion: "Default: $KB_DB, else ./kb.sqlite.", valueName: "path"))
    var db: String?

    var path: String { Self.resolve(db) }

    /// `--db`, else $KB_DB, else ./kb.sqlite.
    static func resolve(_ db: String?) -> String {
        db ?? ProcessInfo.processInfo.environment["KB_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "kb.sqlite"
    }

    func open(_ mode: KnowledgeBase.Mode = .readWrite) throws -> KnowledgeBase { try Self.open(path, mode) }

    static func open(_ path: String, _ mode: KnowledgeBase.Mode = .readWrite) throws -> KnowledgeBase {
        let kb = try KnowledgeBase(path: path, mode: mode)
        if mode == .readOnly { CLI.closeAtExit(kb) }
        return kb
    }
}
