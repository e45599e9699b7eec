import ArgumentParser
import Foundation
import KnowledgeBase

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract facts from article files without a database, as export JSON lines.",
        discussion: """
            Useful to try the extractors on new articles, or to measure extraction alone.

            Example:
              kb extract seeds/articles/003_ba95bcf8c95dc1d6.txt
            """)

    @Argument(help: ArgumentHelp("Article files.", valueName: "file"))
    var files: [String]

    func run() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let out = StandardOutput()
        // One extractor for all files; records are written as they come.
        let extractor = KnowledgeBase.FileExtractor()
        for file in files {
            let record = try CLI.run { try extractor.extract(file: file) }
            out.write(String(decoding: try encoder.encode(record), as: UTF8.self) + "\n")
        }
    }
}
