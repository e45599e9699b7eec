import GRDB
import FrenchText

/// A country and how much the knowledge base says about it.
public struct CountrySummary: Sendable, Codable, Equatable {
    public var iso2: String
    public var name: String
    /// Articles mentioning it.
    public var articles: Int
    /// Visits it received.
    public var visitsHosted: Int
    /// Visits its people made abroad.
    public var visitsMade: Int
    /// Agreements it is a party to.
    public var agreements: Int
    /// Trade figures where it is one of the trading pair.
    public var tradeFigures: Int

    enum CodingKeys: String, CodingKey {
        case iso2, name, articles, visitsHosted = "visits_hosted", visitsMade = "visits_made", agreements, tradeFigures = "trade_figures"
    }
}

extension KnowledgeBase {
    /// Countries the knowledge base has facts about (every known country with `all`), most mentioned first.
    public func countries(all: Bool = false) throws -> [CountrySummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM (
                    SELECT c.iso2, c.name,
                           (SELECT count(*) FROM article_countries WHERE iso2 = c.iso2 AND \(QueryRows.notACopy("article_id"))) AS articles,
                           (SELECT count(*) FROM visits WHERE host_country = c.iso2) AS visits_hosted,
                           (SELECT count(*) FROM visits WHERE visitor_country = c.iso2) AS visits_made,
                           (SELECT count(*) FROM agreement_parties WHERE country = c.iso2) AS agreements,
                           (SELECT count(*) FROM trade_figures WHERE c.iso2 IN (country_a, country_b)) AS trade_figures
                    FROM countries c)
                WHERE ? OR articles + visits_hosted + visits_made + agreements + trade_figures > 0
                ORDER BY articles DESC, name
                """, arguments: [all]).map {
                CountrySummary(iso2: $0["iso2"], name: $0["name"], articles: $0["articles"], visitsHosted: $0["visits_hosted"],
                               visitsMade: $0["visits_made"], agreements: $0["agreements"], tradeFigures: $0["trade_figures"])
            }
            // Names as people read them, accents folded (« Émirats » among the E, not after « Z »).
            .map { (Folding.fold($0.name), $0) }
            .sorted { ($1.1.articles, $0.0, $0.1.iso2) < ($0.1.articles, $1.0, $1.1.iso2) }.map(\.1)
        }
    }
}
