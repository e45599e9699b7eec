import Foundation
import GRDB
import Extraction
import FrenchText

/// What happened to one file during an ingest.
public enum IngestOutcome: String, Sendable, Codable {
    case new, updated, unchanged, failed
}

public struct FileProblem: Sendable, Codable, Equatable {
    public var path: String
    public var reason: String
    /// True when the file was still ingested (a warning), false when it was skipped.
    public var ingested: Bool
}

public struct IngestOptions: Sendable {
    /// Files larger than this are skipped with a message.
    public var maxFileSize: Int = 8 << 20
    public init() {}
}

public struct IngestSummary: Sendable, Codable, Equatable {
    public var new = 0, updated = 0, unchanged = 0, failed = 0
    public var problems: [FileProblem] = []

    public var isNoOp: Bool { new == 0 && updated == 0 }

    /// `3 new, 0 updated, 2 unchanged, 0 failed`
    public var line: String { "\(new) new, \(updated) updated, \(unchanged) unchanged, \(failed) failed" }

    mutating func count(_ o: IngestOutcome) {
        switch o {
        case .new: new += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        case .failed: failed += 1
        }
    }
}

/// Reported once per file, for progress display.
public struct IngestEvent: Sendable {
    public var path: String
    public var outcome: IngestOutcome
    public var index: Int
    public var total: Int
}

extension KnowledgeBase {
    /// Ingests files and directories (recursively, `*.txt`). Idempotent: unchanged files are
    /// skipped without writing; a changed file updates its article in place. Each article is
    /// written in one transaction with its facts.
    public func ingest(paths: [String], options: IngestOptions = IngestOptions(),
                       progress: ((IngestEvent) -> Void)? = nil) throws -> IngestSummary {
        var summary = IngestSummary()
        try wrap { try dbQueue.write { db in try ReferenceStore.sync(db, referenceIndex) } }
        let files = try FileDiscovery.files(in: paths, problems: &summary.problems)
        summary.failed = summary.problems.count
        for (i, file) in files.enumerated() {
            let outcome: IngestOutcome
            do {
                outcome = try ingestFile(file, options: options, problems: &summary.problems)
            } catch let e as FileFailure {
                summary.problems.append(FileProblem(path: file, reason: e.reason, ingested: false))
                outcome = .failed
            }
            summary.count(outcome)
            progress?(IngestEvent(path: file, outcome: outcome, index: i + 1, total: files.count))
        }
        return summary
    }

    private func ingestFile(_ path: String, options: IngestOptions, problems: inout [FileProblem]) throws -> IngestOutcome {
        let attributes = try FileFailure.wrap { try FileManager.default.attributesOfItem(atPath: path) }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let mtime = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        // inDatabase, not read: a DatabaseQueue read toggles PRAGMA query_only, which expires every
        // prepared statement and made the cached ones recompile for each article.
        if try wrap({ try dbQueue.inDatabase { db in try ArticleStore.sourceIsUnchanged(db, path: path, size: size, mtime: mtime) } }) {
            return .unchanged
        }
        guard size <= options.maxFileSize else {
            throw FileFailure("file is \(size) bytes, over the \(options.maxFileSize)-byte limit (raise it with --max-file-size)")
        }
        let data = try FileFailure.wrap { try Data(contentsOf: URL(fileURLWithPath: path)) }
        let decoded = try TextDecoding.decode(data)
        if let warning = decoded.warning { problems.append(FileProblem(path: path, reason: warning, ingested: true)) }
        let name = URL(fileURLWithPath: path).lastPathComponent
        let (article, facts) = extractor.process(raw: decoded.text, source: name)
        if article.headline.isEmpty { throw FileFailure("no text: the file is empty or holds only white space") }
        if let problem = article.dateProblem {
            problems.append(FileProblem(path: path, reason: "\(problem): ingested with no date", ingested: true))
        }
        let hash = SHA256.hex(decoded.text.utf8)
        let source = ArticleStore.Source(path: path, name: name, size: size, mtime: mtime)
        return try wrap {
            try dbQueue.write { db in
                try ArticleStore.save(db, article: article, facts: facts, hash: hash, source: source,
                                      extractorVersion: FactExtractor.version, reference: referenceIndex)
            }
        }
    }
}

/// A file that could not be ingested, with the reason shown to the user.
struct FileFailure: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }

    static func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as FileFailure { throw e } catch {
            let ns = error as NSError
            if let posix = (ns.userInfo[NSUnderlyingErrorKey] as? NSError), posix.domain == NSPOSIXErrorDomain {
                throw FileFailure(String(cString: strerror(Int32(posix.code))).lowercased())
            }
            throw FileFailure(ns.localizedDescription)
        }
    }
}
