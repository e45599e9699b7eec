import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The size limit ingest and extraction apply unless told otherwise: an article is a few
/// kilobytes; 8 MB is room for a long page with its markup, and refuses a log file given by mistake.
public let defaultMaxFileSize = 8 << 20

/// Reads an article file's bytes with plain POSIX calls, so every failure has its errno and a
/// precise message, and a FIFO swapped in for a file can never block the night.
package enum FileReader {
    package struct Read { package let bytes: [UInt8]; package let size: Int; package let mtime: Double; package let readAt: Double }

    /// Reads the file and checks, with `fstat` before and after, that it did not change meanwhile
    /// (a writer rewriting it under us): then it is read again, and after three tries skipped with
    /// the reason (the next run reads it again), never stored half old, half new.
    /// `afterRead` runs between reading the bytes and checking the file did not change meanwhile
    /// (a test rewrites the file there).
    package static func readStable(_ path: String, maxSize: Int, attempts: Int = 3, afterRead: (String) -> Void = { _ in }) throws -> Read {
        for _ in 0..<attempts {
            let readAt = Date().timeIntervalSince1970
            var before = stat(), after = stat()
            let bytes = try read(path, maxSize: maxSize, statBefore: &before, statAfter: &after, afterRead: afterRead)
            let b = FileStat(before), a = FileStat(after)
            if b.size == a.size && b.mtime == a.mtime && b.ctime == a.ctime && a.size == bytes.count {
                return Read(bytes: bytes, size: a.size, mtime: a.mtime, readAt: readAt)
            }
        }
        throw FileFailure(.unreadable, "file changed while being read (\(attempts) tries): skipped this run; it is read again next run")
    }

    package static func read(_ path: String, maxSize: Int) throws -> [UInt8] {
        var before = stat(), after = stat()
        return try read(path, maxSize: maxSize, statBefore: &before, statAfter: &after)
    }

    package static func read(_ path: String, maxSize: Int, statBefore: inout stat, statAfter: inout stat, afterRead: (String) -> Void = { _ in }) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            // Found a moment ago: gone now (deleted or renamed during the run), unless it is a link.
            if code == ENOENT && !FileStat.isSymbolicLink(path) {
                throw FileFailure(.unreadable, "the file disappeared during the run (deleted or renamed): skipped")
            }
            throw FileStat.failure(code)
        }
        defer { close(fd) }
        guard fstat(fd, &statBefore) == 0 else { throw FileStat.failure(errno) }
        let info = FileStat(statBefore)
        guard info.isRegular else { throw FileFailure(.notRegular, "not a regular file (\(info.kind)): skipped") }
        guard info.size <= maxSize else { throw FileFailure(.tooLarge, tooLarge(info.size, maxSize)) }
        var bytes = [UInt8](repeating: 0, count: info.size + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= maxSize else { throw FileFailure(.tooLarge, tooLarge(count, maxSize)) }
                bytes.append(contentsOf: [UInt8](repeating: 0, count: max(4096, count)))
            }
            let n = bytes.withUnsafeMutableBytes { p in Foundation.read(fd, p.baseAddress! + count, p.count - count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw FileStat.failure(errno)
            }
            count += n
        }
        guard count <= maxSize else { throw FileFailure(.tooLarge, tooLarge(count, maxSize)) }
        bytes.removeSubrange(count...)
        afterRead(path)
        guard fstat(fd, &statAfter) == 0 else { throw FileStat.failure(errno) }
        return bytes
    }

    package static func tooLarge(_ size: Int, _ limit: Int) -> String {
        "file is \(ByteCount.format(size)), over the \(ByteCount.format(limit)) limit: skipped"
    }
}

/// Byte sizes as people write them: `8M`, `512K`, `1.5G`, `1000`.
package enum ByteCount {
    package static func parse(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Double)] = [("GB", 1_073_741_824), ("MB", 1_048_576), ("KB", 1024), ("G", 1_073_741_824), ("M", 1_048_576), ("K", 1024), ("B", 1)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            guard let v = Double(t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), v >= 0,
                  (v * factor).isFinite, v * factor < 9e18 else { return nil }
            return Int(v * factor)
        }
        return Int(t).flatMap { $0 >= 0 ? $0 : nil }
    }

    package static func format(_ n: Int) -> String {
        if n >= 1 << 20 && n % (1 << 20) == 0 { return "\(n >> 20) MB" }
        if n >= 1 << 20 { return String(format: "%.1f MB", Double(n) / Double(1 << 20)) }
        if n >= 1 << 10 && n % (1 << 10) == 0 { return "\(n >> 10) KB" }
        return "\(n) bytes"
    }
}
