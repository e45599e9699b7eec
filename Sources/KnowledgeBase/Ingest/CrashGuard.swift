import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Containment of a trap in extraction (a failed precondition, an index out of range): Swift cannot
/// catch those, the process dies. So before each article is extracted, its identity is written to an
/// in-flight marker beside the database (`DB.inflight`, one `pwrite`); a signal handler marks it
/// « crashed » and names the file on stderr (async-signal-safe calls only), then, when the CLI asked
/// for it, re-executes kb with the same arguments. The new process (or the next night's) finds the
/// crashed marker, records the text in `crashed_texts` and the file as skipped, and goes on: one bad
/// article costs one restart, never the night. A marker left by SIGKILL or a power cut is still
/// « running », not « crashed », and is ignored (that article was not at fault).
///
/// Marker layout: one record per extracting thread, at offset `slot × slotSize` (slot 0: the thread
/// that runs the ingest, slots 1…: the ingest's extraction workers). Each record: byte 0 `R`
/// (extracting) or `C` (crashed) or `-` (idle), then `\t<phase>\t<run id>\t<content hash>\t<path>\n`.
/// With workers, several articles are in flight at once; the handler runs on the thread that
/// trapped, so it marks that thread's slot only: the crash names the article that caused it.
package enum CrashGuard {
    /// What a crashed marker said.
    struct Crash: Equatable {
        let phase: String
        let runID: Int64
        let hash: String
        let path: String
    }

    /// The marker file of a database.
    static func markerPath(forDatabase path: String) -> String {
        DatabaseFile.canonicalPath(path) + ".inflight"
    }

    /// Bytes reserved per slot: a record is at most a path (PATH_MAX) plus a hash and a few fields.
    static let slotSize = 3 * 4096 + 256
    /// Slot 0 and up to 15 extraction workers.
    static let maxSlots = 16

    /// Reads the marker; returns the crash it records, if any (idle or running markers are not crashes).
    static func pendingCrash(databasePath: String) -> Crash? {
        let fd = open(markerPath(forDatabase: databasePath), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: slotSize)
        for slot in 0..<maxSlots {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(slot * slotSize)) }
            guard n > 0 else { break }
            guard buffer[0] == UInt8(ascii: "C") else { continue }
            let text = String(decoding: buffer[..<n], as: UTF8.self)
            guard let line = text.split(separator: "\n", omittingEmptySubsequences: false).first else { continue }
            let fields = line.split(separator: "\t", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, let run = Int64(fields[2]) else { continue }
            return Crash(phase: fields[1], runID: run, hash: fields[3], path: fields[4])
        }
        return nil
    }

    /// Opens (creating) the marker for a writing run and installs the handler. Called under the writer lock.
    static func begin(databasePath: String) {
        let path = markerPath(forDatabase: databasePath)
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }  // no marker, no containment: the run itself still works
        _ = ftruncate(fd, 0)
        _ = "-\n".withCString { pwrite(fd, $0, 2, 0) }
        _ = slots  // allocated here, never first in the handler
        markerFD.store(fd, ordering: .sequentiallyConsistent)
        installHandler()
    }

    /// Closes the marker at the end of a run (left idle). Workers have stopped by then.
    static func end() {
        let fd = markerFD.exchange(-1, ordering: .sequentiallyConsistent)
        guard fd >= 0 else { return }
        for i in 0..<maxSlots { slots[i].extracting = 0 }
        close(fd)
    }

    /// Prepares a worker thread that will extract: its own signal stack (one per thread), so that
    /// a stack overflow in its extraction is still contained.
    static func prepareWorkerThread() {
        installSignalStack()
    }

    /// A stack overflow traps with no stack left: the handler runs on a stack of its own, one per thread.
    private static func installSignalStack() {
        let altSize = 64 * 1024
        var alt = stack_t()
        alt.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: altSize, alignment: 16)
        alt.ss_size = altSize
        alt.ss_flags = 0
        sigaltstack(&alt, nil)
    }

    /// Brackets the extraction of one text: marker written before, set idle after. `slot` is the
    /// calling thread's own record (0 for the ingest's thread, 1… for its workers): each thread
    /// extracting at the same time needs its own.
    static func extracting<T>(slot: Int = 0, phase: String, runID: Int64, hash: String, path: String, _ body: () throws -> T) rethrows -> T {
        let fd = markerFD.load(ordering: .relaxed)
        guard fd >= 0, slot >= 0, slot < maxSlots else { return try body() }
        let offset = off_t(slot * slotSize)
        let record = Array("R\t\(phase)\t\(runID)\t\(hash)\t\(path.replacingOccurrences(of: "\n", with: " "))\n".utf8.prefix(slotSize - 1))
        // Only the first line counts: a longer record left behind needs no truncation (an
        // ftruncate per article cost twice the two pwrites together).
        record.withUnsafeBytes { p in _ = pwrite(fd, p.baseAddress, p.count, offset) }
        let message = Array("kb: extraction crashed on \(path.replacingOccurrences(of: "\n", with: " ")) (\(phase)); it will be skipped\n".utf8.prefix(messageCapacity))
        let s = slots + slot
        message.withUnsafeBytes { p in
            s.pointee.message.copyMemory(from: p.baseAddress!, byteCount: p.count)
            s.pointee.messageLength = p.count
        }
        s.pointee.thread = pthread_self()
        s.pointee.extracting = 1
        defer {
            s.pointee.extracting = 0
            _ = pwrite(fd, "-", 1, offset)
        }
        return try body()
    }

    /// The CLI's part: after a crash, re-execute this program with the same arguments (and
    /// `KB_CRASH_RESUMES` one higher), at most `maxResumes` times per invocation.
    package static func enableResume(arguments: [String], maxResumes: Int = 25) {
        let env = ProcessInfo.processInfo.environment
        let done = Int(env["KB_CRASH_RESUMES"] ?? "") ?? 0
        guard done < maxResumes else { return }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments.first ?? "kb"
        func cArray(_ strings: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
            let a = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 1)
            for (i, s) in strings.enumerated() { a[i] = strdup(s) }
            a[strings.count] = nil
            return a
        }
        var environment = env.filter { $0.key != "KB_CRASH_RESUMES" }.map { "\($0.key)=\($0.value)" }
        environment.append("KB_CRASH_RESUMES=\(done + 1)")
        let command = UnsafeMutablePointer<ResumeCommand>.allocate(capacity: 1)
        command.initialize(to: ResumeCommand(exe: strdup(exe), argv: cArray([exe] + arguments.dropFirst()), envp: cArray(environment)))
        resumeCommand.store(UInt(bitPattern: command), ordering: .sequentiallyConsistent)
    }

    /// How many times this invocation was restarted after a crash.
    package static var resumes: Int { Int(ProcessInfo.processInfo.environment["KB_CRASH_RESUMES"] ?? "") ?? 0 }

    // Process-wide state the signal handler reads. Atomics, not a Mutex: a signal handler may not
    // take a lock (it may interrupt the lock's holder on the same thread), but lock-free atomic loads
    // are async-signal-safe, and the compiler checks them.
    /// The marker of the run in progress (-1: none).
    static let markerFD = Atomic<Int32>(-1)
    /// The address of what the handler re-executes after a crash (`enableResume`); 0: no restart.
    /// An address, not a pointer: an atomic pointer is not Sendable, since the compiler cannot know
    /// what the memory holds. Here it is a `ResumeCommand` and C strings made before the address is
    /// published and never changed or freed after, so the handler reading them races with nothing.
    static let resumeCommand = Atomic<UInt>(0)
    struct ResumeCommand {
        let exe: UnsafeMutablePointer<CChar>?
        let argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
        let envp: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    }
    static let handlerInstalled = Atomic<Bool>(false)

    /// One thread's extraction in flight: each slot is written only by the thread using it, and read
    /// by the signal handler on that same thread (a trap is delivered to the thread that caused it).
    struct Slot {
        var thread: pthread_t
        var extracting: sig_atomic_t
        var message: UnsafeMutableRawPointer
        var messageLength: Int
    }
    static let messageCapacity = 4096
    // The compiler cannot check this one: it is a raw pointer to memory shared, by design, between a
    // thread and the signal handler that interrupts that thread, which no Swift isolation describes
    // (and the handler may not lock). Safe because the pointer itself never changes (allocated once,
    // before the first handler is installed: `begin` touches it), each slot is written only by the
    // thread that owns it, and read by the handler on that same thread (a trap is delivered to the
    // thread that caused it); the handler's glance at other slots' `extracting` and `thread`, which
    // their threads may be writing, can only miss them, and `thread` is then compared with its own.
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<Slot> = {
        let p = UnsafeMutablePointer<Slot>.allocate(capacity: maxSlots)
        for i in 0..<maxSlots {
            (p + i).initialize(to: Slot(thread: pthread_self(), extracting: 0,
                                        message: UnsafeMutableRawPointer.allocate(byteCount: messageCapacity, alignment: 1), messageLength: 0))
        }
        return p
    }()

    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

    private static func installHandler() {
        guard handlerInstalled.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged else { return }
        installSignalStack()
        // A process restarted from the handler inherits its blocked signals: unblock ours.
        var set = sigset_t()
        sigemptyset(&set)
        for s in signals { sigaddset(&set, s) }
        _ = sigprocmask(SIG_UNBLOCK, &set, nil)
        for s in signals {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = crashHandler
            #else
            action.__sigaction_u.__sa_handler = crashHandler
            #endif
            action.sa_flags = Int32(truncatingIfNeeded: UInt32(SA_ONSTACK) | UInt32(SA_RESETHAND) | UInt32(SA_NODEFER))
            sigemptyset(&action.sa_mask)
            _ = sigaction(s, &action, nil)
        }
    }
}

/// Async-signal-safe only: write, pwrite, execve. Returning re-runs the faulting instruction with
/// the default action (SA_RESETHAND), so the process dies with the original signal.
private let crashHandler: @convention(c) (Int32) -> Void = { _ in
    let me = pthread_self()
    var found = -1
    for i in 0..<CrashGuard.maxSlots where CrashGuard.slots[i].extracting != 0 && pthread_equal(CrashGuard.slots[i].thread, me) != 0 {
        found = i
        break
    }
    guard found >= 0 else { return }
    let s = CrashGuard.slots + found
    s.pointee.extracting = 0
    _ = pwrite(CrashGuard.markerFD.load(ordering: .relaxed), "C", 1, off_t(found * CrashGuard.slotSize))
    _ = write(2, s.pointee.message, s.pointee.messageLength)
    if let command = UnsafePointer<CrashGuard.ResumeCommand>(bitPattern: CrashGuard.resumeCommand.load(ordering: .sequentiallyConsistent)),
       let exe = command.pointee.exe {
        _ = execve(exe, command.pointee.argv, command.pointee.envp)
    }
}
