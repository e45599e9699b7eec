import ArgumentParser
import ArticleFiles
import CLIMessages
import Foundation
import KnowledgeBase

/// Shared CLI plumbing: library errors become a message on stderr and a documented exit code.
enum CLI {
    static func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() }
        catch let e as KBError {
            warn("kb: \(ErrorMessages.render(e))")
            throw ExitCode(e.exitCode)
        } catch let e as FileAccessError {
            // A file named on the command line that cannot be used: a usage error, as for KBError.
            warn("kb: \(ErrorMessages.render(e))")
            throw ExitCode(2)
        }
    }

    /// A read-only command's knowledge base is left for the process exit to close. Released before,
    /// GRDB's queue disposal starts a dispatch worker thread that the exit then waits for (callgrind,
    /// gdb: the only thread a `kb search` starts), and the last connection's close deletes the empty
    /// `-wal` and `-shm` that the next command creates again. Nothing was written, so nothing is lost;
    /// the two files stay, as they do after an ingest.
    static func closeAtExit(_ kb: KnowledgeBase) { _ = Unmanaged.passRetained(kb) }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data((Terminal.visible(message) + "\n").utf8))
    }
}

/// Buffered stdout: one write per line is too slow for 100,000 export lines. Every write is checked:
/// output cut short (disk full, a closed stdout, an I/O error) ends kb with status 2 and the reason,
/// so `kb export > file` never exits 0 with half a file.
final class StandardOutput {
    private var buffer: [UInt8] = []
    /// Output for people (tables, listings): control characters in the data are escaped and kb's
    /// own emphasis markers become escape sequences (`Terminal.visible`). Machine formats are raw.
    var human = false
    init(human: Bool = false) { self.human = human; buffer.reserveCapacity(1 << 16) }
    func write(_ s: String) {
        buffer.append(contentsOf: (human ? Terminal.visible(s) : s).utf8)
        if buffer.count >= 1 << 16 { flush() }
    }
    func flush() {
        guard !buffer.isEmpty else { return }
        if StandardOutput.closedAtStart { StandardOutput.fail(EBADF) }
        buffer.withUnsafeBytes { p in
            var offset = 0
            while offset < p.count {
                let n = Foundation.write(1, p.baseAddress! + offset, p.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { StandardOutput.fail(n < 0 ? errno : EIO) }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
    deinit { flush() }

    /// stdout was closed when kb started (`kb … >&-`): fd 1 is then held on /dev/null so no file kb
    /// opens can take it (and receive the output), and any output is reported as impossible.
    /// A `static let` is initialised once, thread-safely, on first use: `guardStandardDescriptors()`
    /// makes that first use happen before kb opens any file.
    static let closedAtStart: Bool = {
        var closed = false
        for fd: Int32 in [0, 1, 2] where fcntl(fd, F_GETFD) < 0 && errno == EBADF {
            let null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if null >= 0 && null != fd { dup2(null, fd); close(null) }
            if fd == 1 { closed = true }
        }
        return closed
    }()

    /// Called first thing in `main`.
    static func guardStandardDescriptors() { _ = closedAtStart }

    static func fail(_ code: Int32) -> Never {
        // A reader that went away (`kb export | head`) is not an error worth a message.
        if code != EPIPE {
            let why = code == EBADF ? "standard output is closed" : String(cString: strerror(code)).lowercased()
            CLI.warn("kb: cannot write the output (\(why)): it is incomplete")
        }
        Foundation.exit(2)
    }
}
