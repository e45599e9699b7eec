import Foundation

extension KnowledgeBase {
    /// Reads, cleans and extracts article files without any database (`kb extract`). Building the
    /// extractor compiles every gazetteer of the reference data: do it once, then extract many files.
    public struct FileExtractor: Sendable {
        public let reference: Reference
        let facts: FactExtractor

        public init(reference: Reference = .embedded) {
            self.reference = reference
            facts = FactExtractor(reference: reference)
        }

        public func extract(file path: String) throws -> ExportRecord {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw KBError.pathNotFound(path) }
            if isDirectory.boolValue {
                throw KBError.invalidArgument("\(path) is a directory: give its files, or use KnowledgeBase.articleFiles(in:) to list them")
            }
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw KBError.invalidArgument("cannot read \(path): \(error.localizedDescription)")
            }
            return try extract(data: data, source: URL(fileURLWithPath: path).lastPathComponent, label: path)
        }

        /// An article's bytes (`kb extract -` reads them from standard input), decoded as ingest decodes files.
        public func extract(data: Data, source: String, label: String? = nil) throws -> ExportRecord {
            let text: String
            do { text = try TextDecoding.decode(data).text } catch let e as FileFailure {
                throw KBError.invalidArgument("\(label ?? source): \(e.reason)")
            }
            let (article, facts) = facts.process(raw: text, source: source)
            return ExportRecord(article: article, facts: facts, reference: reference)
        }
    }

    /// The article files `kb ingest` would read under `paths` (directories recursively: `*.txt`,
    /// `*.html`, `*.htm`, sorted), and what it would skip, with the reason.
    public static func articleFiles(in paths: [String]) throws -> (files: [String], skipped: [FileProblem]) {
        var problems: [FileProblem] = []
        let files = try FileDiscovery.files(in: paths, problems: &problems)
        return (files.map(\.path), problems)
    }

    /// One file; prefer `FileExtractor` or `extract(files:)` for several.
    public static func extract(file path: String, reference: Reference = .embedded) throws -> ExportRecord {
        try FileExtractor(reference: reference).extract(file: path)
    }

    /// Several files with one extractor, in the order given; the first unreadable file stops the batch.
    public static func extract(files paths: [String], reference: Reference = .embedded) throws -> [ExportRecord] {
        let extractor = FileExtractor(reference: reference)
        return try paths.map { try extractor.extract(file: $0) }
    }
}
