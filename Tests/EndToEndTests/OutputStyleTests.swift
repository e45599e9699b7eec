import Foundation
import Testing
@testable import KnowledgeBaseTests
@testable import KnowledgeBase

/// One output style (issue 12, item 3): the built `kb` on the seeds and on one invented article
/// whose visit has an end date and whose trade figure covers nine months.
@Suite struct OutputStyleTests {
    static let seeded = QueryFixtures.privateCopy()

    /// Invented for this test: a visit « du 16 au 18 novembre » and a nine-month trade total.
    static let invented: String = {
        let dir = try! TestSupport.temporaryDirectory()
        let news = dir.appendingPathComponent("news")
        try! FileManager.default.createDirectory(at: news, withIntermediateDirectories: true)
        try! """
             date 2025-11-20 Visite officielle à Hanoï

            Le président biélorusse Alexandre Loukachenko a effectué une visite officielle au Vietnam du 16 au 18 novembre 2025.

            Au cours des neuf premiers mois de 2025, les échanges commerciaux entre le Vietnam et la Biélorussie ont atteint 120 millions de dollars.

            """.write(to: news.appendingPathComponent("visite.txt"), atomically: true, encoding: .utf8)
        // Names whose code-point order is not their reading order (ï, Đ).
        try! """
             date 2025-06-02 Rencontres à Hanoï

            Le ministre kazakh des Affaires étrangères Aïdar Beketov a rencontré à Hanoï le vice-ministre vietnamien des Affaires étrangères Đoàn Minh Hải.

            Le Premier ministre malaisien Anwar Ibrahim a également rencontré le ministre vietnamien du Commerce Dang Van Tu.

            """.write(to: news.appendingPathComponent("rencontres.txt"), atomically: true, encoding: .utf8)
        let path = dir.appendingPathComponent("kb.sqlite").path
        let run = try! TestSupport.kb(["ingest", "--quiet", "--db", path, news.path])
        precondition(run.status == 0, run.stderr)
        return path
    }()

    func kb(_ arguments: [String], db: String = OutputStyleTests.seeded, environment: [String: String] = [:], stdin: String? = nil) throws -> TestSupport.Run {
        try TestSupport.kb(arguments + ["--db", db], environment: environment, stdin: stdin)
    }

    static func json(_ run: TestSupport.Run) -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [[String: Any]] ?? []
    }

    /// The keys of each object of a JSON array, in the order they are written.
    static func orderedKeys(_ text: String) -> [[String]] {
        text.split(separator: "\n").compactMap { line -> [String]? in
            guard line.hasPrefix("{") else { return nil }
            return (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]).map { _ in
                // ndjson lines: keys in order of appearance at depth one.
                var keys: [String] = [], depth = 0, i = line.startIndex, inString = false, escaped = false, start = line.startIndex
                while i < line.endIndex {
                    let c = line[i]
                    if inString {
                        if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" {
                            inString = false
                            let next = line.index(after: i)
                            if depth == 1, next < line.endIndex, line[next] == ":" { keys.append(String(line[line.index(after: start)..<i])) }
                        }
                    } else if c == "\"" { inString = true; start = i }
                    else if c == "{" || c == "[" { depth += 1 }
                    else if c == "}" || c == "]" { depth -= 1 }
                    i = line.index(after: i)
                }
                return keys
            }
        }
    }

    static let listings: [[String]] = [
        ["visits"], ["agreements"], ["people"], ["countries"], ["domains"], ["trade"], ["timeline"], ["runs"],
        ["search", "coopération"], ["check"],
    ]

    /// JSON keeps explicit nulls: every row of a listing has the same keys, in the CSV header's order.
    @Test(arguments: listings) func jsonAndCSVCarryTheSameColumns(_ command: [String]) throws {
        let db = command == ["runs"] || command == ["check"] ? Self.invented : Self.seeded
        let ndjson = try kb(command + ["--format", "ndjson"], db: db)
        let csv = try kb(command + ["--format", "csv"], db: db)
        #expect(ndjson.status == 0 && csv.status == 0, "\(command): \(ndjson.stderr)")
        let header = csv.stdout.split(separator: "\r\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
        let keys = Self.orderedKeys(ndjson.stdout)
        #expect(!keys.isEmpty)
        for row in keys { #expect(row == header, "\(command): JSON keys \(row) vs CSV \(header)") }
        for key in header { #expect(key == key.lowercased() && !key.contains(" "), "\(command): \(key) is snake_case") }
    }

    @Test func listingsCarryIdsAndPersonIDs() throws {
        let visit = try #require(Self.json(try kb(["visits", "--format", "json"])).first)
        #expect(visit["id"] is Int && visit.keys.contains("person_id"))
        #expect(visit.keys.contains("end") && visit["end"] is NSNull, "an unknown end is an explicit null")
        let header = try kb(["visits", "--format", "tsv"]).stdout.split(separator: "\n").first ?? ""
        #expect(header.hasPrefix("id\tvisitor\tperson_id"))
    }

    @Test func runsAreSnakeCase() throws {
        let run = try #require(Self.json(try kb(["runs", "--format", "json"], db: Self.invented)).first)
        #expect(run["started_at"] is String && run["extractor_version"] is String && run["still_skipped"] is Int)
        #expect(!run.keys.contains(where: { $0.contains(where: \.isUppercase) }))
    }

    /// 120 millions: 120000000 in JSON, CSV and `kb sql`; 120,000,000 in tables.
    @Test func numbersRawForMachinesGroupedForPeople() throws {
        let point = try #require(Self.json(try kb(["trade", "--format", "json"], db: Self.invented)).first)
        #expect((point["actual"] as? NSNumber)?.int64Value == 120_000_000)
        #expect(try kb(["trade", "--format", "csv"], db: Self.invented).stdout.contains(",120000000,"))
        #expect(try kb(["trade"], db: Self.invented).stdout.contains("120,000,000"))
        let sql = "SELECT amount FROM trade_facts"
        #expect(try kb(["sql", sql, "--format", "csv"], db: Self.invented).stdout == "amount\r\n120000000\r\n")
        #expect(try kb(["sql", sql, "--format", "json"], db: Self.invented).stdout.contains("\"amount\":120000000}"))
        #expect(try kb(["sql", sql], db: Self.invented).stdout.contains("120,000,000"))
        // Years are not grouped (« 2,025 » would be wrong): integers under five digits stay as written.
        #expect(try kb(["trade"], db: Self.invented).stdout.contains("2025 "))
    }

    @Test func tablesFitTheWidthUnlessTold() throws {
        let narrow = try kb(["visits"], environment: ["COLUMNS": "80"])
        #expect(narrow.status == 0)
        for line in narrow.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line.count): \(line)") }
        #expect(narrow.stdout.contains("…"))
        let whole = try kb(["visits", "--no-truncate"], environment: ["COLUMNS": "80"])
        #expect(whole.stdout.split(separator: "\n").contains { $0.count > 80 } && !whole.stdout.contains("…"))
        // Not a terminal and no COLUMNS: nothing is cut, not even at 60 characters.
        let piped = try kb(["sql", "SELECT evidence FROM visit_facts ORDER BY length(evidence) DESC LIMIT 1"])
        #expect(!piped.stdout.contains("…") && piped.stdout.split(separator: "\n").contains { $0.count > 60 })
        let schema = try TestSupport.kb(["schema"], environment: ["COLUMNS": "60"])
        for line in schema.stdout.split(separator: "\n") { #expect(line.count <= 60) }
    }

    @Test func fittingKeepsNumbersWhole() throws {
        let narrow = try kb(["trade"], db: Self.invented, environment: ["COLUMNS": "50"])
        #expect(narrow.stdout.contains("120,000,000"), "an amount is never cut: \(narrow.stdout)")
    }

    /// Every date as stated, and next to it a full ISO date and a precision that pandas parses.
    @Test func datesKeepTheirPrecisionAndParse() throws {
        let rows = Self.json(try kb(["visits", "--format", "json"]))
        #expect(!rows.isEmpty)
        let iso = try NSRegularExpression(pattern: "^\\d{4}-\\d{2}-\\d{2}$")
        for row in rows {
            guard let start = row["start"] as? String else { continue }
            let full = try #require(row["start_iso"] as? String)
            #expect(iso.firstMatch(in: full, range: NSRange(full.startIndex..., in: full)) != nil)
            #expect(full.hasPrefix(start))
            #expect(row["start_precision"] as? String == ["year", "month", "day"][start.split(separator: "-").count - 1])
        }
        let view = try kb(["sql", "SELECT start_date, start_iso, start_precision FROM visit_facts WHERE start_date = '2014'", "--format", "csv"])
        #expect(view.stdout == "start_date,start_iso,start_precision\r\n2014,2014-01-01,year\r\n")
        let agreements = try kb(["sql", "SELECT count(*) FROM agreement_facts WHERE signed IS NOT NULL AND length(signed_iso) <> 10"])
        #expect(agreements.stdout.hasSuffix("\n0\n"))
        #expect(DateColumns.iso("2025-05") == "2025-05-01" && DateColumns.precision("2025") == "year" && DateColumns.iso("vers 2025") == nil)
    }

    @Test func listingsShowEndDatesAndPeriods() throws {
        #expect(try kb(["visits"], db: Self.invented).stdout.contains("2025-11-16/2025-11-18"))
        #expect(try kb(["timeline"], db: Self.invented).stdout.contains("2025-11-16/2025-11-18"))
        let card = try kb(["country", "BY"], db: Self.invented).stdout
        #expect(card.contains("2025-11-16/2025-11-18") && card.contains("2025 (2025-01/2025-09)") && card.contains("120,000,000"))
        let event = try #require(Self.json(try kb(["timeline", "--format", "json"], db: Self.invented)).first { $0["kind"] as? String == "trade" })
        #expect(event["date"] as? String == "2025-01" && event["end"] as? String == "2025-09")
        #expect(try kb(["trade"], db: Self.invented).stdout.contains("2025-01/2025-09"))
    }

    @Test func visitsByPerson() throws {
        let rows = Self.json(try kb(["visits", "--person", "Lukashenko", "--format", "json"]))
        #expect(!rows.isEmpty && rows.allSatisfy { $0["visitor"] as? String == "Alexandre Loukachenko" })
        let id = try #require(rows.first?["person_id"] as? Int)
        #expect(try kb(["visits", "--person", "#\(id)", "--format", "json"]).stdout == (try kb(["visits", "--person", "Lukashenko", "--format", "json"])).stdout)
        let nobody = try kb(["visits", "--person", "Jean Personne"])
        #expect(nobody.status == 1 && nobody.stderr.contains("no person matches"))
    }

    @Test func namesSortWithAccentsFolded() throws {
        #expect(["Đoàn Minh", "Anwar", "Zeng", "Aïdar", "Dang"].sortedByFoldedName() == ["Aïdar", "Anwar", "Dang", "Đoàn Minh", "Zeng"])
        let names = Self.json(try kb(["people", "--format", "json"], db: Self.invented)).compactMap { $0["name"] as? String }
        let wanted = ["Aïdar Beketov", "Anwar Ibrahim", "Dang Van Tu", "Đoàn Minh Hải"]
        #expect(names.filter(wanted.contains) == wanted, "\(names)")
    }

    @Test func oneIdSyntaxForEveryCard() throws {
        let person = try #require(Self.json(try kb(["people", "--format", "json"])).first?["id"] as? Int)
        for (command, id) in [("show", "3"), ("person", String(person))] {
            let bare = try kb([command, id]), hashed = try kb([command, "#" + id])
            #expect(bare.status == 0 && bare.stdout == hashed.stdout, "\(command) \(id): \(bare.stderr) \(hashed.stderr)")
        }
        #expect(try kb(["show", "003"]).stdout.contains("003_"), "a zero-led number is still a file name prefix")
    }

    static let unknownNames: [[String]] = [
        ["search", "coopération", "--country", "Atlantide"], ["search", "--person", "Nobody Here"], ["search", "x", "--domain", "astrologie"],
        ["people", "--country", "Atlantide"], ["visits", "--host", "Atlantide"], ["visits", "--person", "Nobody Here"],
        ["agreements", "--domain", "astrologie"], ["trade", "--country", "Atlantide"], ["person", "#999"], ["show", "#999"],
        ["runs", "--run", "999"],
    ]

    /// « No such name » is status 1 in every command, with a message naming what is unknown.
    @Test(arguments: unknownNames) func unknownNamesExitOne(_ command: [String]) throws {
        let run = try kb(command)
        #expect(run.status == 1, "\(command): \(run.status) \(run.stderr)")
        #expect(run.stderr.hasPrefix("kb: no "), "\(command): \(run.stderr)")
        #expect(run.stdout.isEmpty || run.stdout == "[]\n")
    }

    @Test func unknownNamesSuggestTheClosest() throws {
        let country = try kb(["people", "--country", "Bielorusie"])
        #expect(country.status == 1 && country.stderr.contains("Did you mean « Biélorussie (BY) »"))
        let searched = try kb(["search", "x", "--country", "Bielorusie"])
        #expect(searched.status == 1 && searched.stderr.contains("Biélorussie (BY)"))
        let person = try kb(["person", "Loukachenk"])
        #expect(person.status == 1 && person.stderr.contains("Alexandre Loukachenko"))
        #expect(try kb(["search", "--person", "Nobody Here"]).stderr.contains("no person matches « Nobody Here »"))
    }

    /// A country card's « top domains » counts the agreements that country is a party to, as
    /// `kb agreements --party` lists them (it counted every agreement of the database).
    @Test func topDomainsCountTheCountrysAgreements() throws {
        for country in ["BY", "VN"] {
            let card = try #require(Self.json(try kb(["country", country, "--format", "json"])).first)
            let domains = try #require(card["top_domains"] as? [[String: Any]])
            #expect(!domains.isEmpty)
            for d in domains {
                let slug = try #require(d["slug"] as? String)
                let listed = Self.json(try kb(["agreements", "--party", country, "--domain", slug, "--format", "json"])).count
                #expect(d["agreements"] as? Int == listed, "\(country) \(slug): card \(d["agreements"] ?? "?") vs listing \(listed)")
            }
        }
    }

    @Test func docsPointToFilesInTheRepository() throws {
        let schema = try TestSupport.kb(["schema", "--format", "csv"]).stdout
        #expect(schema.contains("seeds/reference/domains.tsv") && !schema.contains("spec/"))
        for file in ["README.md", "docs/SCHEMA.md", "datasette/metadata.json"] {
            let text = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("spec/"), "\(file) points to a spec/ folder the repository does not have")
        }
    }

    @Test func limitZeroMeansNoLimit() throws {
        let all = Self.json(try kb(["search", "coopération", "--limit", "0", "--format", "json"]))
        let total = Self.json(try kb(["search", "coopération", "--limit", "100", "--format", "json"]))
        #expect(!all.isEmpty && all.count == total.count)
        #expect(try kb(["search", "coopération", "--limit", "-1"]).status == 2)
        #expect(Self.json(try kb(["runs", "--limit", "0", "--format", "json"], db: Self.invented)).count == 1)
        #expect(try kb(["runs", "--limit", "-3"], db: Self.invented).status == 2)
    }
}

/// The rough edges of issue 12, item 4, each as a user meets it.
@Suite struct CLIRoughEdgeTests {
    @Test func extractReadsDirectoriesAndStandardInput() throws {
        let dir = try TestSupport.kb(["extract", TestSupport.seedsDirectory])
        #expect(dir.status == 0, "\(dir.stderr)")
        let seeds = try FileManager.default.contentsOfDirectory(atPath: TestSupport.seedsDirectory).filter { $0.hasSuffix(".txt") }
        #expect(dir.stdout.split(separator: "\n").count == seeds.count)
        let article = " date 2025-03-02 Une visite\n\nLe président Tô Lâm est arrivé à Minsk pour une visite d'État.\n"
        let stdin = try TestSupport.kb(["extract", "-"], stdin: article)
        #expect(stdin.status == 0, "\(stdin.stderr)")
        let record = try JSONSerialization.jsonObject(with: Data(stdin.stdout.utf8)) as? [String: Any]
        #expect(record?["source"] as? String == "stdin" && record?["date"] as? String == "2025-03-02")
        let missing = try TestSupport.kb(["extract", "/nonexistent/dir"])
        #expect(missing.status == 2 && missing.stderr.contains("no such file or directory"))
    }

    @Test func aFileThatIsNotAKnowledgeBaseIsNotToBeIngestedInto() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let other = dir.appendingPathComponent("notes.txt").path
        try "not a database\n".write(toFile: other, atomically: true, encoding: .utf8)
        let run = try TestSupport.kb(["countries", "--db", other])
        #expect(run.status == 2 && run.stderr.contains("is not a kb database"))
        #expect(!run.stderr.contains("kb ingest --db \(other)"), "no advice to ingest into the very file: \(run.stderr)")
        #expect(try String(contentsOfFile: other, encoding: .utf8) == "not a database\n")
    }

    @Test func bareKbAndUnknownCommandsAreUsageErrors() throws {
        let bare = try TestSupport.kb([])
        #expect(bare.status == 2 && bare.stderr.contains("SUBCOMMANDS") && bare.stdout.isEmpty)
        let help = try TestSupport.kb(["help", "nosuch"])
        #expect(help.status == 2 && help.stderr.contains("unknown command « nosuch »"))
        let typo = try TestSupport.kb(["serch", "cybersécurité"])
        #expect(typo.status == 2 && typo.stderr.contains("Did you mean « kb search »"))
        #expect(try TestSupport.kb(["help", "search"]).status == 0)
        #expect(try TestSupport.kb(["--help"]).status == 0)
    }

    /// README: every command that reads or writes a knowledge base takes --db.
    @Test func everyDatabaseCommandTakesDb() throws {
        for command in ["ingest", "search", "export", "countries", "people", "visits", "agreements", "domains", "trade", "timeline",
                        "person", "country", "show", "sql", "runs", "check", "backup", "reextract"] {
            #expect(try TestSupport.kb([command, "--help"]).stdout.contains("--db <path>"), "kb \(command) takes --db")
        }
    }

    @Test func dbOnCommandsWithoutADatabaseIsExplained() throws {
        for command in [["schema"], ["extract", TestSupport.seedsDirectory]] {
            let run = try TestSupport.kb(command + ["--db", "kb.sqlite"])
            #expect(run.status == 2 && run.stderr.contains("uses no database"), "\(command): \(run.stderr)")
        }
    }

    /// `make install` into a staging directory: kb where the units call it, with PREFIX written into them.
    @Test func makeInstallPutsKbWhereTheUnitsCallIt() throws {
        let stage = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: stage) }
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        make.arguments = ["make", "--no-print-directory", "-C", TestSupport.packageRoot.path, "install",
                          "DESTDIR=\(stage.path)", "PREFIX=/opt/kb", "KB_BIN=\(TestSupport.kbBinary)"]
        make.standardOutput = FileHandle.nullDevice
        try make.run()
        make.waitUntilExit()
        #expect(make.terminationStatus == 0)
        let kb = stage.path + "/opt/kb/bin/kb"
        #expect(FileManager.default.isExecutableFile(atPath: kb + "-fetch"), "kb fetch runs kb-fetch from kb's directory")
        #expect(FileManager.default.isExecutableFile(atPath: kb))
        let service = try String(contentsOfFile: stage.path + "/etc/systemd/system/kb-ingest.service", encoding: .utf8)
        #expect(service.contains("ExecStart=/opt/kb/bin/kb ingest") && !service.contains("/usr/local/"))
        #expect(FileManager.default.fileExists(atPath: stage.path + "/etc/systemd/system/kb-ingest.timer"))
        #expect(try String(contentsOfFile: stage.path + "/etc/cron.d/kb", encoding: .utf8).contains("PATH=/opt/kb/bin:"))
        #expect(FileManager.default.fileExists(atPath: stage.path + "/opt/kb/share/doc/kb/README.md"))
        let version = try TestSupport.kb(["--version"])
        let installed = Process()
        installed.executableURL = URL(fileURLWithPath: kb)
        installed.arguments = ["--version"]
        let pipe = Pipe()
        installed.standardOutput = pipe
        try installed.run()
        installed.waitUntilExit()
        #expect(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == version.stdout)
    }
}
