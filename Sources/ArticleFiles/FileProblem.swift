import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that was skipped, ingested with a warning, or found missing.
public struct FileProblem: Sendable, Codable, Equatable {
    public enum Severity: String, Sendable, Codable {
        /// Not ingested; what was stored before is untouched.
        case skipped
        /// Ingested, but something had to be guessed or dropped.
        case warning
        /// A source that disappeared from disk (`--prune`); its article is kept.
        case missing
    }
    /// What went wrong, for programs (the run log's `kind` column, a CLI's remedy): `reason` says it
    /// for people but names no flag, since only the command line knows which one fixes it.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Over the size limit.
        case tooLarge = "too-large"
        /// A symbolic link leading outside the directory given, not followed.
        case symlink
        /// A symbolic link that leads back to itself or to a directory above it.
        case linkLoop = "link-loop"
        /// A FIFO, socket or device where an article file was expected.
        case notRegular = "not-regular"
        /// Cannot be listed, opened, read or stat'ed (permission, broken link, changed or gone while read).
        case unreadable
        /// A path the system or kb cannot use as it is (too long, a name that is not UTF-8).
        case badPath = "bad-path"
        /// Read, but no article text in it (empty, binary, undecodable, no headline, no paragraphs).
        case notArticle = "not-article"
        /// Extraction crashed kb on this text before.
        case crashed
        /// The database refused the article.
        case refused
        /// Any other error while processing the article.
        case failed
        /// Ingested, with something guessed or dropped.
        case warning
        /// The source file disappeared.
        case missing
        /// Rows written before kinds existed whose reason matched none of the above.
        case other
    }
    public var path: String
    /// What was wrong, for people; names no command-line flag.
    public var reason: String
    public var severity: Severity
    public var kind: Kind
    /// What the file looked like when it was skipped (remembered in `skipped_files`); not part of the record.
    package var identity: FileIdentity?

    public init(path: String, kind: Kind, reason: String, severity: Severity) {
        self.path = path; self.kind = kind; self.reason = reason; self.severity = severity
    }

    package init(path: String, kind: Kind, reason: String, severity: Severity, identity: FileIdentity?) {
        self.init(path: path, kind: kind, reason: reason, severity: severity)
        self.identity = identity
    }

    package init(path: String, _ failure: FileFailure, identity: FileIdentity?) {
        self.init(path: path, kind: failure.kind, reason: failure.reason, severity: .skipped, identity: identity)
    }

    enum CodingKeys: String, CodingKey { case path, kind, reason, severity }
    public static func == (a: FileProblem, b: FileProblem) -> Bool {
        a.path == b.path && a.kind == b.kind && a.reason == b.reason && a.severity == b.severity
    }
}

/// A file's size and modification time, and when they were read: enough to tell, without reading
/// it, that a skipped file has not changed since (unless the time was too close to the read).
package struct FileIdentity: Sendable, Equatable {
    package var size: Int
    package var mtime: Double
    package var ctime: Double
    package var readAt: Double

    package init(size: Int, mtime: Double, ctime: Double, readAt: Double) {
        self.size = size; self.mtime = mtime; self.ctime = ctime; self.readAt = readAt
    }

    /// Timestamps this close to the read may hide a change written in the same tick (1-second or
    /// coarser file systems): such entries are re-checked by the next run, as git does.
    package static let racyWindow = 2.0

    package func sameFile(as other: FileIdentity) -> Bool { size == other.size && mtime == other.mtime && ctime == other.ctime }
    package var isRacy: Bool { mtime >= readAt - Self.racyWindow }

    /// `stat`, else `lstat` (a broken link), else nothing to compare (size -1).
    package static func of(_ path: String) -> FileIdentity {
        let now = Date().timeIntervalSince1970
        if case .success(let f) = FileStat.of(path) { return FileIdentity(size: f.size, mtime: f.mtime, ctime: f.ctime, readAt: now) }
        var st = stat()
        if lstat(path, &st) == 0 { let f = FileStat(st); return FileIdentity(size: f.size, mtime: f.mtime, ctime: f.ctime, readAt: now) }
        return FileIdentity(size: -1, mtime: 0, ctime: 0, readAt: now)
    }
}

/// A file that could not be ingested, with the reason shown to the user.
package struct FileFailure: Error {
    package let kind: FileProblem.Kind
    package let reason: String
    package init(_ kind: FileProblem.Kind, _ reason: String) { self.kind = kind; self.reason = reason }
}
