import Foundation
import ArticleFiles
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer at a time: `kb ingest` and `kb reextract` hold an exclusive `flock(2)` on
/// `<database>.lock` for their whole run. The kernel drops the lock when the process ends,
/// however it ends (SIGKILL included), so a lock file left behind is harmless and never needs
/// cleaning. Readers never take it: SQLite's WAL keeps them unblocked.
///
/// Reentrant within a process: acquiring a lock this process already holds returns the same lock
/// (flock locks belong to an open file, so a second open would deadlock against ourselves).
package final class WriterLock: Sendable {
    package let lockPath: String
    private let fd: Int32

    private init(lockPath: String, fd: Int32) {
        self.lockPath = lockPath
        self.fd = fd
    }

    deinit { close(fd) }  // closing the last descriptor releases the flock

    /// The lock file of a database: next to the file itself (symbolic links resolved), same name
    /// plus `.lock`, so every path that reaches the database reaches the same lock.
    package static func lockPath(forDatabase path: String) -> String {
        DatabaseFile.canonicalPath(path) + ".lock"
    }

    /// Takes the writer lock of the database at `databasePath`, or throws
    /// `KBError.ingestAlreadyRunning` at once (never waits) when another process holds it.
    package static func acquire(databasePath: String) throws -> WriterLock {
        try DatabaseFile.refuseHardLinks(databasePath)
        let path = lockPath(forDatabase: databasePath)
        return try held.withLock { held throws(KBError) -> WriterLock in
        if let lock = held[path]?.lock { return lock }
        // Never through a symbolic link (it would truncate the link's target), never a file with
        // other names (same reason), never anything but a regular file.
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            let why = code == ELOOP ? "it is a symbolic link; remove it (kb recreates it)" : String(cString: strerror(code))
            throw KBError.cannotOpenDatabase(path: databasePath, reason: "cannot create the lock file \(path) (\(why))")
        }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_nlink == 1 else {
            close(fd)
            throw KBError.cannotOpenDatabase(path: databasePath, reason: "the lock file \(path) is not a plain file of its own (a hard link or a special file); remove it (kb recreates it)")
        }
        var result: Int32
        repeat { result = flock(fd, LOCK_EX | LOCK_NB) } while result != 0 && errno == EINTR
        if result != 0 {
            let code = errno
            let holder = readHolder(fd)
            close(fd)
            if code == EWOULDBLOCK { throw KBError.ingestAlreadyRunning(path: databasePath, holder: holder) }
            throw KBError.cannotOpenDatabase(path: databasePath, reason: "cannot lock \(path) (\(String(cString: strerror(code))))")
        }
        // Who holds it, for the message a second run prints. Advisory text only.
        let note = "pid \(getpid()), started \(Clock.nowISO())\n"
        _ = ftruncate(fd, 0)
        _ = note.withCString { pwrite(fd, $0, strlen($0), 0) }
        let lock = WriterLock(lockPath: path, fd: fd)
        held[path] = WeakLock(lock: lock)
        return lock
        }
    }

    private static func readHolder(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 200)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    private struct WeakLock { weak var lock: WriterLock? }
    private static let held = Mutex<[String: WeakLock]>([:])
}

/// The database file's identity: one file, one lock, one WAL. SQLite names the `-wal` and `-shm`
/// files after the path it was given, and kb names its lock the same way, so a second name for the
/// file (a hard link) would be a second database to them: refused. Symbolic links are resolved.
enum DatabaseFile {
    static func canonicalPath(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if let real = FileStat.realPath(absolute) { return real }
        // Not created yet: its directory resolved, its name as given.
        let url = URL(fileURLWithPath: absolute)
        let dir = FileStat.realPath(url.deletingLastPathComponent().path) ?? url.deletingLastPathComponent().path
        return (dir == "/" ? "" : dir) + "/" + url.lastPathComponent
    }

    /// The SQLite header says WAL (file format versions 2 and 2 at offsets 18 and 19): opening a
    /// `DatabasePool` on it changes nothing in the file.
    static func isInWALMode(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 20), header.count == 20 else { return false }
        return header.starts(with: Array("SQLite format 3\u{0}".utf8)) && header[18] == 2 && header[19] == 2
    }

    static func refuseHardLinks(_ path: String) throws {
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_nlink > 1 else { return }
        throw KBError.cannotOpenDatabase(path: path, reason: "the file has \(st.st_nlink) hard links (device \(st.st_dev), inode \(st.st_ino)); "
            + "SQLite's WAL and kb's lock are named after the path, so two names would let two writers corrupt it. Keep one name (remove the other links) or use a copy (kb backup)")
    }
}
