import GRDB

/// Trade between two countries for one year (or period) and currency: what was achieved and what was aimed at.
public struct TradePoint: Sendable, Codable, Equatable {
    public var countryA: String?
    public var countryB: String?
    public var year: Int?
    public var period: String?
    public var currency: String?
    /// Largest actual amount stated for this point (nil when none, or only vague).
    public var actual: Double?
    /// Largest target amount stated.
    public var target: Double?
    /// Number of figures behind this point.
    public var figures: Int
    /// File names of the articles stating them.
    public var sources: [String]

    enum CodingKeys: String, CodingKey {
        case countryA = "country_a", countryB = "country_b", year, period, currency, actual, target, figures, sources
    }
}

extension KnowledgeBase {
    /// Trade figures as a time series, oldest first, actual next to target; `country` keeps one
    /// country's trade (ISO code or name).
    public func trade(country: String? = nil) throws -> [TradePoint] {
        try read { db in
            let iso = try country.map { try Lookup.country(db, $0) }
            return try QueryRows.trade(db, country: iso)
        }
    }
}

extension QueryRows {
    static func trade(_ db: Database, country iso: String?) throws -> [TradePoint] {
        try Row.fetchAll(db, sql: """
            SELECT country_a, country_b, year, period, currency,
                   max(CASE kind WHEN 'actual' THEN amount END) AS actual,
                   max(CASE kind WHEN 'target' THEN amount END) AS target,
                   count(*) AS figures,
                   group_concat(DISTINCT article_source) AS sources
            FROM trade_facts
            WHERE ? IS NULL OR (? IN (country_a, country_b) AND coalesce(scope, 'bilateral') = 'bilateral')
            GROUP BY country_a, country_b, year, period, currency
            ORDER BY year IS NULL, year, period, country_a, country_b, currency
            """, arguments: [iso, iso]).map {
            TradePoint(countryA: $0["country_a"], countryB: $0["country_b"], year: $0["year"], period: $0["period"],
                       currency: $0["currency"], actual: $0["actual"], target: $0["target"], figures: $0["figures"],
                       sources: Agreement.list(($0["sources"] as String?)?.replacingOccurrences(of: ",", with: ", ")))
        }
    }
}
