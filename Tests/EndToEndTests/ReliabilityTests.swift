import Foundation
import ArticleFiles
import GRDB
import Testing
@testable import KnowledgeBaseTests
import Extraction
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
        p.executableURL = URL(fileURLWithPath: FileManager.default.isExecutableFile(atPath: "/bin/bash") ? "/bin/bash" : "/bin/sh")
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

    /// Sets a file's modification time back, so it is not « racy » (too close to the read).
    static func age(_ path: String, seconds: Int = 3600) throws {
        let then = timespec(tv_sec: time(nil) - seconds, tv_nsec: 0)
        var times = [then, then]
        #expect(utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW) == 0)
    }

    static let article = " date 2025-03-14 Le Vietnam et la Biélorussie signent un accord\n\nHanoï (VNA) - Un texte inventé pour ce test.\n"

    @Test func aFileThatKeepsFailingIsReportedOncePerChange() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Self.article.write(to: corpus.appendingPathComponent("good.txt"), atomically: false, encoding: .utf8)
        let empty = corpus.appendingPathComponent("empty.txt").path
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        try Self.age(empty)
        let broken = corpus.appendingPathComponent("broken.txt").path
        try FileManager.default.createSymbolicLink(atPath: broken, withDestinationPath: dir.appendingPathComponent("nowhere").path)
        try Self.age(broken)
        let kb = try KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .create)

        let first = try kb.ingest(paths: [corpus.path])
        #expect(first.new == 1 && first.skipped == 2 && first.exitStatus == 1, "\(first.line)")
        for _ in 0..<2 {
            let night = try kb.ingest(paths: [corpus.path])
            #expect(night.skipped == 0 && night.stillSkipped == 2 && night.problems.isEmpty && night.exitStatus == 0, "\(night.line)")
            #expect(night.line.contains("2 still skipped"))
        }
        #expect(Set(try kb.skippedFiles().map(\.path)) == [empty, broken])

        // A change (even with the old modification time put back) is tried again at once.
        try Self.article.replacingOccurrences(of: "accord", with: "traité").write(toFile: empty, atomically: false, encoding: .utf8)
        try Self.age(empty)
        let fixed = try kb.ingest(paths: [corpus.path])
        #expect(fixed.new == 1 && fixed.stillSkipped == 1 && fixed.exitStatus == 0, "\(fixed.line)")
        try FileManager.default.removeItem(atPath: broken)
        _ = try kb.ingest(paths: [corpus.path])
        #expect(try kb.skippedFiles().isEmpty)

        // The CLI: exit 0 and the summary line on a night where only known files are skipped.
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(try TestSupport.kb(["ingest", "--db", kb.path, corpus.path]).status == 1)
        try Self.age(empty)
        #expect(try TestSupport.kb(["ingest", "--db", kb.path, corpus.path]).status == 1, "racy: re-checked once")
        let quiet = try TestSupport.kb(["ingest", "--db", kb.path, corpus.path])
        #expect(quiet.status == 0 && quiet.stderr.contains("1 still skipped (unchanged since; kb runs --skipped)"), "\(quiet.stderr)")
        let listed = try TestSupport.kb(["runs", "--skipped", "--format", "csv", "--db", kb.path])
        #expect(listed.stdout.contains(empty) && listed.stdout.contains("empty file"), "\(listed.stdout)")
    }

    @Test func theSystemdUnitStillBacksUpAfterANightWithSkippedFiles() throws {
        let unit = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("deploy/kb-ingest.service"), encoding: .utf8)
        let success = unit.split(separator: "\n").first { $0.hasPrefix("SuccessExitStatus=") }
        #expect(success?.split(separator: "=").last?.split(separator: " ").contains("1") == true, "\(success ?? "none")")
        #expect(unit.contains("ExecStartPost=/usr/local/bin/kb backup"))
        let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("deploy/README.md"), encoding: .utf8)
        #expect(readme.contains("What cron and systemd see"))
    }

    @Test func theWriterLockFollowsTheFileNotThePath() throws {
        let (dir, corpus) = try IngestFixtures.temporaryCorpus(count: 30)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kb.sqlite").path
        #expect(try TestSupport.kb(["ingest", "--db", path, TestSupport.seedsDirectory]).status == 0)
        let link = dir.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)

        let first = try IngestFixtures.start(["ingest", "--db", path, corpus.path], environment: ["KB_TEST_ARTICLE_DELAY_MS": "50"])
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL); first.waitUntilExit() } }
        try IngestFixtures.waitForArticles(path, atLeast: 6)
        let throughLink = try TestSupport.kb(["ingest", "--db", link, corpus.path])
        #expect(throughLink.status == 3, "\(throughLink.stderr)")
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()

        // A hard link: refused by every command, the file untouched.
        let hard = dir.appendingPathComponent("hard.sqlite").path
        try FileManager.default.linkItem(atPath: path, toPath: hard)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for args in [["ingest", "--db", hard, corpus.path], ["ingest", "--db", path, corpus.path], ["search", "--db", hard, "Vietnam"]] {
            let r = try TestSupport.kb(args)
            #expect(r.status == 2 && r.stderr.contains("hard links"), "\(args): \(r.status) \(r.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        try FileManager.default.removeItem(atPath: hard)

        // The lock file is never opened through a symbolic link (it would truncate the target).
        let victim = dir.appendingPathComponent("victim.txt").path
        try "keep me".write(toFile: victim, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: path + ".lock")
        try FileManager.default.createSymbolicLink(atPath: path + ".lock", withDestinationPath: victim)
        let r = try TestSupport.kb(["ingest", "--db", path, corpus.path])
        #expect(r.status == 2 && r.stderr.contains("symbolic link"), "\(r.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me")
    }

    /// The modification time of a file, to put it back after an edit.
    static func mtime(_ path: String) -> timespec {
        var st = stat()
        _ = stat(path, &st)
        return st.st_mtim
    }
    static func setMtime(_ path: String, _ t: timespec) {
        var times = [t, t]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }

    @Test func rescanAndRacyTimestampsFindEditsThatKeptSizeAndTime() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let file = corpus.appendingPathComponent("a.txt").path
        try Self.article.write(toFile: file, atomically: false, encoding: .utf8)
        try Self.age(file)
        let kb = try KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .create)
        #expect(try kb.ingest(paths: [corpus.path]).new == 1)

        // Same size, modification time put back: an ordinary run cannot see it; --rescan does.
        let old = Self.mtime(file)
        try Self.article.replacingOccurrences(of: "accord", with: "pacte!").write(toFile: file, atomically: false, encoding: .utf8)
        Self.setMtime(file, old)
        #expect(try kb.ingest(paths: [corpus.path]).unchanged == 1)
        var options = IngestOptions()
        options.rescan = true
        #expect(try kb.ingest(paths: [corpus.path], options: options).updated == 1)
        #expect(try kb.ingest(paths: [corpus.path], options: options).unchanged == 1, "known text is not re-extracted")
        let cli = try TestSupport.kb(["ingest", "--rescan", "--db", kb.path, corpus.path])
        #expect(cli.status == 0 && cli.stderr.contains("1 unchanged"), "\(cli.stderr)")

        // Racy: written in the same tick as the read (here: just now). A correction that keeps the
        // size and time is found by the next ordinary run.
        let racy = corpus.appendingPathComponent("b.txt").path
        try Self.article.replacingOccurrences(of: "Vietnam", with: "Laos").write(toFile: racy, atomically: false, encoding: .utf8)
        #expect(try kb.ingest(paths: [corpus.path]).new == 1)
        let t = Self.mtime(racy)
        try Self.article.replacingOccurrences(of: "Vietnam", with: "Japon").write(toFile: racy, atomically: false, encoding: .utf8)
        Self.setMtime(racy, t)
        #expect(try kb.ingest(paths: [corpus.path]).updated == 1)
        let stored = try kb.dbQueue.read { db in try String.fetchOne(db, sql: "SELECT a.raw_text FROM articles a JOIN article_sources s ON s.article_id = a.id WHERE s.path = ?", arguments: [racy]) }
        #expect(stored?.contains("Japon") == true)
    }

    @Test func aFileRewrittenWhileBeingReadIsReadAgainOrSkipped() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.txt").path
        try Self.article.write(toFile: file, atomically: false, encoding: .utf8)
        var rewrites = 0
        let read = try FileReader.readStable(file, maxSize: 1 << 20) { path in
            rewrites += 1
            if rewrites == 1 { try? (Self.article + "Suite ajoutée pendant la lecture.\n").write(toFile: path, atomically: false, encoding: .utf8) }
        }
        #expect(rewrites == 2 && String(decoding: read.bytes, as: UTF8.self).contains("Suite ajoutée"), "read again, whole")
        #expect(throws: FileFailure.self) {
            try FileReader.readStable(file, maxSize: 1 << 20) { path in
                rewrites += 1  // a different size every time
                try? (Self.article + String(repeating: "x", count: rewrites)).write(toFile: path, atomically: false, encoding: .utf8)
            }
        }
        do { _ = try FileReader.readStable(file, maxSize: 1 << 20) } catch let e as FileFailure {
            #expect(e.reason.contains("changed while being read"))
        }
    }

    @Test func symbolicLinksLeavingTheNewsDirectoryAreNotFollowed() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("news"), outside = dir.appendingPathComponent("private")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Self.article.write(to: corpus.appendingPathComponent("a.txt"), atomically: false, encoding: .utf8)
        try Self.article.replacingOccurrences(of: "Vietnam", with: "Secret").write(to: outside.appendingPathComponent("s.txt"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: corpus.appendingPathComponent("secret.txt").path, withDestinationPath: outside.appendingPathComponent("s.txt").path)
        try FileManager.default.createSymbolicLink(atPath: corpus.appendingPathComponent("passwd.txt").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: corpus.appendingPathComponent("elsewhere").path, withDestinationPath: outside.path)
        // Inside the directory, links are followed as before.
        try FileManager.default.createSymbolicLink(atPath: corpus.appendingPathComponent("again.txt").path, withDestinationPath: corpus.appendingPathComponent("a.txt").path)
        let db = dir.appendingPathComponent("kb.sqlite").path
        let r = try TestSupport.kb(["ingest", "--db", db, corpus.path])
        #expect(r.status == 1 && r.stderr.contains("secret.txt: symbolic link to") && r.stderr.contains("not followed"), "\(r.stderr)")
        #expect(r.stderr.contains("passwd.txt") && r.stderr.contains("elsewhere"))
        let texts = try IngestFixtures.open(db, readOnly: true).read { db in try String.fetchAll(db, sql: "SELECT raw_text FROM articles") }
        #expect(texts.count == 1 && !texts.contains { $0.contains("Secret") || $0.contains("root:") })
        let follow = try TestSupport.kb(["ingest", "--follow-symlinks", "--db", db, corpus.path])
        #expect(follow.stderr.contains("1 new"), "\(follow.stderr)")
    }

    @Test func terminalOutputEscapesControlCharactersAndCSVNeutralisesFormulas() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let hostile = " date 2025-03-14 Le Vietnam \u{1B}]0;titre\u{07}et la Biélorussie\u{1B}[2J signent \u{202E}un accord\n\nHanoï (VNA) - Le Vietnam \u{1B}]52;c;Y2xpcA==\u{07} coopère.\n\n"
            + String(repeating: "Les deux pays renforcent leur coopération dans de nombreux domaines. ", count: 20) + "\n"
        try hostile.write(to: corpus.appendingPathComponent("a.txt"), atomically: false, encoding: .utf8)
        let db = dir.appendingPathComponent("kb.sqlite").path
        #expect(try TestSupport.kb(["ingest", "--db", db, corpus.path]).status <= 1)
        for args in [["search", "Vietnam"], ["sql", "SELECT headline, body FROM articles JOIN article_bodies ON article_id = id"], ["sql", "SELECT raw_text FROM articles"]] {
            let r = try TestSupport.kb(args + ["--db", db])
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }, "\(args): raw control characters: \(r.stdout)")
            #expect(r.stdout.contains("\\x1B"), "\(args): \(r.stdout)")
        }
        // JSON keeps the data (escaped by JSON itself).
        let json = try TestSupport.kb(["sql", "SELECT headline FROM articles", "--format", "json", "--db", db])
        #expect(json.stdout.contains("\\u001b") && !json.stdout.unicodeScalars.contains { $0.value == 0x1B })

        let csv = try TestSupport.kb(["sql", "SELECT '=HYPERLINK(\"x\")' AS a, '+1+2' AS b, '-5' AS c, '@SUM(A1)' AS d, '-x' AS e", "--format", "csv", "--db", db])
        #expect(csv.stdout.split(separator: "\r\n").last == #""'=HYPERLINK(""x"")",'+1+2,-5,'@SUM(A1),'-x"#, "\(csv.stdout)")
        let tsv = try TestSupport.kb(["sql", "SELECT '=1+1' AS a", "--format", "tsv", "--db", db])
        #expect(tsv.stdout.contains("'=1+1"))
    }

    /// The normal layout: the directory and the database belong to the kb user; an analyst may read
    /// the files but not write the directory. Needs root (to run kb as `nobody`) and setpriv.
    @Test func anUnprivilegedAnalystReadsRightAfterAnIngest() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = chmod(dir.path, 0o755)
        let db = dir.appendingPathComponent("kb.sqlite").path
        #expect(try TestSupport.kb(["ingest", "--db", db, TestSupport.seedsDirectory]).status == 0)
        #expect(try TestSupport.kb(["ingest", "--db", db, TestSupport.seedsDirectory]).status == 0, "the process that closes last")
        let asNobody = "setpriv --reuid=65534 --regid=65534 --clear-groups \"$KB\""
        #expect(try Self.shell("\(asNobody) ingest --db '\(db)' '\(TestSupport.seedsDirectory)'").status != 0, "nobody may not write here")
        for command in ["runs", "search Vietnam", "sql 'SELECT count(*) FROM articles'", "export", "countries"] {
            let r = try Self.shell("\(asNobody) \(command) --db '\(db)'")
            #expect(r.status == 0, "kb \(command) as nobody: \(r.stderr)")
        }
    }

    @Test func onlyTheWriterUpgradesTheSchema() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kb.sqlite").path
        try TestSupport.olderDatabase(at: path, wal: true)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for args in [["search", "Vietnam"], ["export"], ["check"], ["runs"], ["sql", "SELECT 1"], ["countries"]] {
            let r = try TestSupport.kb(args + ["--db", path])
            #expect(r.status == 2 && r.stderr.contains("older schema") && r.stderr.contains("kb ingest --db"), "\(args): \(r.status) \(r.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "readers did not upgrade it")
        #expect(try TestSupport.kb(["ingest", "--db", path, TestSupport.seedsDirectory]).status == 0)
        #expect(try TestSupport.kb(["search", "Vietnam", "--db", path]).status == 0)
    }

    @Test func sqlStreamsRowsAndItsTimeoutCoversEverything() throws {
        let (kb, dir) = try TestSupport.seededKnowledgeBase()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Streaming: an endless query piped to head ends at once, in every format.
        for format in ["csv", "ndjson", "table", "json"] {
            let t = Date()
            let r = try Self.shell("\"$KB\" sql --db '\(kb.path)' --timeout 20 --format \(format) 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c' | head -c 100000 | wc -c")
            #expect(Date().timeIntervalSince(t) < 15, "\(format): rows reach the pipe as they come")
            #expect(Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) == 100000, "\(format): \(r.stdout) \(r.stderr)")
        }
        var seen = 0
        try kb.sql("SELECT id FROM articles", columns: { #expect($0 == ["id"]) }, row: { _ in seen += 1 })
        #expect(seen == 5)
        for bad in ["nan", "-1", "0", "inf"] {
            let r = try TestSupport.kb(["sql", "--db", kb.path, "--timeout", bad, "SELECT 1"])
            #expect(r.status == 2, "--timeout \(bad): \(r.status)")
        }
        #expect(throws: KBError.self) { try kb.sql("SELECT 1", timeout: .nan) }
        // A huge blob is shown cut, quickly, under the timeout.
        let t = Date()
        let blob = try TestSupport.kb(["sql", "--db", kb.path, "--timeout", "2", "--format", "csv", "SELECT zeroblob(10000000) AS b"])
        #expect(blob.status == 0 && blob.stdout.contains("10000000 bytes") && blob.stdout.utf8.count < 20_000, "\(blob.stderr)")
        #expect(Date().timeIntervalSince(t) < 5)
        // An over-long statement is refused before parsing; a NUL byte is refused, not cut.
        let long = "SELECT 1 WHERE 1 IN (" + (0..<300_000).map(String.init).joined(separator: ",") + ")"
        let refused = try TestSupport.kb(["sql", "--db", kb.path, "-"], stdin: long)
        #expect(refused.status == 2 && refused.stderr.contains("over the limit"), "\(refused.stderr)")
        let nul = try TestSupport.kb(["sql", "--db", kb.path, "-"], stdin: "SELECT 1;\u{0}DROP TABLE articles")
        #expect(nul.status == 2 && nul.stderr.contains("NUL"), "\(nul.stderr)")
    }

    @Test func searchDeduplicatesAndCapsWordsAndHasATimeout() throws {
        let (kb, dir) = try TestSupport.seededKnowledgeBase()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = Date()
        let repeated = try TestSupport.kb(["search", "--db", kb.path] + Array(repeating: "Vietnam", count: 30))
        #expect(repeated.status == 0, "\(repeated.stderr)")
        #expect(Date().timeIntervalSince(t) < 10)
        #expect(SearchQuery(Array(repeating: "Vietnam", count: 30).joined(separator: " ")).clauses.count == 1)
        let t2 = Date()
        let many = try TestSupport.kb(["search", "--db", kb.path] + Array(repeating: "Vietnam", count: 10_000))
        #expect(many.status == 2 && many.stderr.contains("at most"), "\(many.stderr)")
        let oneArgument = try TestSupport.kb(["search", "--db", kb.path, Array(repeating: "Vietnam", count: 10_000).joined(separator: " ")])
        #expect(oneArgument.status == 2 && oneArgument.stderr.contains("at most 64"), "\(oneArgument.stderr)")
        #expect(Date().timeIntervalSince(t2) < 10, "refused at once")
        let distinct = try TestSupport.kb(["search", "--db", kb.path] + (0..<40).map { "mot\($0)" })
        #expect(distinct.status == 2 && distinct.stderr.contains("at most 32"), "\(distinct.stderr)")
        #expect(try TestSupport.kb(["search", "--db", kb.path, "--timeout", "nan", "Vietnam"]).status == 2)
        var request = SearchRequest("Vietnam")
        request.timeout = -1
        #expect(throws: KBError.self) { try kb.search(request) }
        // `--` ends the options; it is not searched for.
        let dashes = try TestSupport.kb(["search", "--db", kb.path, "--", "Biélorussie"])
        let plain = try TestSupport.kb(["search", "--db", kb.path, "Biélorussie"])
        #expect(dashes.status == 0 && dashes.stdout == plain.stdout, "\(dashes.stderr)")
    }

    @Test func skippedFilesGetTheirRealReason() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let news = dir.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: news, withIntermediateDirectories: true)
        try Self.article.write(to: news.appendingPathComponent("a.txt"), atomically: false, encoding: .utf8)
        // A name that is not UTF-8, a path over PATH_MAX, UTF-32.
        let script = "cd '\(news.path)' && touch \"$(printf 'bad\\377.txt')\" && n=$(printf 'd%.0s' $(seq 1 200)) && "
            + "(for i in $(seq 1 22); do mkdir $n && cd $n || exit 1; done; echo x > deep.txt)"
        #expect(try Self.shell(script).status == 0)
        try Data([0xFF, 0xFE, 0x00, 0x00] + Array("t\0\0\0".utf8)).write(to: news.appendingPathComponent("utf32.txt"))
        let db = dir.appendingPathComponent("kb.sqlite").path
        let r = try TestSupport.kb(["ingest", "--db", db, news.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("not valid UTF-8") && r.stderr.contains("rename"), "\(r.stderr)")
        #expect(r.stderr.contains("over the system's"), "\(r.stderr)")
        #expect(r.stderr.contains("UTF-32"), "\(r.stderr)")
        #expect(!r.stderr.contains("broken symbolic link"), "\(r.stderr)")
        // A file deleted between discovery and reading.
        #expect(throws: FileFailure.self) { try FileReader.read(news.appendingPathComponent("gone.txt").path, maxSize: 100) }
        do { _ = try FileReader.read(news.appendingPathComponent("gone.txt").path, maxSize: 100) } catch let e as FileFailure {
            #expect(e.reason.contains("disappeared during the run"))
        }
        #expect(ByteCount.parse("infG") == nil && ByteCount.parse("nanM") == nil && ByteCount.parse("1e30G") == nil && ByteCount.parse("8M") == 8 << 20)
        #expect(try TestSupport.kb(["ingest", "--db", db, "--max-file-size", "infG", news.path]).status == 2)
        let dash = try TestSupport.kb(["ingest", "--db", db, "-leading-dash.txt"])
        #expect(dash.status == 2 && dash.stderr.contains("./-leading-dash.txt"), "\(dash.stderr)")
    }

    @Test func reextractionAfterAnUpgradeRunsInResumableBatchesInterleavedWithNewFiles() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("corpus"), more = dir.appendingPathComponent("more")
        try IngestFixtures.writeCorpus(count: 30, to: corpus)
        try IngestFixtures.writeCorpus(count: 40, to: more)
        for i in 0..<30 { try FileManager.default.removeItem(at: more.appendingPathComponent(String(format: "%04d.txt", i))) }
        let referencePath = dir.appendingPathComponent("reference.sqlite").path
        #expect(try TestSupport.kb(["ingest", "--db", referencePath, corpus.path, more.path]).status == 0)
        let reference = try TestSupport.kb(["export", "--db", referencePath]).stdout

        let path = dir.appendingPathComponent("kb.sqlite").path
        #expect(try TestSupport.kb(["ingest", "--db", path, corpus.path]).status == 0)
        func makeOld() throws {
            let q = try IngestFixtures.open(path)
            try q.write { db in
                try db.execute(sql: "UPDATE articles SET extractor_version = 'old'")
                try db.execute(sql: "UPDATE evidence_spans SET extractor_version = 'old'")
            }
            try q.close()
        }
        func current() throws -> Int {
            try IngestFixtures.open(path, readOnly: true).read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM articles WHERE extractor_version = ?", arguments: [FactExtractor.version]) ?? 0
            }
        }
        try makeOld()
        // Killed in the middle: the batches committed so far stay done, the database is sound.
        let slow = try IngestFixtures.start(["ingest", "--db", path, corpus.path, more.path], environment: ["KB_TEST_ARTICLE_DELAY_MS": "40"])
        let deadline = Date().addingTimeInterval(30)
        while try current() < 3 && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        kill(slow.processIdentifier, SIGKILL)
        slow.waitUntilExit()
        let doneBefore = try current()
        #expect(doneBefore >= 3 && doneBefore < 40, "\(doneBefore) articles at the new version when killed")
        #expect(try TestSupport.kb(["check", "--db", path]).status == 0)
        let resumed = try KnowledgeBase(path: path).ingest(paths: [corpus.path, more.path])
        #expect(resumed.reextracted <= 30 - min(doneBefore, 30) + 10, "resumed, not restarted: \(resumed.line)")
        #expect(try current() == 40)
        #expect(try TestSupport.kb(["export", "--db", path]).stdout == reference)

        // Interleaved: with small batches, new files are stored before the last re-extraction.
        try makeOld()
        try FileManager.default.removeItem(at: more)
        try IngestFixtures.writeCorpus(count: 45, to: more)
        for i in 0..<40 { try FileManager.default.removeItem(at: more.appendingPathComponent(String(format: "%04d.txt", i))) }
        var options = IngestOptions()
        options.batchSize = 4
        var events: [IngestEvent.Phase] = []
        let run = try KnowledgeBase(path: path).ingest(paths: [corpus.path, more.path], options: options) { e in
            if e.phase == .reextract || e.outcome == .new { events.append(e.phase) }
        }
        #expect(run.new == 5 && run.reextracted == 40, "\(run.line)")
        let firstNew = events.firstIndex(of: .files) ?? events.count, lastReextract = events.lastIndex(of: .reextract) ?? 0
        #expect(firstNew < lastReextract, "a new file came before the last re-extraction batch")
        let runs = try KnowledgeBase(path: path).recentRuns(limit: 1)
        #expect(runs.first?.reextracted == 40 && runs.first?.status == .ok)
    }
}
