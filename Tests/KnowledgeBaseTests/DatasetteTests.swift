import Foundation
import Testing
@testable import KnowledgeBase

/// What Datasette shows first and how it reads: datasette/metadata.json (generated) and the
/// browse views of migration 014, on the seeds with their gold facts.
@Suite struct DatasetteTests {
    var kb: KnowledgeBase { QueryFixtures.seeded.kb }

    func metadata() throws -> [String: Any] {
        let json = try JSONSerialization.jsonObject(with: Data(try KnowledgeBase.datasetteMetadata().utf8)) as? [String: Any]
        return try #require((json?["databases"] as? [String: Any])?["kb"] as? [String: Any])
    }

    @Test func internalTablesHiddenViewsAndQueriesFirst() throws {
        let db = try metadata()
        let tables = try #require(db["tables"] as? [String: [String: Any]])
        for name in ["search_terms", "search_variants", "article_paragraphs", "kb_meta", "article_fingerprints", "visit_evidence", "person_aliases"] {
            #expect(tables[name]?["hidden"] as? Bool == true, "\(name) is hidden")
        }
        for shown in ["articles", "visits", "people", "visit_list", "visit_facts"] {
            #expect(tables[shown]?["hidden"] == nil, "\(shown) is shown")
        }
        let intro = try #require(db["description_html"] as? String)
        for view in ["visit_list", "agreement_list", "trade_list", "article_list"] { #expect(intro.contains("/kb/\(view)\"")) }
        #expect(intro.contains("/kb/search\""))
        #expect(intro.contains("kb search") && intro.contains("plurals") && intro.contains("elision") && intro.contains("aliases"))
    }

    @Test func newestFirstWithFacets() throws {
        let tables = try #require(try metadata()["tables"] as? [String: [String: Any]])
        #expect(tables["visit_list"]?["sort_desc"] as? String == "start_date")
        #expect(tables["articles"]?["sort_desc"] as? String == "date")
        let facets: [String] = tables["visit_list"]?["facets"] as? [String] ?? []
        #expect(Set(facets).isSuperset(of: ["host_country", "visitor_country", "year", "kind"]))
        #expect(tables["article_list"]?["fts_table"] as? String == "articles_fts")
        let columns = try KnowledgeBase.schema()
        for (name, facets) in tables.compactMapValues({ $0["facets"] as? [String] }) {
            let object = try #require(columns.first { $0.name == name })
            for f in facets { #expect(object.columns.contains { $0.name == f }, "\(name).\(f) exists") }
        }
    }

    @Test func browseViewsAreCompactAndFormatAmounts() throws {
        let visits = try kb.sql("SELECT count(*) FROM visit_list").rows
        #expect(visits == (try kb.sql("SELECT count(*) FROM visit_facts").rows))
        let long = try kb.sql("SELECT max(length(evidence)) FROM visit_list").rows.first?.first
        if case .integer(let n)? = long { #expect(n <= 140) } else { Issue.record("no evidence length") }
        let trade = try kb.sql("SELECT amount, amount_value FROM trade_list WHERE amount_value = 100000000").rows
        #expect(trade.first?.first == .text("100,000,000"))
        // A year column to facet on, from the partial dates.
        let years = try kb.sql("SELECT DISTINCT year FROM visit_list WHERE year IS NOT NULL").rows
        #expect(years.allSatisfy { if case .text(let y)? = $0.first { return y.count == 4 } else { return false } })
    }

    /// The canned search folds accents, elision and plurals and marks the matches in its snippets.
    @Test func searchQueryRanksAndHighlights() throws {
        func search(_ q: String) throws -> [[SQLValue]] {
            try kb.sql(KnowledgeBase.searchQuery.sql.replacingOccurrences(of: ":q", with: "'" + q.replacingOccurrences(of: "'", with: "''") + "'")).rows
        }
        let columns = try kb.sql(KnowledgeBase.searchQuery.sql.replacingOccurrences(of: ":q", with: "'cooperation'")).columns
        let snippet = try #require(columns.firstIndex(of: "snippet"))
        let plain = try search("cooperation")
        #expect(!plain.isEmpty)
        #expect(plain.allSatisfy { if case .text(let s) = $0[snippet] { return s.contains("[") && s.contains("]") } else { return false } })
        #expect(try search("Coopérations").count == plain.count, "accents, case and the plural")
        #expect(try search("l'accord").count == (try search("accord")).count, "elision")
        #expect(try search("\"partenariat stratégique\"").count > 0, "a phrase")
        #expect(try search("zzzzqx").isEmpty)
    }
}
