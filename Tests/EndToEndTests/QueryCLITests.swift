import Foundation
import ArticleFiles
import Testing
@testable import KnowledgeBaseTests
@testable import KnowledgeBase

/// The built `kb` binary on the seeds (with their gold facts): every query command in every format,
/// names that match nothing or several things, and `kb sql` leaving the file untouched.
@Suite struct QueryCLITests {
    /// A private copy of the fixture, so the byte-for-byte check sees only this suite's commands.
    static let database = QueryFixtures.privateCopy()

    func kb(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> TestSupport.Run {
        try TestSupport.kb(arguments + ["--db", Self.database], environment: environment, stdin: stdin)
    }

    static let commands: [[String]] = [
        ["countries"],
        ["people", "--country", "Biélorussie"],
        ["people", "--role", "president"],
        ["visits", "--host", "BY"],
        ["visits", "--visitor-country", "VN", "--since", "2014", "--until", "2025-05"],
        ["agreements", "--kind", "protocol"],
        ["agreements", "--domain", "sécurité"],
        ["domains"],
        ["domains", "--by-year"],
        ["trade", "--country", "BY"],
        ["timeline", "--country", "Belarus"],
        ["person", "Tô Lâm"],
        ["person", "lukashenko"],
        ["country", "Biélorussie"],
        ["country", "BY"],
        ["show", "003_ba95bcf8c95dc1d6.txt"],
        ["sql", "SELECT visitor, host_country, start_date FROM visit_facts ORDER BY visit_id"],
    ]

    @Test(arguments: commands) func everyFormat(_ command: [String]) throws {
        let json = try kb(command + ["--format", "json"])
        #expect(json.status == 0, "\(command): \(json.stderr)")
        let array = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(array?.isEmpty == false, "\(command) gives a non-empty JSON array of objects")

        let ndjson = try kb(command + ["--format", "ndjson"])
        let lines = ndjson.stdout.split(separator: "\n")
        #expect(ndjson.status == 0 && lines.count == array?.count, "\(command): \(ndjson.stderr)")
        for line in lines { #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any]) }

        for (format, separator) in [("csv", ","), ("tsv", "\t")] {
            let run = try kb(command + ["--format", format])
            #expect(run.status == 0)
            let header = run.stdout.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            #expect(header.contains(separator) && !header.contains(" "), "\(command) \(format) starts with a header: \(header)")
            #expect(run.stdout.split(whereSeparator: \.isNewline).count >= 2)
        }

        let table = try kb(command)
        #expect(table.status == 0 && !table.stdout.isEmpty)
        #expect(!table.stdout.contains("\u{1B}["), "no colour when NO_COLOR is set")
    }

    @Test func emptyResultsAreAnEmptyArray() throws {
        #expect(try kb(["visits", "--since", "2090", "--format", "json"]).stdout == "[]\n")
        #expect(try kb(["sql", "SELECT * FROM articles WHERE 0", "--format", "json"]).stdout == "[]\n")
        #expect(try kb(["visits", "--since", "2090", "--format", "ndjson"]).stdout == "")
        #expect(try kb(["visits", "--since", "2090", "--format", "csv"]).stdout.hasPrefix("id,visitor,person_id,visitor_country"))
    }

    @Test func noColourWhenNotATerminal() throws {
        let run = try kb(["countries"], environment: ["NO_COLOR": ""])
        #expect(run.status == 0 && !run.stdout.contains("\u{1B}["))
    }

    @Test func ambiguousNameListsTheCandidates() throws {
        let run = try kb(["person", "Luong"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("Luong Cuong") && run.stderr.contains("Luong Tam Quang") && run.stderr.contains("#"))
        let article = try kb(["show", "00"])
        #expect(article.status == 1 && article.stderr.contains("matches 5 articles"))
    }

    @Test(arguments: [["person", "Jean Personne"], ["country", "Atlantide"], ["show", "999"], ["people", "--country", "Atlantide"]])
    func unknownNameExitsOne(_ command: [String]) throws {
        let run = try kb(command)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("kb: no "), "clear message: \(run.stderr)")
    }

    @Test func sqlFromStandardInput() throws {
        let run = try kb(["sql", "-", "--format", "csv"], stdin: "SELECT count(*) AS n FROM articles;\n")
        #expect(run.status == 0 && run.stdout == "n\r\n5\r\n")
    }

    @Test func sqlRefusesChangesAndLeavesTheFileUntouched() throws {
        // Its own copy: no other test's reader touches it meanwhile.
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kb.sqlite").path
        try FileManager.default.copyItem(atPath: QueryFixtures.seeded.path, toPath: path)
        let original = try Self.fileState(path)
        // Any reader of a WAL database (sqlite3 too) creates an empty -wal and the -shm index; from then on nothing moves.
        #expect(try TestSupport.kb(["sql", "SELECT count(*) FROM articles", "--db", path]).status == 0)
        let before = try Self.fileState(path)
        #expect(before[0] == original[0] && before[1].hasSuffix(SHA256.hex([UInt8]())))
        for query in ["DELETE FROM articles", "DROP TABLE articles", "ATTACH DATABASE '/tmp/kb-attack.sqlite' AS other",
                      "PRAGMA writable_schema=1", "SELECT load_extension('/tmp/kb-evil.so')", "UPDATE people SET name = 'x'",
                      "VACUUM", "PRAGMA user_version = 7", "PRAGMA wal_checkpoint(TRUNCATE)"] {
            let run = try TestSupport.kb(["sql", query, "--db", path])
            #expect(run.status == 2, "\(query) is refused")
            #expect(run.stderr.contains("read-only") || run.stderr.contains("not allowed"), "\(query): \(run.stderr)")
        }
        let timeout = try TestSupport.kb(["sql", "--timeout", "0.5", "--db", path,
                                          "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"])
        #expect(timeout.status == 2 && timeout.stderr.contains("interrupted"))
        #expect(try Self.fileState(path) == before)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/kb-attack.sqlite"))
    }

    /// The database file's hash, and the -wal file's (or its absence).
    static func fileState(_ database: String) throws -> [String] {
        [database, database + "-wal"].map { path in
            guard let data = FileManager.default.contents(atPath: path) else { return "absent" }
            return SHA256.hex(data)
        }
    }

    @Test func schemaAndGeneratedDocs() throws {
        let run = try TestSupport.kb(["schema", "--format", "csv"])
        #expect(run.status == 0 && run.stdout.hasPrefix("object,kind,column,type,description"))
        #expect(run.stdout.contains("visit_facts,view,evidence"))
        #expect(try TestSupport.kb(["schema", "--markdown"]).stdout == (try KnowledgeBase.schemaMarkdown()))
        for format in ["json", "ndjson", "tsv", "table"] {
            #expect(try TestSupport.kb(["schema", "--format", format]).status == 0)
        }
    }

    @Test func shellCompletions() throws {
        let run = try TestSupport.kb(["--generate-completion-script", "bash"])
        #expect(run.status == 0 && run.stdout.contains("person") && run.stdout.contains("timeline"))
    }
}
