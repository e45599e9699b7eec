import Foundation
import Testing
@testable import KnowledgeBaseTests
@testable import KnowledgeBase

/// Runs the built `kb` in a temporary directory, as a user would.
@Suite struct EndToEndTests {
    @Test func ingestSearchExportInATemporaryDirectory() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try TestSupport.kb(["ingest", TestSupport.seedsDirectory], in: dir)
        #expect(first.status == 0)
        #expect(first.stderr.contains("5 new, 0 updated, 0 unchanged, 0 skipped"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("kb.sqlite").path))
        let second = try TestSupport.kb(["ingest", TestSupport.seedsDirectory], in: dir)
        #expect(second.stderr.contains("0 new, 0 updated, 5 unchanged, 0 skipped"))

        let search = try TestSupport.kb(["search", "cybersécurité"], in: dir)
        #expect(search.status == 0)
        #expect(search.stdout.contains("000_4704a9f00f61984a.txt") && search.stdout.contains("003_ba95bcf8c95dc1d6.txt"))
        #expect(!search.stdout.contains("001_581885d536a40089.txt"))

        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["sqlite3", dir.appendingPathComponent("kb.sqlite").path, "select count(*) from articles"]
        let pipe = Pipe()
        sqlite.standardOutput = pipe
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "5\n")
    }

    @Test func dbOptionAndEnvironment() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("env.sqlite").path
        #expect(try TestSupport.kb(["ingest", TestSupport.seedsDirectory], in: dir, environment: ["KB_DB": db]).status == 0)
        #expect(FileManager.default.fileExists(atPath: db))
        #expect(try TestSupport.kb(["search", "--db", db, "Biélorussie"], in: dir).status == 0)
    }

    @Test func errorsHaveMessagesAndExitCodes() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try TestSupport.kb(["search", "x"], in: dir)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("does not exist"))
        #expect(missing.stdout.isEmpty)
        let noPath = try TestSupport.kb(["ingest", "nowhere"], in: dir)
        #expect(noPath.status == 2)
        #expect(noPath.stderr.contains("no such file or directory: nowhere"))
    }

    @Test func versionAndHelp() throws {
        let version = try TestSupport.kb(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("kb "))
        for command in ["ingest", "search", "export", "extract"] {
            let help = try TestSupport.kb([command, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("Example"), "\(command) --help has no example")
        }
    }

    /// Help paragraphs are wrapped by the terminal width only: a short line followed by the rest of
    /// its sentence means a line break written in the source; « and » stay with their word.
    @Test func helpTextIsWrappedOnlyAtTheWidth() throws {
        for command in ["ingest", "search", "export", "extract", "sql", "show", "report", "check", "backup", "schema", "person", "country"] {
            let lines = try TestSupport.kb([command, "--help"]).stdout.split(separator: "\n", omittingEmptySubsequences: false)
            for (a, b) in zip(lines, lines.dropFirst()) where !a.hasPrefix(" ") && !b.hasPrefix(" ") && !a.isEmpty {
                #expect(!(a.count < 50 && b.first?.isLowercase == true), "kb \(command) --help: « \(a) » then « \(b) »")
                #expect(!a.hasSuffix("«") && !b.hasPrefix("»"), "kb \(command) --help: « \(a) » then « \(b) »")
            }
        }
    }
}
