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
            let articles = try Row.fetchAll(db, sql: """
                SELECT id, source, date, headline, \(ArticleStore.bodySQL("articles.id")) AS body, (SELECT count(*) FROM near_duplicates WHERE original_id = articles.id) AS copies
                FROM articles WHERE id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))
                """, arguments: StatementArguments(ids))
            let byID = Dictionary(articles.map { ($0["id"] as Int64, $0) }, uniquingKeysWith: { a, _ in a })
            for row in rows {
                guard let a = byID[row["id"]] else { continue }
                hits.append(SearchHit(articleID: row["id"], source: a["source"], date: a["date"], headline: a["headline"],
                                      score: row["score"], snippet: SearchSnippets.make(a["body"], plan.highlighter),
                                      alsoIn: plan.request.all ? 0 : a["copies"]))
            }
        }
        var facets: SearchFacets?
        if plan.request.facets { facets = try fetchFacets(db, plan) }
        let suggestions = total == 0 && !plan.request.raw ? try SearchSuggestions.suggest(db, plan) : []
        return SearchResult(request: plan.request, match: plan.match, total: total, hits: hits, facets: facets,
                            suggestions: suggestions, ignoredWords: plan.ignoredWords, alsoMatched: plan.alsoMatched)
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
