import ArgumentParser
import Foundation
import KnowledgeBase

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export every article with its facts (the contract of EXPORT.md).",
        discussion: """
            Example:
              kb export --format jsonl > export.jsonl
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Output format.") var format: Format = .jsonl

    func run() throws {
        let kb = try CLI.run { try database.open(.readOnly) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let out = StandardOutput()
        try CLI.run {
            try kb.forEachExportRecord { record in
                out.write(String(decoding: try encoder.encode(record), as: UTF8.self) + "\n")
            }
        }
    }
}
