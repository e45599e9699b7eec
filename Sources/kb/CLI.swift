import ArgumentParser
import Foundation
import KnowledgeBase

/// Shared CLI plumbing: library errors become a message on stderr and a documented exit code.
enum CLI {
    static func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() }
        catch let e as KBError {
            warn("kb: \(e.description)")
            throw ExitCode(e.exitCode)
        }
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// Buffered stdout: one write per line is too slow for 100,000 export lines.
final class StandardOutput {
    private var buffer: [UInt8] = []
    init() { buffer.reserveCapacity(1 << 16) }
    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }
    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { p in
            var offset = 0
            while offset < p.count {
                let n = Foundation.write(1, p.baseAddress! + offset, p.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
    deinit { flush() }
}
