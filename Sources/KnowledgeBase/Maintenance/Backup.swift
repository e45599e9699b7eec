import Foundation
import GRDB

/// What `kb backup` wrote.
public struct BackupResult: Sendable, Codable, Equatable {
    public var path: String
    public var bytes: Int
    public var articles: Int
}

extension KnowledgeBase {
    /// Copies the database to `destination` with SQLite's online backup API: one consistent
    /// snapshot, taken while readers (and even an ingest) keep working. The copy is written
    /// under a temporary name, checked, and only then renamed into place, so `destination`
    /// is either the previous file or a complete, verified backup, never half a file.
    public func backup(to destination: String, overwrite: Bool = false) throws -> BackupResult {
        let target = URL(fileURLWithPath: destination).standardizedFileURL.path
        let fm = FileManager.default
        if target == URL(fileURLWithPath: path).standardizedFileURL.path {
            throw KBError.invalidArgument("the backup path is the database itself; choose another file")
        }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw KBError.invalidArgument("\(destination) is a directory; give a file name, e.g. \(destination)/kb-backup.sqlite") }
            if !overwrite { throw KBError.fileExists(destination) }
        }
        let temporary = target + ".partial-\(getpid())"
        try? fm.removeItem(atPath: temporary)
        do {
            var config = Configuration()
            config.journalMode = .default
            let copy = try DatabaseQueue(path: temporary, configuration: config)
            try dbQueue.backup(to: copy)
            let (integrity, articles) = try copy.writeWithoutTransaction { db -> ([String], Int) in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")  // one self-contained file
                return (try Checks.integrityProblems(db), try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0)
            }
            try copy.close()
            guard integrity.isEmpty else { throw KBError.database("the backup copy failed its integrity check: \(integrity.prefix(3).joined(separator: "; "))") }
            if rename(temporary, target) != 0 {
                throw KBError.invalidArgument("cannot write \(destination): \(String(cString: strerror(errno)))")
            }
            let size = (try? fm.attributesOfItem(atPath: target)[.size] as? NSNumber)?.intValue ?? 0
            return BackupResult(path: target, bytes: size, articles: articles)
        } catch {
            try? fm.removeItem(atPath: temporary)
            for suffix in ["-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: temporary + suffix) }
            if let e = error as? KBError { throw e }
            if let e = error as? DatabaseError {
                // SQLite's backup reports some failures (a full disk) with the message of a connection
                // that has none, « not an error »: the result code says what happened.
                let message = e.message.flatMap { $0 == "not an error" ? nil : $0 } ?? Self.describe(e.resultCode)
                throw KBError.database("backup to \(destination) failed: \(message)")
            }
            throw error
        }
    }

    /// A sentence for SQLite's result codes a backup can end with.
    static func describe(_ code: ResultCode) -> String {
        switch code.primaryResultCode {
        case .SQLITE_FULL: return "the disk is full (free some space, or back up to another disk)"
        case .SQLITE_IOERR: return "an I/O error while writing the copy"
        case .SQLITE_CANTOPEN: return "the copy cannot be created there"
        case .SQLITE_READONLY: return "the destination is read-only"
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "the database stayed busy; try again"
        default: return "SQLite error \(code)"
        }
    }
}
