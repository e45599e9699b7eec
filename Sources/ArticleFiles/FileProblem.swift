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
    public var path: String
    public var reason: String
    public var severity: Severity
    /// What the file looked like when it was skipped (remembered in `skipped_files`); not part of the record.
    package var identity: FileIdentity?

    public init(path: String, reason: String, severity: Severity) {
        self.path = path; self.reason = reason; self.severity = severity
    }

    package init(path: String, reason: String, severity: Severity, identity: FileIdentity?) {
        self.init(path: path, reason: reason, severity: severity)
        self.identity = identity
    }

    enum CodingKeys: String, CodingKey { case path, reason, severity }
    public static func == (a: FileProblem, b: FileProblem) -> Bool { a.path == b.path && a.reason == b.reason && a.severity == b.severity }
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
    package let reason: String
    package init(_ reason: String) { self.reason = reason }
}
