import GRDB
import FrenchText
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Runs a planned search: the ranked page of ids, then the page's articles and snippets, facets
/// and suggestions.
enum SearchRunner {
    static func run(_ db: Database, _ plan: SearchPlan) throws -> SearchResult {
        var total: Int
        let rows: [Ranked]
        // A page of no hits (limit 0) keeps `hits`, which then reads no match at all (and counts none).
        if let ranked = SearchSQL.ranked(plan), plan.request.limit > 0 {
            let all = try fetchRanked(db, ranked, plan)
            rows = page(all, offset: plan.request.offset, limit: plan.request.limit)
            total = all.count
        } else {
            let found = try fetch(db, SearchSQL.hits(plan), plan)
            total = found.first?["total"] ?? 0
            if found.isEmpty && plan.request.offset > 0 {
                let m = SearchSQL.matching(plan)
                total = try fetch(db, SearchSQL.Statement(sql: "SELECT count(*) AS n FROM (\(m.sql))", arguments: m.arguments), plan).first?["n"] ?? 0
            }
            rows = found.map { Ranked(id: $0["id"], score: $0["score"]) }
        }
        var hits: [SearchHit] = []
        if !rows.isEmpty {
            let ids: [Int64] = rows.map(\.id)
            let marks = ids.map { _ in "?" }.joined(separator: ", ")
            let articles = try Row.fetchAll(db, sql: """
                SELECT id, source, date, headline, raw_text, (SELECT count(*) FROM near_duplicates WHERE original_id = articles.id) AS copies
                FROM articles WHERE id IN (\(marks))
                """, arguments: StatementArguments(ids))
            // Keyed by Int, not Int64: each new key type costs a scan of every protocol conformance
            // in the process (~0.4 M instructions), and Int's is already done at open.
            let byID = Dictionary(articles.map { (Int(truncatingIfNeeded: $0["id"] as Int64), $0) }, uniquingKeysWith: { a, _ in a })
            var paragraphs: [Int: [(start: Int, end: Int)]] = [:]
            for p in try Row.fetchAll(db, sql: """
                SELECT article_id, start_offset, end_offset FROM article_paragraphs WHERE article_id IN (\(marks)) ORDER BY article_id, seq
                """, arguments: StatementArguments(ids)) {
                paragraphs[Int(truncatingIfNeeded: p["article_id"] as Int64), default: []].append((p["start_offset"], p["end_offset"]))
            }
            for row in rows {
                let id = Int(truncatingIfNeeded: row.id)
                guard let a = byID[id] else { continue }
                let body = Self.body(raw: a["raw_text"], paragraphs: paragraphs[id] ?? [])
                hits.append(SearchHit(articleID: row.id, source: a["source"], date: a["date"], headline: a["headline"],
                                      score: row.score, snippet: SearchSnippets.make(body, plan.highlighter),
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
            bytes.withUnsafeBytes { p in
                while char < target && byte < p.count {
                    // Eight ASCII bytes are eight characters: most of a French text is crossed eight at a time.
                    if target - char >= 8, byte + 8 <= p.count,
                       p.loadUnaligned(fromByteOffset: byte, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        byte += 8; char += 8
                        continue
                    }
                    // As SQLite's SQLITE_SKIP_UTF8: a lead byte and its continuation bytes are one character.
                    let lead = p[byte]
                    byte += 1
                    if lead >= 0xC0 { while byte < p.count && p[byte] & 0xC0 == 0x80 { byte += 1 } }
                    char += 1
                }
            }
            return byte
        }
        // Cuts fall between characters of a valid string: its slices are appended without decoding.
        let utf8 = raw.utf8
        var out = ""
        out.reserveCapacity(bytes.count)
        for (i, p) in paragraphs.enumerated() {
            if i > 0 { out += "\n\n" }
            let from = seek(p.start)
            let to = seek(p.end)
            out += Substring(utf8[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)])
        }
        return out
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

    /// A hit before its article is read.
    struct Ranked: Equatable {
        var id: Int64
        var score: Double

        /// `ORDER BY score, rowid`.
        static func before(_ a: Ranked, _ b: Ranked) -> Bool { a.score != b.score ? a.score < b.score : a.id < b.id }
    }

    /// The `limit` best hits after the `offset` best, as `ORDER BY score, rowid LIMIT ? OFFSET ?`:
    /// a short page of many hits keeps only the best so far instead of sorting them all.
    static func page(_ all: [Ranked], offset: Int, limit: Int) -> [Ranked] {
        guard offset < all.count, limit > 0 else { return [] }
        let keep = limit >= all.count - offset ? all.count : offset + limit
        var best: [Ranked]
        if keep * 8 >= all.count {
            best = all.sorted(by: Ranked.before)
        } else {
            best = []
            best.reserveCapacity(keep + 1)
            for r in all {
                if best.count == keep {
                    guard Ranked.before(r, best[keep - 1]) else { continue }
                    best.removeLast()
                }
                var lo = 0, hi = best.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if Ranked.before(best[mid], r) { lo = mid + 1 } else { hi = mid }
                }
                best.insert(r, at: lo)
            }
        }
        return Array(best[offset..<keep])
    }

    /// Steps the ranked statement with SQLite's C calls: a broad query has a row per article, and
    /// GRDB's rows cost more than reading two columns.
    private static func fetchRanked(_ db: Database, _ s: SearchSQL.Statement, _ plan: SearchPlan) throws -> [Ranked] {
        try reportingQueryErrors(plan) {
            let statement = try db.makeStatement(sql: s.sql)
            try statement.setArguments(StatementArguments(s.arguments))
            // The statement is finalised when GRDB's object goes: it must outlive the C calls.
            return try withExtendedLifetime(statement) {
                let raw = statement.sqliteStatement
                var out: [Ranked] = []
                while true {
                    let code = sqlite3_step(raw)
                    if code == SQLITE_DONE { break }
                    guard code == SQLITE_ROW else {
                        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: s.sql)
                    }
                    // SQLite sorts NULL first; bm25 never gives one.
                    let score = sqlite3_column_type(raw, 1) == SQLITE_NULL ? -Double.infinity : sqlite3_column_double(raw, 1)
                    out.append(Ranked(id: sqlite3_column_int64(raw, 0), score: score))
                }
                return out
            }
        }
    }

    private static func fetch(_ db: Database, _ s: SearchSQL.Statement, _ plan: SearchPlan) throws -> [Row] {
        try reportingQueryErrors(plan) { try Row.fetchAll(db, sql: s.sql, arguments: StatementArguments(s.arguments)) }
    }

    /// SQLite's complaints about a MATCH expression become a query error the user can act on.
    private static func reportingQueryErrors<T>(_ plan: SearchPlan, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as DatabaseError where plan.match != nil && e.resultCode == .SQLITE_ERROR {
            let message = e.message ?? "\(e)"
            if plan.request.raw {
                throw KBError.invalidRawQuery(message)
            }
            throw KBError.badQuery("kb could not run this query (\(message)); please report it with the query text")
        }
    }
}
