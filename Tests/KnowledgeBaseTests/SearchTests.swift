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
}
