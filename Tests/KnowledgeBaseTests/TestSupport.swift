import Foundation
import Synchronization
import Testing
@testable import KnowledgeBase

/// Paths and helpers shared by the knowledge-base and end-to-end tests.
enum TestSupport {
    /// A knowledge base ingested from invented articles (file name → text), in a temporary directory.
    static func knowledgeBase(of articles: [String: String]) -> KnowledgeBase {
        let dir = try! temporaryDirectory()
        for (name, text) in articles { try! text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let kb = try! KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .create)
        _ = try! kb.ingest(paths: [dir.path])
        return kb
    }

    /// The package root (…/Tests/KnowledgeBaseTests/TestSupport.swift → …).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var seedsDirectory: String { packageRoot.appendingPathComponent("seeds/articles").path }

    /// The built `kb` executable: next to the test bundle, whatever the scratch path.
    static var kbBinary: String {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("kb").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/kb").path
    }

    /// A fresh temporary directory, removed by the caller with `cleanup`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kb-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    struct Run { let status: Int32; let stdout: String; let stderr: String }

    /// Runs the built `kb` with arguments, in `directory`, with extra environment.
    @discardableResult
    static func kb(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], stdin: String? = nil) throws -> Run {
        let p = process(arguments, environment: environment)
        if let directory { p.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let input = Pipe()
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        let collected = CollectedOutput()
        DispatchQueue.global().async(group: group) {
            let data = out.fileHandleForReading.readDataToEndOfFile()
            collected.data.withLock { $0 = data }
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let outData = collected.data.withLock { $0 }
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The built `kb`, not yet started, with a test environment: no colour, no `$KB_DB`.
    static func process(_ arguments: [String], environment: [String: String] = [:]) -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: kbBinary)
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "KB_DB")
        for (k, v) in environment { env[k] = v }
        p.environment = env
        return p
    }

    /// A knowledge base with the five seeds ingested, in a temporary directory.
    static func seededKnowledgeBase() throws -> (KnowledgeBase, URL) {
        let dir = try temporaryDirectory()
        let kb = try KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .create)
        _ = try kb.ingest(paths: [seedsDirectory])
        return (kb, dir)
    }
}

/// A child's stdout, read on another thread while this one reads its stderr.
final class CollectedOutput: Sendable {
    let data = Mutex(Data())
}
