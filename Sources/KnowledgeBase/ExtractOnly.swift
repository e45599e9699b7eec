import Foundation

extension KnowledgeBase {
    /// Reads, cleans and extracts one article file without any database (`kb extract`).
    public static func extract(file path: String, reference: Reference = .embedded) throws -> ExportRecord {
        guard FileManager.default.fileExists(atPath: path) else { throw KBError.pathNotFound(path) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw KBError.invalidArgument("cannot read \(path): \(error.localizedDescription)")
        }
        let text: String
        do { text = try TextDecoding.decode(data).text } catch let e as FileFailure {
            throw KBError.invalidArgument("\(path): \(e.reason)")
        }
        let extractor = FactExtractor(reference: reference)
        let (article, facts) = extractor.process(raw: text, source: URL(fileURLWithPath: path).lastPathComponent)
        return ExportRecord(article: article, facts: facts, reference: reference)
    }
}
