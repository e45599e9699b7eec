import GRDB
import FrenchText

/// « Did you mean »: for a query word that no article contains, the closest indexed term by edit
/// distance (fts5vocab `search_vocabulary`), shown as articles write it (« cybersécurité »).
enum SearchSuggestions {
    static func suggest(_ db: Database, _ plan: SearchPlan) throws -> [SearchSuggestion] {
        var out: [SearchSuggestion] = []
        var query = plan.request.query
        for (item, expansions) in plan.words where item.kind == .words && item.terms.count == 1 {
            let placeholders = expansions.map { _ in "?" }.joined(separator: ", ")
            let present = try Int.fetchOne(db, sql: "SELECT count(*) FROM search_vocabulary WHERE term IN (\(placeholders))",
                                           arguments: StatementArguments(expansions)) ?? 0
            guard present == 0, let term = try closest(db, to: item.terms[0]) else { continue }
            let written = try spelling(db, of: term) ?? term
            if let r = query.range(of: item.text) { query.replaceSubrange(r, with: written) }
            out.append(SearchSuggestion(typed: item.text, suggestion: written, query: query))
        }
        // Each suggestion's query carries the corrections made before it; the last one has them all.
        if let full = out.last?.query { for i in out.indices { out[i].query = full } }
        return out
    }

    /// The indexed term nearest to `term` (same first letter, at most 1 edit for short words, 2 otherwise),
    /// the most frequent among equals.
    static func closest(_ db: Database, to term: String) throws -> String? {
        guard let first = term.unicodeScalars.first, let next = Unicode.Scalar(first.value + 1) else { return nil }
        let target = Array(term.utf8)
        let maxDistance = target.count <= 4 ? 1 : 2
        var best: (term: String, distance: Int, docs: Int)?
        let rows = try Row.fetchCursor(db, sql: """
            SELECT term, doc FROM search_vocabulary WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?
            """, arguments: [String(first), String(next), term.count - maxDistance, term.count + maxDistance])
        while let row = try rows.next() {
            let candidate: String = row["term"]
            let docs: Int = row["doc"]
            guard let d = distance(target, Array(candidate.utf8), limit: maxDistance), d > 0 else { continue }
            if best == nil || d < best!.distance || (d == best!.distance && docs > best!.docs) {
                best = (candidate, d, docs)
            }
        }
        return best?.term
    }

    /// The term as an article writes it, preferring a lower-case occurrence (« cybersécurité », not « Cybersécurité »).
    static func spelling(_ db: Database, of term: String) throws -> String? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT a.headline, \(ArticleStore.bodySQL("a.id")) AS body FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH ? LIMIT 1
            """, arguments: [QueryCompiler.quote(term)]) else { return nil }
        var fallback: String?
        for text in [row["headline"] as String, row["body"] as String] {
            let (normalized, words) = FrenchAnalyzer.termsWithRanges(text)
            let bytes = Array(normalized.utf8)
            for w in words where w.term == term {
                let written = String(decoding: bytes[w.range], as: UTF8.self)
                if written.first?.isLowercase == true { return written }
                if fallback == nil { fallback = written }
            }
        }
        return fallback
    }

    /// Levenshtein distance on bytes, nil as soon as it must exceed `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
