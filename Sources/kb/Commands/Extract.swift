import ArgumentParser
import Foundation
import ArticleFiles
import CLIMessages
import Extraction

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract facts from article files without a database, as export JSON lines.",
        discussion: """
            Useful to try the extractors on new articles, or to measure extraction alone. A directory is read \
            as kb ingest reads it (*.txt, *.html, *.htm, recursively, sorted); - reads one article from \
            standard input. Files are read as kb ingest reads them: a FIFO or device is refused, a file over \
            --max-file-size skipped. kb extract uses no database, so it takes no --db. \
            Exit status: 0 every file extracted, 1 some files skipped (reasons on stderr), 2 usage error or \
            a file that does not exist.

            Examples:
              kb extract seeds/articles/003_ba95bcf8c95dc1d6.txt
              kb extract seeds/articles > facts.jsonl
              curl -s https://example.org/article.html | kb extract -
            """)

    @OptionGroup var sizeLimit: FileSizeLimit

    @Argument(help: ArgumentHelp("Article files or directories, or - for standard input.", valueName: "path"))
    var files: [String]

    func run() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let out = StandardOutput()
        // One extractor for all files; records are written as they come.
        let extractor = FileExtractor(maxFileSize: sizeLimit.bytes)
        var skipped = 0
        func write(_ record: ExportRecord) throws {
            out.write(String(decoding: try encoder.encode(record), as: UTF8.self) + "\n")
        }
        for path in files {
            if path == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                try write(try CLI.run { try extractor.extract(data: data, source: "stdin", label: "standard input") })
                continue
            }
            let (found, problems) = try CLI.run { try FileExtractor.articleFiles(in: [path]) }
            for p in problems { CLI.warn("kb extract: \(p.path): \(ErrorMessages.reason(p))"); skipped += 1 }
            for file in found {
                do {
                    try write(try extractor.extract(file: file))
                } catch let e as FileAccessError {
                    // One bad file among many is skipped, as kb ingest skips it; the others are still read.
                    let message = ErrorMessages.render(e)
                    CLI.warn("kb extract: \(message)" + (message.contains(": skipped") ? "" : ": skipped"))
                    skipped += 1
                }
            }
        }
        out.flush()
        if skipped > 0 { throw ExitCode(1) }
    }
}
