import GRDB

/// The SQL of a search. The ranked query reads the FTS index alone (rowid and bm25); article
/// columns are fetched for the page of hits only, so a common word does not read 100,000 rows.
enum SearchSQL {
    struct Statement {
        var sql: String
        var arguments: [DatabaseValue]

        /// With the arguments written in as SQL literals, for `--sql`.
        var inlined: String {
            var out = ""
            var args = arguments[...]
            for ch in sql {
                if ch == "?", let a = args.first { out += literal(a); args = args.dropFirst() } else { out.append(ch) }
            }
            return out
        }

        private func literal(_ v: DatabaseValue) -> String {
            switch v.storage {
            case .null: return "NULL"
            case .int64(let i): return String(i)
            case .double(let d): return String(d)
            case .string(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
            case .blob: return "NULL"
            }
        }
    }

    /// Ids of the matching articles, without order or limit.
    static func matching(_ plan: SearchPlan) -> Statement {
        let filters = filterParts(plan)
        if let match = plan.match {
            return Statement(sql: "SELECT rowid AS id FROM articles_fts\nWHERE articles_fts MATCH ?" + filters.map { "\n  AND " + $0.on("rowid") }.joined(),
                             arguments: [match.databaseValue] + filters.flatMap(\.arguments))
        }
        return Statement(sql: "SELECT id FROM articles\nWHERE " + filters.map { $0.on("id") }.joined(separator: "\n  AND "),
                         arguments: filters.flatMap(\.arguments))
    }

    /// The request's filters, and unless `all` is asked, one hit per group of near-duplicates: a copy
    /// is left out when the group's original is a hit too.
    static func filterParts(_ plan: SearchPlan) -> [SQLPart] {
        guard !plan.request.all else { return plan.filters }
        let originalMatches = plan.filters.map { " AND " + $0.on("nd.original_id") }.joined()
        let arguments = plan.filters.flatMap(\.arguments)
        if let match = plan.match {
            return plan.filters + [SQLPart(sql: """
                {id} NOT IN (SELECT nd.article_id FROM near_duplicates nd
                  WHERE nd.original_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)\(originalMatches))
                """, arguments: [match.databaseValue] + arguments)]
        }
        return plan.filters + [SQLPart(sql: "{id} NOT IN (SELECT nd.article_id FROM near_duplicates nd WHERE 1\(originalMatches))",
                                       arguments: arguments)]
    }

    /// bm25 with the index's default weights (migration 003: a headline match weighs five body
    /// matches), written out: SQLite 3.40's FTS5 fails once with « SQL logic error » when a
    /// connection that searched before reads `rank` outside `ORDER BY rank` after another connection
    /// changed the index's settings (ingest sets `automerge` at its start and end).
    static let score = "bm25(articles_fts, 5.0, 1.0)"

    /// Every hit's id and rank (bm25), in no order: the runner keeps the page and counts the rest.
    /// `hits` gives the same page and total (and is what `--sql` prints), but SQLite's
    /// `count(*) OVER ()` and its sort cost a broad query nearly as much as ranking it (callgrind).
    static func ranked(_ plan: SearchPlan) -> Statement? {
        guard let match = plan.match else { return nil }
        let parts = filterParts(plan)
        return Statement(sql: "SELECT rowid AS id, \(score) AS score\nFROM articles_fts\nWHERE articles_fts MATCH ?" + parts.map { "\n  AND " + $0.on("rowid") }.joined(),
                         arguments: [match.databaseValue] + parts.flatMap(\.arguments))
    }

    /// One page of hits, best first, with the total number of hits.
    static func hits(_ plan: SearchPlan) -> Statement {
        let page = [plan.request.limit.databaseValue, plan.request.offset.databaseValue]
        let parts = filterParts(plan)
        if let match = plan.match {
            let filters = parts.map { "\n  AND " + $0.on("rowid") }.joined()
            return Statement(sql: """
                SELECT rowid AS id, \(score) AS score, count(*) OVER () AS total
                FROM articles_fts
                WHERE articles_fts MATCH ?\(filters)
                ORDER BY score, rowid
                LIMIT ? OFFSET ?
                """, arguments: [match.databaseValue] + parts.flatMap(\.arguments) + page)
        }
        return Statement(sql: """
            SELECT id, 0.0 AS score, count(*) OVER () AS total
            FROM articles
            WHERE \(parts.map { $0.on("id") }.joined(separator: "\n  AND "))
            ORDER BY date DESC, id DESC
            LIMIT ? OFFSET ?
            """, arguments: parts.flatMap(\.arguments) + page)
    }

    /// Hits per country, domain and year, over all the hits.
    static func facets(_ plan: SearchPlan) -> Statement {
        let m = matching(plan)
        return Statement(sql: """
            WITH hits(id) AS (\(m.sql))
            SELECT 'country' AS facet, ac.iso2 AS value, c.name AS label, count(*) AS n
              FROM hits JOIN article_countries ac ON ac.article_id = hits.id JOIN countries c ON c.iso2 = ac.iso2 GROUP BY ac.iso2
            UNION ALL
            SELECT 'domain', ad.slug, d.label_fr, count(*)
              FROM hits JOIN article_domains ad ON ad.article_id = hits.id JOIN domains d ON d.slug = ad.slug GROUP BY ad.slug
            UNION ALL
            SELECT 'year', substr(a.date, 1, 4), substr(a.date, 1, 4), count(*)
              FROM hits JOIN articles a ON a.id = hits.id WHERE a.date IS NOT NULL GROUP BY substr(a.date, 1, 4)
            """, arguments: m.arguments)
    }
}
