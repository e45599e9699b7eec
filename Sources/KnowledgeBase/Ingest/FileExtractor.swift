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
            guard FileManager.default.fileExists(atPath: path) else { throw KBError.pathNotFound(path) }
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw KBError.invalidArgument("cannot read \(path): \(error.localizedDescription)")
            }
            let text: String
            do { text = try TextDecoding.decode(data).text } catch let e as FileFailure {
                throw KBError.invalidArgument("\(path): \(e.reason)")
            }
            let (article, facts) = facts.process(raw: text, source: URL(fileURLWithPath: path).lastPathComponent)
            return ExportRecord(article: article, facts: facts, reference: reference)
        }
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
