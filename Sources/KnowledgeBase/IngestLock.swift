import Foundation
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
public final class WriterLock: @unchecked Sendable {
    public let lockPath: String
    private let fd: Int32

    private init(lockPath: String, fd: Int32) {
        self.lockPath = lockPath
        self.fd = fd
    }

    deinit { close(fd) }  // closing the last descriptor releases the flock

    /// The lock file of a database: next to it, same name plus `.lock`.
    public static func lockPath(forDatabase path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path + ".lock"
    }

    /// Takes the writer lock of the database at `databasePath`, or throws
    /// `KBError.ingestAlreadyRunning` at once (never waits) when another process holds it.
    public static func acquire(databasePath: String) throws -> WriterLock {
        let path = lockPath(forDatabase: databasePath)
        registry.lock()
        defer { registry.unlock() }
        if let held = held[path]?.lock { return held }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw KBError.cannotOpenDatabase(path: databasePath, reason: "cannot create the lock file \(path) (\(String(cString: strerror(errno))))")
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

    private static func readHolder(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 200)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    private struct WeakLock { weak var lock: WriterLock? }
    private static let registry = NSLock()
    nonisolated(unsafe) private static var held: [String: WeakLock] = [:]
}
