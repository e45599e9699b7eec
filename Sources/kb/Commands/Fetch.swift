import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `kb fetch …` is `kb-fetch …`, the binary installed beside kb: only it links the HTTP stack,
/// whose libraries would cost every other kb command ~30 ms of start-up.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Read RSS/Atom feeds and download their new article pages into a spool directory (then ingest them with --ingest).",
        discussion: "Runs kb-fetch (installed beside kb); `kb fetch --help` shows its options.")

    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []

    func run() throws { Self.exec(arguments) }

    /// Replaces this process with kb-fetch; returns only if it cannot be started (then exits 2).
    static func exec(_ arguments: [String]) -> Never {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let path = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("kb-fetch").path
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        CLI.warn("kb: cannot run \(path) (\(String(cString: strerror(errno)))); kb fetch needs kb-fetch installed beside kb (make install)")
        Foundation.exit(2)
    }
}
