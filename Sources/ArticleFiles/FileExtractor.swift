import Foundation
import Extraction

/// What stops a file from being read at all (a file that is read but refused, an empty or binary
/// one, is a `FileFailure` reason instead). The library says what is wrong; a program adds how to fix it.
public enum FileAccessError: Error, CustomStringConvertible, Equatable {
    case pathNotFound(String)
    case isDirectory(String)
    /// Read but refused (too large, a FIFO, not text…): `kind` and `reason` as ingest reports them.
    case unreadable(path: String, kind: FileProblem.Kind, reason: String)

    public var description: String {
        switch self {
        case let .pathNotFound(p): return "no such file or directory: \(p)"
        case let .isDirectory(p): return "\(p) is a directory: give its files, or list them with articleFiles(in:)"
        case let .unreadable(path, _, reason): return "\(path): \(reason)"
        }
    }
}

/// Reads, cleans and extracts article files without any database (`kb extract`), through the same
/// guarded reader as ingest (size limit, FIFOs and devices refused). Building the extractor compiles
/// every gazetteer of the reference data: do it once, then extract many files.
public struct FileExtractor: Sendable {
    public let reference: Reference
    /// Larger files are refused, as ingest refuses them.
    public let maxFileSize: Int
    let facts: FactExtractor

    public init(reference: Reference = .embedded, maxFileSize: Int = defaultMaxFileSize) {
        self.reference = reference
        self.maxFileSize = maxFileSize
        facts = FactExtractor(reference: reference)
    }

    public func extract(file path: String) throws -> ExportRecord {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw FileAccessError.pathNotFound(path) }
        if isDirectory.boolValue { throw FileAccessError.isDirectory(path) }
        let bytes: [UInt8]
        do { bytes = try FileReader.read(path, maxSize: maxFileSize) } catch let e as FileFailure {
            throw FileAccessError.unreadable(path: path, kind: e.kind, reason: e.reason)
        }
        return try extract(bytes: bytes, source: URL(fileURLWithPath: path).lastPathComponent, label: path)
    }

    /// An article's bytes (`kb extract -` reads them from standard input), decoded as ingest decodes files.
    public func extract(data: Data, source: String, label: String? = nil) throws -> ExportRecord {
        try extract(bytes: [UInt8](data), source: source, label: label)
    }

    func extract(bytes: [UInt8], source: String, label: String?) throws -> ExportRecord {
        let text: String
        do { text = try TextDecoding.decode(bytes).text } catch let e as FileFailure {
            throw FileAccessError.unreadable(path: label ?? source, kind: e.kind, reason: e.reason)
        }
        let (article, facts) = facts.process(raw: text, source: source)
        return ExportRecord(article: article, facts: facts, reference: reference)
    }

    /// The article files ingest would read under `paths` (directories recursively: `*.txt`,
    /// `*.html`, `*.htm`, sorted), and what it would skip, with the reason.
    public static func articleFiles(in paths: [String]) throws -> (files: [String], skipped: [FileProblem]) {
        var problems: [FileProblem] = []
        let files = try FileDiscovery.files(in: paths, problems: &problems)
        return (files.map(\.path), problems)
    }
}
