import GRDB
import FrenchText

/// One search hit.
public struct SearchHit: Sendable, Codable, Equatable {
    public var articleID: Int64
    public var source: String
    public var date: String?
    public var headline: String
    public var score: Double
}

extension KnowledgeBase {
    /// Full-text search (placeholder: all analysed terms must match, bm25 ranking).
    public func search(_ query: String, limit: Int = 20) throws -> [SearchHit] {
        let terms = FrenchAnalyzer.terms(query)
        guard !terms.isEmpty else { return [] }
        let match = terms.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: " ")
        return try wrap {
            try dbQueue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT a.id, a.source, a.date, a.headline, bm25(articles_fts, 5.0, 1.0) AS score
                    FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                    WHERE articles_fts MATCH ? ORDER BY score LIMIT ?
                    """, arguments: [match, limit]).map {
                    SearchHit(articleID: $0["id"], source: $0["source"], date: $0["date"], headline: $0["headline"], score: $0["score"])
                }
            }
        }
    }
}
