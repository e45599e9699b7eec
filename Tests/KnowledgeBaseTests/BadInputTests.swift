import Foundation
import ArticleFiles
import GRDB
import Testing
import Extraction
@testable import KnowledgeBase
#if canImport(Glibc)
import Glibc
#endif

/// Every kind of bad file: a specific message, ingested correctly or skipped, never an aborted
/// run, never a change to what was stored before.
@Suite struct BadInputTests {
    static let article = " date 2025-03-14 Le Vietnam et la Biélorussie renforcent leur coopération\n\n"
        + "Le président biélorusse a reçu à Minsk l’ambassadeur du Vietnam. Les deux pays ont évoqué l’éducation.\n\n"
        + "Les échanges commerciaux ont atteint 100 millions de dollars.\n"

    /// A directory holding one good article, ingested once, and the knowledge base.
    struct Fixture {
        let dir: URL
        let corpus: URL
        let kb: KnowledgeBase
        let export: [ExportRecord]

        init() throws {
            dir = try TestSupport.temporaryDirectory()
            corpus = dir.appendingPathComponent("news")
            try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
            try Data(BadInputTests.article.utf8).write(to: corpus.appendingPathComponent("good.txt"))
            kb = try KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .create)
            _ = try kb.ingest(paths: [corpus.path])
            export = try kb.exportRecords()
        }

        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let url = corpus.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url.path
        }

        /// Ingests the corpus; returns the summary and the problem reported for `path`.
        func ingest(_ path: String, options: IngestOptions = IngestOptions()) throws -> (IngestSummary, FileProblem?) {
            let s = try kb.ingest(paths: [corpus.path], options: options)
            return (s, s.problems.first { $0.path == path })
        }

        /// The good article is still there, unchanged, and the database is sound.
        func expectUntouched(_ comment: Comment? = nil) throws {
            let now = try kb.exportRecords().filter { $0.source == "good.txt" }
            #expect(now == export, comment)
            #expect(try kb.check().allSatisfy(\.ok), comment)
        }

        func storedRaw(_ name: String) throws -> String? {
            try kb.dbQueue.read { db in
                try String.fetchOne(db, sql: "SELECT a.raw_text FROM articles a JOIN article_sources s ON s.article_id = a.id WHERE s.name = ?", arguments: [name])
            }
        }

        func remove() { try? FileManager.default.removeItem(at: dir) }
    }

    static let skips: [(name: String, bytes: [UInt8], message: String)] = [
        ("empty.txt", [], "empty file (0 bytes)"),
        ("blank.txt", Array(" \n\t\r\n  \u{A0}\n".utf8), "only white space"),
        ("binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], "binary file (contains NUL bytes)"),
        ("garbage.txt", (0..<400).map { UInt8(0x80 + ($0 * 37) % 0x7F) }, "not valid UTF-8, and not readable as Windows-1252/Latin-1"),
        ("control.txt", Array(String(repeating: "ab\u{1}\u{2}\u{3}", count: 40).utf8), "binary file (control characters)"),
    ]

    @Test(arguments: 0..<skips.count)
    func badFilesAreSkippedWithASpecificMessage(_ i: Int) throws {
        let f = try Fixture()
        defer { f.remove() }
        let (name, bytes, message) = Self.skips[i]
        let path = try f.write(name, bytes)
        let (s, problem) = try f.ingest(path)
        #expect(problem?.severity == .skipped)
        #expect(problem?.reason.contains(message) == true, "\(name): \(problem?.reason ?? "no problem reported")")
        #expect(s.skipped == 1 && s.unchanged == 1 && s.exitStatus == 1)
        #expect(try f.storedRaw(name) == nil)
        try f.expectUntouched()
    }

    @Test func windows1252FrenchIsDecodedWithAWarning() throws {
        let f = try Fixture()
        defer { f.remove() }
        let text = " date 2025-04-02 Coopération économique renforcée\n\nLes élèves ont reçu « des prix » à Hà Nội… Déjà 3 accords signés.\n"
        let latin = text.unicodeScalars.map { s -> UInt8 in
            switch s { case "«": return 0xAB; case "»": return 0xBB; case "…": return 0x85; case "ộ": return 0x3F; default: return UInt8(s.value) }
        }
        let path = try f.write("latin1.txt", latin)
        let (s, problem) = try f.ingest(path)
        #expect(s.new == 1 && s.skipped == 0)
        #expect(problem?.severity == .warning && problem?.reason.contains("decoded as Windows-1252") == true)
        #expect(try f.storedRaw("latin1.txt")?.contains("Les élèves ont reçu « des prix » à Hà N?i… Déjà") == true)
        try f.expectUntouched()
    }

    @Test func aFewDamagedBytesInUTF8AreReplacedWithAWarning() throws {
        let f = try Fixture()
        defer { f.remove() }
        var bytes = Array(Self.article.replacingOccurrences(of: "2025-03-14", with: "2025-03-19").utf8)
        bytes.insert(0xFF, at: bytes.count - 10)
        let path = try f.write("damaged.txt", bytes)
        let (s, problem) = try f.ingest(path)
        #expect(s.new == 1 && problem?.severity == .warning && problem?.reason.contains("1 invalid UTF-8 byte sequence replaced") == true)
        #expect(try f.storedRaw("damaged.txt")?.contains("\u{FFFD}") == true)
        try f.expectUntouched()
    }

    @Test(arguments: ["le", "be", "le-bom", "be-bom", "utf8-bom"])
    func utf16AndByteOrderMarksAreDecoded(_ kind: String) throws {
        let f = try Fixture()
        defer { f.remove() }
        let text = Self.article.replacingOccurrences(of: "2025-03-14", with: "2025-03-15")
        let units = Array(text.utf16)
        var bytes: [UInt8] = []
        switch kind {
        case "utf8-bom": bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        default:
            let big = kind.hasPrefix("be")
            if kind.hasSuffix("bom") { bytes = big ? [0xFE, 0xFF] : [0xFF, 0xFE] }
            for u in units { bytes += big ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)] }
        }
        let path = try f.write("\(kind).txt", bytes)
        let (s, problem) = try f.ingest(path)
        #expect(s.new == 1 && s.skipped == 0, "\(kind): \(s.problems)")
        #expect(try f.storedRaw("\(kind).txt") == text)
        if kind == "utf8-bom" { #expect(problem == nil) } else { #expect(problem?.reason.contains("UTF-16") == true) }
        let record = try f.kb.exportRecords().first { $0.source == "\(kind).txt" }
        #expect(record?.date == "2025-03-15")
        try f.expectUntouched()
    }

    @Test func crlfLineEndingsParseAndOffsetsMapBackToTheStoredText() throws {
        let f = try Fixture()
        defer { f.remove() }
        let text = Self.article.replacingOccurrences(of: "2025-03-14", with: "2025-03-16")
        let path = try f.write("windows.txt", Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let (s, problem) = try f.ingest(path)
        #expect(s.new == 1 && problem?.severity == .warning && problem?.reason.contains("CRLF") == true)
        #expect(try f.storedRaw("windows.txt") == text, "stored with LF line endings")
        let row = try f.kb.dbQueue.read { db in
            try Row.fetchOne(db, sql: "SELECT a.date, a.headline, a.id FROM articles a JOIN article_sources s ON s.article_id = a.id WHERE s.name = 'windows.txt'")
        }
        #expect(row?["date"] == "2025-03-16")
        #expect(row?["headline"] == "Le Vietnam et la Biélorussie renforcent leur coopération")
        let id: Int64 = row!["id"]
        let mismatched = try f.kb.dbQueue.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM evidence e JOIN articles a ON a.id = e.article_id
                WHERE a.id = ? AND substr(a.raw_text, e.start_offset + 1, e.end_offset - e.start_offset) <> e.sentence
                """, arguments: [id])
        }
        #expect(mismatched == 0)
        try f.expectUntouched()
    }

    @Test func aFileOverTheSizeLimitIsSkipped() throws {
        let f = try Fixture()
        defer { f.remove() }
        let path = try f.write("huge.txt", Array((Self.article + String(repeating: "Le Vietnam coopère. ", count: 100)).utf8))
        var options = IngestOptions()
        options.maxFileSize = 1024
        let (s, problem) = try f.ingest(path, options: options)
        #expect(s.skipped == 1 && problem?.reason.contains("over the 1 KB limit") == true && problem?.kind == .tooLarge
                && problem?.reason.contains("--") == false)
        try f.expectUntouched()
    }

    @Test func missingAndImpossibleDatesAreIngestedWithNoDateAndAWarning() throws {
        let f = try Fixture()
        defer { f.remove() }
        let noDate = try f.write("nodate.txt", Array(Self.article.replacingOccurrences(of: " date 2025-03-14 ", with: "").utf8))
        let impossible = try f.write("impossible.txt", Array(Self.article.replacingOccurrences(of: "2025-03-14", with: "2025-13-45").utf8))
        let s = try f.kb.ingest(paths: [f.corpus.path])
        #expect(s.new == 2 && s.skipped == 0 && s.warnings == 2 && s.exitStatus == 0)
        #expect(s.problems.first { $0.path == noDate }?.reason.contains("no date line") == true)
        let reason = s.problems.first { $0.path == impossible }?.reason ?? ""
        #expect(reason.contains("ingested with no date") && reason.contains("2025-13-45"), "\(reason)")
        let dates = try f.kb.exportRecords().filter { $0.source != "good.txt" }.map(\.date)
        #expect(dates == [nil, nil])
        try f.expectUntouched()
    }

    @Test func theSameArticleUnderTwoNamesIsOneArticleWithTwoSources() throws {
        let f = try Fixture()
        defer { f.remove() }
        let copy = try f.write("copy-of-good.txt", Array(Self.article.utf8))
        let (s, problem) = try f.ingest(copy)
        #expect(s.new == 0 && s.unchanged == 2 && s.exitStatus == 0)
        #expect(problem?.reason.contains("same text as") == true)
        #expect(try f.kb.articleCount() == 1)
        let sources = try f.kb.dbQueue.read { db in try String.fetchAll(db, sql: "SELECT name FROM article_sources ORDER BY name") }
        #expect(sources == ["copy-of-good.txt", "good.txt"])
        try f.expectUntouched()
    }

    @Test func unreadableFilesAreSkipped() throws {
        let f = try Fixture()
        defer { f.remove() }
        // A FIFO named like an article would block a naive reader forever.
        let fifo = f.corpus.appendingPathComponent("fifo.txt").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let dangling = f.corpus.appendingPathComponent("dangling.txt").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "/nonexistent/article.txt")
        // Permissions: root reads a mode-000 file anyway, so that case is only asserted for other users.
        let locked = try f.write("locked.txt", Array(Self.article.replacingOccurrences(of: "14", with: "17").utf8))
        chmod(locked, 0)
        let s = try f.kb.ingest(paths: [f.corpus.path])
        #expect(s.problems.first { $0.path == fifo }?.reason.contains("not a regular file (a FIFO)") == true)
        #expect(s.problems.first { $0.path == dangling }?.reason.contains("broken symbolic link") == true)
        if geteuid() != 0 {
            #expect(s.problems.first { $0.path == locked }?.reason.contains("permission denied") == true)
            #expect(s.skipped == 3)
        } else {
            #expect(s.skipped == 2 && s.new == 1)
        }
        try f.expectUntouched()
        chmod(locked, 0o644)
    }

    @Test func aDirectorySymlinkLoopIsReportedOnceAndSkipped() throws {
        let f = try Fixture()
        defer { f.remove() }
        let sub = f.corpus.appendingPathComponent("2025")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data(Self.article.replacingOccurrences(of: "14", with: "18").utf8).write(to: sub.appendingPathComponent("a.txt"))
        try FileManager.default.createSymbolicLink(atPath: sub.appendingPathComponent("loop").path, withDestinationPath: f.corpus.path)
        let selfLink = f.corpus.appendingPathComponent("self.txt").path
        try FileManager.default.createSymbolicLink(atPath: selfLink, withDestinationPath: selfLink)
        let s = try f.kb.ingest(paths: [f.corpus.path])
        #expect(s.new == 1 && s.unchanged == 1)
        let loop = s.problems.first { $0.path.hasSuffix("/2025/loop") }
        #expect(loop?.reason.contains("symbolic link loop") == true && loop?.severity == .skipped)
        #expect(s.problems.first { $0.path == selfLink }?.reason.contains("symbolic link loop") == true)
        try f.expectUntouched()
    }

    @Test func aGoodFileTurnedBadKeepsItsStoredArticle() throws {
        let f = try Fixture()
        defer { f.remove() }
        let path = f.corpus.appendingPathComponent("good.txt").path
        for bytes in [[], [0x00, 0x01, 0x02, 0x03], Array("   \n".utf8)] as [[UInt8]] {
            _ = try f.write("good.txt", bytes)
            let (s, problem) = try f.ingest(path)
            #expect(s.skipped == 1 && problem?.severity == .skipped)
            try f.expectUntouched("\(bytes)")
        }
    }
}
