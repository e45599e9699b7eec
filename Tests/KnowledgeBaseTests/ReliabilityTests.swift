import Foundation
import GRDB
import Testing
@testable import KnowledgeBase
#if canImport(Glibc)
import Glibc
#endif

/// The nightly job's reliability (issue 16): output that cannot lie, deploy policy, the writer
/// lock, readers without write access, and the reasons given for what was skipped.
@Suite(.serialized) struct ReliabilityTests {
    /// `sh -c SCRIPT` with `$KB` set to the built kb; returns the status and stderr.
    static func shell(_ script: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script]
        var env = ProcessInfo.processInfo.environment
        env["KB"] = TestSupport.kbBinary
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "KB_DB")
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func aFailedWriteToStandardOutputExitsNonZeroWithTheReason() throws {
        let (kb, dir) = try TestSupport.seededKnowledgeBase()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = kb.path
        for command in ["\"$KB\" export --db '\(db)'", "\"$KB\" sql --db '\(db)' 'SELECT id, headline FROM articles'",
                        "\"$KB\" search --db '\(db)' Vietnam", "\"$KB\" countries --db '\(db)' --format json"] {
            if FileManager.default.fileExists(atPath: "/dev/full") {
                let full = try Self.shell("\(command) > /dev/full")
                #expect(full.status == 2, "\(command) > /dev/full: \(full.status) \(full.stderr)")
                #expect(full.stderr.contains("cannot write the output (no space left on device)"), "\(full.stderr)")
            }
            let closed = try Self.shell("\(command) >&-")
            #expect(closed.status == 2, "\(command) >&-: \(closed.status) \(closed.stderr)")
            #expect(closed.stderr.contains("standard output is closed"), "\(closed.stderr)")
        }
    }
}
