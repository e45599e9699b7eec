import ArticleFiles
import Extraction

extension KnowledgeBase {
    /// The article files `kb ingest` would read under `paths` (directories recursively: `*.txt`,
    /// `*.html`, `*.htm`, sorted), and what it would skip, with the reason.
    public static func articleFiles(in paths: [String]) throws -> (files: [String], skipped: [FileProblem]) {
        try KBError.fromFileAccess { try FileExtractor.articleFiles(in: paths) }
    }

    /// Extraction of one file without a database; prefer `FileExtractor` or `extract(files:)` for several.
    public static func extract(file path: String, reference: Reference = .embedded) throws -> ExportRecord {
        try KBError.fromFileAccess { try FileExtractor(reference: reference).extract(file: path) }
    }

    /// Several files with one extractor, in the order given; the first unreadable file stops the batch.
    public static func extract(files paths: [String], reference: Reference = .embedded) throws -> [ExportRecord] {
        let extractor = FileExtractor(reference: reference)
        return try KBError.fromFileAccess { try paths.map { try extractor.extract(file: $0) } }
    }
}

extension KBError {
    /// The façade throws `KBError` only: file access's errors become its cases.
    static func fromFileAccess<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as FileAccessError {
            switch e {
            case let .pathNotFound(p): throw KBError.pathNotFound(p)
            default: throw KBError.invalidArgument(e.description)
            }
        }
    }
}
