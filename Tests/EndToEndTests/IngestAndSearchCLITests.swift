import Foundation
import Testing
import Extraction
@testable import KnowledgeBase
@testable import KnowledgeBaseTests

/// What `kb ingest` and `kb search` print for the libraries' results: the library side of each
/// is tested in KnowledgeBaseTests (BadInputTests, SearchToleranceTests) on the same fixtures.
@Suite struct IngestAndSearchCLITests {
    @Test func aFileOverTheSizeLimitIsSkippedWithTheFlagThatRaisesIt() throws {
        let f = try BadInputTests.Fixture()
        defer { f.remove() }
        _ = try f.write("huge.txt", Array((BadInputTests.article + String(repeating: "Le Vietnam coopère. ", count: 100)).utf8))
        let cli = try TestSupport.kb(["ingest", "--max-file-size", "1K", "--db", f.kb.path, f.corpus.path])
        #expect(cli.status == 1 && cli.stderr.contains("huge.txt: file is") && cli.stderr.contains("(raise it with --max-file-size)"), "\(cli.stderr)")
        let problems = try TestSupport.kb(["runs", "--problems", "--format", "csv", "--db", f.kb.path])
        #expect(problems.stdout.hasPrefix("severity,kind,path,reason") && problems.stdout.contains("skipped,too-large,")
                && problems.stdout.contains("(raise it with --max-file-size)"), "\(problems.stdout)")
        let skipped = try TestSupport.kb(["runs", "--skipped", "--format", "json", "--db", f.kb.path])
        #expect(skipped.stdout.contains("\"kind\": \"too-large\"") && skipped.stdout.contains("--max-file-size"), "\(skipped.stdout)")
    }

    @Test func theCLIReportsEachProblemAndExitsWith1WhenFilesWereSkipped() throws {
        let f = try BadInputTests.Fixture()
        defer { f.remove() }
        _ = try f.write("empty.txt", [])
        _ = try f.write("nodate.txt", Array(BadInputTests.article.replacingOccurrences(of: " date 2025-03-14 ", with: "").utf8))
        let r = try TestSupport.kb(["ingest", "--db", f.kb.path, f.corpus.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("kb: skipped: \(f.corpus.path)/empty.txt: empty file (0 bytes)"))
        #expect(r.stderr.contains("kb: warning: \(f.corpus.path)/nodate.txt: no date line"))
        #expect(r.stderr.contains("1 new, 0 updated, 1 unchanged, 1 skipped, 1 warning"), "\(r.stderr)")
        let json = try TestSupport.kb(["ingest", "--log-format", "json", "--db", f.kb.path, f.corpus.path])
        #expect(json.status == 1)
        let lines = json.stderr.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.allSatisfy { $0 != nil }, "every stderr line is JSON")
        #expect(lines.contains { $0?["event"] as? String == "file_problem" && $0?["severity"] as? String == "skipped" })
        #expect(lines.last??["event"] as? String == "ingest_summary")
    }

    @Test func theCLIShowsTheExpansion() throws {
        let db = SearchToleranceTests.kb.path
        let table = try TestSupport.kb(["search", "--db", db, "Lukachenko"])
        #expect(table.status == 0)
        #expect(table.stderr.contains("also matched: Lukachenko → loukachenko"))
        let json = try TestSupport.kb(["search", "--db", db, "--format", "json", "Lukachenko"])
        #expect(json.stdout.contains("\"also_matched\": \"loukachenko\""))
        let exact = try TestSupport.kb(["search", "--db", db, "--exact", "Lukachenko"])
        #expect(exact.status == 1)
    }
    /// `kb search [--db PATH] word…` is read without ArgumentParser (start-up time): it prints,
    /// warns and exits exactly as the same search parsed as usual (an option forces that road).
    @Test func theQuickReadingOfASearchBehavesAsTheParsedOne() throws {
        let db = SearchToleranceTests.kb.path
        for words in [["Lukachenko"], ["coopération", "économique"], ["zzqqxy"], ["pharmaceutiqe"]] {
            for dbArgs in [["--db", db], ["--db=\(db)"]] {
                let quick = try TestSupport.kb(["search"] + dbArgs + words)
                let parsed = try TestSupport.kb(["search"] + dbArgs + ["--limit", "20"] + words)
                #expect(quick.status == parsed.status && quick.stdout == parsed.stdout && quick.stderr == parsed.stderr, "\(words): \(quick.stderr) | \(parsed.stderr)")
            }
        }
        let viaEnvironment = try TestSupport.kb(["search", "Lukachenko"], environment: ["KB_DB": db])
        let named = try TestSupport.kb(["search", "--db", db, "Lukachenko"])
        #expect(viaEnvironment.status == 0 && viaEnvironment.stdout == named.stdout && !named.stdout.isEmpty, "\(viaEnvironment.stderr)")
        let missing = try TestSupport.kb(["search", "--db", db + ".nosuch", "accord"])
        #expect(missing.status == 2 && missing.stderr.contains("does not exist"), "\(missing.stderr)")
        // Anything else goes to the parser (which takes the last of two --db), and answers the same.
        let twice = try TestSupport.kb(["search", "--db", db + ".nosuch", "--db", db, "Lukachenko"])
        #expect(twice.status == named.status && twice.stdout == named.stdout, "\(twice.stderr)")
    }
}
