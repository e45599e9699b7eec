import Foundation
import GRDB
import Testing
import FrenchText
@testable import KnowledgeBase

/// Filters and facets read the fact tables; the rows are written here directly so the tests do not
/// depend on what the extractors find.
@Suite(.serialized) struct SearchFilterTests {
    let kb: KnowledgeBase
    /// Seed prefix (« 003 ») → article id.
    let ids: [String: Int64]

    init() throws {
        kb = try SeedBase.make("filters-\(UUID().uuidString)")
        let rows = try kb.dbQueue.read { db in try Row.fetchAll(db, sql: "SELECT id, source FROM articles") }
        ids = Dictionary(uniqueKeysWithValues: rows.map { (String(($0["source"] as String).prefix(3)), $0["id"] as Int64) })
        try kb.dbQueue.write { db in
            for table in ["article_countries", "article_domains", "person_mentions", "person_aliases", "people", "evidence_spans"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
            func evidence(_ article: Int64) throws -> Int64 {
                try db.execute(sql: """
                    INSERT INTO evidence_spans(article_id, start_offset, end_offset, extractor, extractor_version)
                    VALUES (?, 0, 4, 'test', '0')
                    """, arguments: [article])
                return db.lastInsertedRowID
            }
            for (seed, iso) in [("000", "BY"), ("000", "VN"), ("003", "BY"), ("003", "VN"), ("004", "VN")] {
                try db.execute(sql: "INSERT INTO article_countries(article_id, iso2, mentions, evidence_id) VALUES (?, ?, 1, ?)",
                               arguments: [ids[seed], iso, try evidence(ids[seed]!)])
            }
            try db.execute(sql: "INSERT INTO article_domains(article_id, slug, evidence_id) VALUES (?, 'cybersecurity', ?)",
                           arguments: [ids["003"], try evidence(ids["003"]!)])
            try db.execute(sql: "INSERT INTO people(id, name, country) VALUES (1, 'Tô Lâm', 'VN')")
            try db.execute(sql: "INSERT INTO person_aliases(person_id, alias, folded) VALUES (1, 'Tô Lâm', 'to lam')")
            for seed in ["000", "004"] {
                try db.execute(sql: "INSERT INTO person_mentions(person_id, article_id, name, evidence_id) VALUES (1, ?, 'Tô Lâm', ?)",
                               arguments: [ids[seed], try evidence(ids[seed]!)])
            }
        }
    }

    func seeds(_ r: SearchRequest) throws -> Set<String> {
        Set(try kb.search(r).hits.map { String($0.source.prefix(3)) })
    }

    @Test func country() throws {
        #expect(try seeds(SearchRequest("cybersécurité", countries: ["BY"])) == ["000", "003"])
        #expect(try seeds(SearchRequest("coopération", countries: ["by"])) == ["000", "003"])
        #expect(try seeds(SearchRequest("coopération", countries: ["Bélarus"])) == ["000", "003"])
        #expect(try seeds(SearchRequest("", countries: ["VN"])) == ["000", "003", "004"])
        #expect(throws: LookupError.self) { try kb.search(SearchRequest("x", countries: ["Atlantide"])) }
    }

    @Test func person() throws {
        #expect(try seeds(SearchRequest("coopération", people: ["Tô Lâm"])) == ["000", "004"])
        #expect(try seeds(SearchRequest("", people: ["to lam"])) == ["000", "004"])
    }

    @Test func domain() throws {
        #expect(try seeds(SearchRequest("", domains: ["cybersecurity"])) == ["003"])
        #expect(try seeds(SearchRequest("", domains: ["Cybersécurité"])) == ["003"])
        #expect(throws: LookupError.self) { try kb.search(SearchRequest("", domains: ["piracy"])) }
    }

    @Test func dates() throws {
        // 000 and 004 are dated 2025-05, 002 2025-09-13, 003 2025-12-03, 001 has no date.
        #expect(try seeds(SearchRequest("coopération", since: "2025-06")) == ["002", "003"])
        #expect(try seeds(SearchRequest("coopération", until: "2025-05")) == ["000", "004"])
        #expect(try seeds(SearchRequest("coopération", since: "2025-05-10", until: "2025-09")) == ["000", "002", "004"])
        #expect(try seeds(SearchRequest("coopération", since: "2025")) == ["000", "002", "003", "004"])
        #expect(throws: KBError.self) { try kb.search(SearchRequest("x", since: "mai 2025")) }
    }

    @Test func limitAndTotal() throws {
        let r = try kb.search(SearchRequest("coopération", limit: 2))
        #expect(r.hits.count == 2)
        #expect(r.total == 5)
        let page = try kb.search(SearchRequest("coopération", limit: 2, offset: 4))
        #expect(page.hits.count == 1)
    }

    @Test func facetsCountAllHits() throws {
        let f = try #require(try kb.search(SearchRequest("coopération", limit: 1, facets: true)).facets)
        #expect(f.countries.map { "\($0.value)=\($0.count)" } == ["VN=3", "BY=2"])
        #expect(f.domains.map { "\($0.value)=\($0.count)" } == ["cybersecurity=1"])
        #expect(f.years.map { "\($0.value)=\($0.count)" } == ["2025=4"])
    }

    @Test func reindexRunsWhenTheAnalyzerChanges() throws {
        try kb.dbQueue.write { db in
            try db.execute(sql: "UPDATE kb_meta SET value = 'old' WHERE key = 'analyzer_version'")
            try db.execute(sql: "UPDATE articles SET search_body = '', search_headline = ''")
            try db.execute(sql: "DELETE FROM search_terms")
        }
        #expect(try seeds(SearchRequest("coopérations")).count == 5)
        let version = try kb.dbQueue.read { db in try String.fetchOne(db, sql: "SELECT value FROM kb_meta WHERE key = 'analyzer_version'") }
        #expect(version == FrenchAnalyzer.version)
        try kb.checkSearchIndex()
    }
}
