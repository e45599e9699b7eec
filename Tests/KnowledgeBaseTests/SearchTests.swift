import Foundation
import GRDB
import Testing
import FrenchText
@testable import KnowledgeBase

/// The seed articles ingested once into a temporary database, shared by the search tests.
enum SeedBase {
    static func make(_ name: String) throws -> KnowledgeBase {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kb-search-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("\(name).sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let kb = try KnowledgeBase(path: path, mode: .create)
        _ = try kb.ingest(paths: [TestSupport.seedsDirectory])
        return kb
    }

    static let shared: KnowledgeBase = try! make("shared")
}

@Suite struct SearchTests {
    let kb = SeedBase.shared

    func sources(_ query: String) throws -> Set<String> {
        Set(try kb.search(SearchRequest(query, limit: 100)).hits.map { String($0.source.prefix(3)) })
    }

    @Test(arguments: [
        ["cybersécurité", "cybersecurite", "CYBERSÉCURITÉ"],
        ["Biélorussie", "Bélarus", "Belarus", "biélorusse"],
        ["coopération", "coopérations"],
        ["intelligence artificielle", "l'intelligence artificielle", "\"l’intelligence artificielle\""],
        ["Loukachenko", "Lukashenko"],
    ])
    func groupFindsTheSameArticles(_ group: [String]) throws {
        let first = try sources(group[0])
        #expect(!first.isEmpty, "« \(group[0]) » finds nothing")
        for q in group.dropFirst() {
            #expect(try sources(q) == first, "« \(q) » differs from « \(group[0]) »")
        }
    }

    @Test func cybersecurityIsInTwoSeeds() throws {
        #expect(try sources("cybersécurité") == ["000", "003"])
    }

    @Test func minusExcludes() throws {
        let all = try sources("coopération")
        let cyber = try sources("cybersécurité")
        #expect(try sources("coopération -cybersécurité") == all.subtracting(cyber))
        #expect(try sources("coopération NOT cybersécurité") == all.subtracting(cyber))
        #expect(!all.subtracting(cyber).isEmpty)
    }

    @Test func quotesRequireAdjacency() throws {
        #expect(try !sources("sécurité coopération").isEmpty)
        #expect(try sources("\"sécurité coopération\"").isEmpty)
        #expect(try sources("\"coopération économique\"").isSubset(of: sources("coopération économique")))
        #expect(try !sources("\"coopération économique\"").isEmpty)
    }

    @Test func starMatchesPrefixes() throws {
        #expect(try sources("cybersécu*") == sources("cybersécurité"))
        #expect(try sources("Loukach*") == sources("Loukachenko"))
        #expect(try sources("\"intelligence artif\"*") == sources("\"intelligence artificielle\""))
    }

    @Test func orUnites() throws {
        #expect(try sources("cybersécurité OR Lukashenko") == sources("cybersécurité").union(sources("Loukachenko")))
    }

    @Test func headlineOutranksBody() throws {
        // « Bélarus » is in the headline of 003 only; the others say it in the body, if at all.
        let hits = try kb.search(SearchRequest("Bélarus"))
        #expect(hits.hits.first?.source.hasPrefix("003") == true)
    }

    @Test func stockSQLiteFindsUnstemmedFoldedWords() throws {
        let sqlite = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let sqlite else { return }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: sqlite)
        p.arguments = [kb.path, "select rowid from articles_fts where articles_fts match 'cybersecurite'"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        p.waitUntilExit()
        let ids = Set(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").compactMap { Int64($0) })
        #expect(ids == Set(try kb.search(SearchRequest("cybersécurité")).hits.map(\.articleID)))
        #expect(ids.count == 2)
    }

    @Test func snippetsComeFromTheOriginalText() throws {
        let hit = try #require(try kb.search(SearchRequest("cybersecurite")).hits.first)
        #expect(hit.snippet.marked(open: "[", close: "]").contains("[cybersécurité]"))
        let elided = try #require(try kb.search(SearchRequest("l'intelligence artificielle")).hits.first)
        #expect(elided.snippet.marked(open: "<", close: ">").contains("l’<intelligence> <artificielle>"))
    }

    @Test func typosGetSuggestions() throws {
        // Spelling tolerance finds the name; with --exact, « Did you mean » suggests it.
        #expect(try !kb.search(SearchRequest("Loukachenco")).hits.isEmpty)
        let result = try kb.search(SearchRequest("Loukachenco", exact: true))
        #expect(result.hits.isEmpty)
        #expect(result.suggestions.map(\.suggestion) == ["Loukachenko"])
        #expect(result.suggestions.first?.query == "Loukachenko")
        // A truncated word shares its stem with the full one: found without a suggestion.
        #expect(try sources("cybersecurit") == sources("cybersécurité"))
        let two = try kb.search(SearchRequest("coopération cybersecurute", exact: true))
        #expect(two.suggestions.map(\.suggestion) == ["cybersécurité"])
        #expect(two.suggestions.first?.query == "coopération cybersécurité")
    }

    /// No input may turn into an FTS5 syntax error: it is searched, or refused with a sentence.
    @Test(arguments: ["l'intelligence", "coopération-économique", "94,5", "\"", "NOT", "(", ")", "a OR", "OR", "-", "*",
                      "\"phrase sans fin", "NEAR(vietnam", "col:term", "^start", "{x}", "'", "x AND", "-\"\"", "OR OR OR",
                      "\"\"*", "la", "-coopération", "AND NOT OR", "\u{0}", "coopération ((", "«Biélorussie»", "“Tô Lâm”"])
    func anyInputIsSafe(_ query: String) {
        do {
            _ = try kb.search(SearchRequest(query))
        } catch KBError.nothingToSearch {
            // Refused with a sentence: only operators or punctuation.
        } catch let e as KBError {
            guard case .badQuery(let message) = e else { Issue.record("« \(query) »: \(e)"); return }
            #expect(!message.contains("fts5"), "« \(query) »: \(message)")
        } catch {
            Issue.record("« \(query) »: \(error)")
        }
    }

    @Test func rawPassesFTS5Through() throws {
        let result = try kb.search(SearchRequest("cybersecurite OR loukachenko", raw: true))
        #expect(Set(result.hits.map { String($0.source.prefix(3)) }) == (try sources("cybersécurité OR Loukachenko")))
        #expect(throws: KBError.self) { try kb.search(SearchRequest("cyber AND (", raw: true)) }
    }

    @Test func sqlIsPrintedNotRun() throws {
        let sql = try kb.searchSQL(SearchRequest("l'intelligence", countries: ["BY"]))
        #expect(sql.contains("articles_fts MATCH '\"intelligence\"'"))
        #expect(sql.contains("iso2 = 'BY'"))
    }

    @Test func resultIsCodable() throws {
        let result = try kb.search(SearchRequest("cybersécurité", facets: true))
        let data = try JSONEncoder().encode(result)
        #expect(try JSONDecoder().decode(SearchResult.self, from: data) == result)
        #expect(result.total == 2)
    }

    @Test func searchIndexIsIntact() throws {
        try kb.checkSearchIndex()
    }

    /// The bodies snippets are cut from are the view's (`article_bodies`), byte for byte.
    @Test func bodiesAreTheViews() throws {
        try kb.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT a.id, a.raw_text, b.body FROM articles a JOIN article_bodies b ON b.article_id = a.id")
            #expect(!rows.isEmpty)
            for row in rows {
                let paragraphs = try Row.fetchAll(db, sql: "SELECT start_offset, end_offset FROM article_paragraphs WHERE article_id = ? ORDER BY seq",
                                                  arguments: [row["id"] as Int64]).map { (start: $0["start_offset"] as Int, end: $0["end_offset"] as Int) }
                #expect(Array(SearchRunner.body(raw: row["raw_text"], paragraphs: paragraphs).utf8) == Array((row["body"] as String).utf8))
            }
            // Characters of two to four bytes, a paragraph out of order, one past the end: as SQLite's substr.
            let raw = "Année 2024 : « Đà Nẵng » 😀 fin."
            let paragraphs = [(start: 0, end: 5), (start: 8, end: 21), (start: 2, end: 4), (start: 25, end: 40), (start: 50, end: 52)]
            var expected: [String] = []
            for p in paragraphs {
                expected.append(try String.fetchOne(db, sql: "SELECT substr(?, ?, ?)", arguments: [raw, p.start + 1, p.end - p.start]) ?? "")
            }
            #expect(SearchRunner.body(raw: raw, paragraphs: paragraphs) == expected.joined(separator: "\n\n"))
            #expect(SearchRunner.body(raw: raw, paragraphs: []) == "")
            // Long ASCII runs (crossed eight bytes at a time) with accents at every position of a run of eight.
            let long = (0..<40).map { String(repeating: "a", count: $0 % 11) + (["é", "Đ", "😀", " "][$0 % 4]) }.joined()
            let cuts = [(start: 3, end: 70), (start: 70, end: 200), (start: 9, end: 17), (start: 150, end: 151)]
            var slices: [String] = []
            for p in cuts { slices.append(try String.fetchOne(db, sql: "SELECT substr(?, ?, ?)", arguments: [long, p.start + 1, p.end - p.start]) ?? "") }
            #expect(SearchRunner.body(raw: long, paragraphs: cuts) == slices.joined(separator: "\n\n"))
        }
    }

    /// A snippet is one line: runs of white space (tabs, line breaks, no-break spaces) become one space.
    @Test func snippetCollapsesWhiteSpace() {
        let body = "Un\u{A0}\u{A0}accord\t\tde  cybersécurité\n\nsigné à Đà Nẵng.  "
        let s = SearchSnippets.make(body, Highlighter(terms: ["cybersecurite", "nang"], prefixes: []))
        #expect(s.text == "Un accord de cybersécurité signé à Đà Nẵng.")
        #expect(s.highlights == [.init(start: 13, end: 26), .init(start: 38, end: 42)])
    }

    /// Marks go around the highlighted code points, combining marks and emoji included.
    @Test func markedWrapsCodePoints() {
        func scalarByScalar(_ s: SearchSnippet, _ open: String, _ close: String) -> String {
            var out = ""
            var spans = s.highlights[...]
            for (i, c) in s.text.unicodeScalars.enumerated() {
                if let h = spans.first, h.start == i { out += open }
                out.unicodeScalars.append(c)
                if let h = spans.first, h.end == i + 1 { out += close; spans = spans.dropFirst() }
            }
            return out
        }
        let cases = [
            SearchSnippet(text: "e\u{301}te\u{301} 😀 fin", highlights: [.init(start: 0, end: 1), .init(start: 2, end: 4), .init(start: 5, end: 6)]),
            SearchSnippet(text: "« Đà Nẵng » et Hà Nội", highlights: [.init(start: 0, end: 11), .init(start: 18, end: 21)]),
            SearchSnippet(text: "rien", highlights: []),
            SearchSnippet(text: "", highlights: []),
        ]
        for c in cases {
            #expect(Array(c.marked(open: "[", close: "]").utf8) == Array(scalarByScalar(c, "[", "]").utf8), "\(c.text)")
        }
        #expect(cases[1].marked(open: "<", close: ">") == "<« Đà Nẵng »> et Hà <Nội>")
    }

    /// The page kept from all the ranked hits is `ORDER BY score, rowid LIMIT ? OFFSET ?`'s.
    @Test func pageIsTheSortedSlice() {
        var rng = SystemRandomNumberGenerator()
        for count in [0, 1, 7, 100, 1_000] {
            // Few distinct scores, so that ties are decided by the id.
            let all = (0..<count).map { SearchRunner.Ranked(id: Int64($0 * 7 % 1_009), score: -Double(Int.random(in: 0..<20, using: &rng)) / 4) }
            let sorted = all.sorted(by: SearchRunner.Ranked.before)
            for (offset, limit) in [(0, 20), (0, 1), (5, 3), (0, Int(Int32.max)), (990, 20), (2_000, 20), (0, 0), (3, Int(Int32.max))] {
                let expected = offset < sorted.count ? Array(sorted[offset..<min(sorted.count, offset + limit)]) : []
                #expect(SearchRunner.page(all, offset: offset, limit: limit) == expected, "\(count) hits, offset \(offset), limit \(limit)")
            }
        }
    }
}
