import GRDB
import FrenchText

/// Runs a planned search: the ranked page of ids, then the page's articles and snippets, facets
/// and suggestions.
enum SearchRunner {
    static func run(_ db: Database, _ plan: SearchPlan) throws -> SearchResult {
        let statement = SearchSQL.hits(plan)
        let rows = try fetch(db, statement, plan)
        var total: Int = rows.first?["total"] ?? 0
        if rows.isEmpty && plan.request.offset > 0 {
            let m = SearchSQL.matching(plan)
            total = try fetch(db, SearchSQL.Statement(sql: "SELECT count(*) AS n FROM (\(m.sql))", arguments: m.arguments), plan).first?["n"] ?? 0
        }
        var hits: [SearchHit] = []
        if !rows.isEmpty {
            let ids: [Int64] = rows.map { $0["id"] }
            let marks = ids.map { _ in "?" }.joined(separator: ", ")
            let articles = try Row.fetchAll(db, sql: """
                SELECT id, source, date, headline, raw_text, (SELECT count(*) FROM near_duplicates WHERE original_id = articles.id) AS copies
                FROM articles WHERE id IN (\(marks))
                """, arguments: StatementArguments(ids))
            let byID = Dictionary(articles.map { ($0["id"] as Int64, $0) }, uniquingKeysWith: { a, _ in a })
            var paragraphs: [Int64: [(start: Int, end: Int)]] = [:]
            for p in try Row.fetchAll(db, sql: """
                SELECT article_id, start_offset, end_offset FROM article_paragraphs WHERE article_id IN (\(marks)) ORDER BY article_id, seq
                """, arguments: StatementArguments(ids)) {
                paragraphs[p["article_id"], default: []].append((p["start_offset"], p["end_offset"]))
            }
            for row in rows {
                guard let a = byID[row["id"]] else { continue }
                let body = Self.body(raw: a["raw_text"], paragraphs: paragraphs[row["id"]] ?? [])
                hits.append(SearchHit(articleID: row["id"], source: a["source"], date: a["date"], headline: a["headline"],
                                      score: row["score"], snippet: SearchSnippets.make(body, plan.highlighter),
                                      alsoIn: plan.request.all ? 0 : a["copies"]))
            }
        }
        var facets: SearchFacets?
        if plan.request.facets { facets = try fetchFacets(db, plan) }
        let suggestions = total == 0 && !plan.request.raw ? try SearchSuggestions.suggest(db, plan) : []
        return SearchResult(request: plan.request, match: plan.match, total: total, hits: hits, facets: facets,
                            suggestions: suggestions, ignoredWords: plan.ignoredWords, alsoMatched: plan.alsoMatched)
    }

    /// What the view `article_bodies` gives (migration 017), cut here: SQLite's `substr` counts
    /// characters from the start of the text for each paragraph, which for the page of hits cost
    /// more than the whole FTS query of a selective search (callgrind). Offsets are in characters
    /// (code points); one walk serves the paragraphs in order.
    static func body(raw: String, paragraphs: [(start: Int, end: Int)]) -> String {
        let bytes = Array(raw.utf8)
        var char = 0, byte = 0
        func seek(_ target: Int) -> Int {
            if target < char { char = 0; byte = 0 }
            while char < target && byte < bytes.count {
                // As SQLite's SQLITE_SKIP_UTF8: a lead byte and its continuation bytes are one character.
                let lead = bytes[byte]
                byte += 1
                if lead >= 0xC0 { while byte < bytes.count && bytes[byte] & 0xC0 == 0x80 { byte += 1 } }
                char += 1
            }
            return byte
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (i, p) in paragraphs.enumerated() {
            if i > 0 { out.append(0x0A); out.append(0x0A) }
            let from = seek(p.start)
            let to = seek(p.end)
            out.append(contentsOf: bytes[from..<to])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func fetchFacets(_ db: Database, _ plan: SearchPlan) throws -> SearchFacets {
        var facets = SearchFacets()
        for row in try fetch(db, SearchSQL.facets(plan), plan) {
            let f = FacetCount(value: row["value"], label: row["label"], count: row["n"])
            switch row["facet"] as String {
            case "country": facets.countries.append(f)
            case "domain": facets.domains.append(f)
            default: facets.years.append(f)
            }
        }
        let byCount: (FacetCount, FacetCount) -> Bool = { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
        facets.countries.sort(by: byCount)
        facets.domains.sort(by: byCount)
        facets.years.sort { $0.value > $1.value }
        return facets
    }

    /// SQLite's complaints about a MATCH expression become a query error the user can act on.
    private static func fetch(_ db: Database, _ s: SearchSQL.Statement, _ plan: SearchPlan) throws -> [Row] {
        do {
            return try Row.fetchAll(db, sql: s.sql, arguments: StatementArguments(s.arguments))
        } catch let e as DatabaseError where plan.match != nil && e.resultCode == .SQLITE_ERROR {
            let message = e.message ?? "\(e)"
            if plan.request.raw {
                throw KBError.invalidRawQuery(message)
            }
            throw KBError.badQuery("kb could not run this query (\(message)); please report it with the query text")
        }
    }
}
