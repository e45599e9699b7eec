import GRDB

/// How often a cooperation domain comes up, overall or in one year.
public struct DomainCount: Sendable, Codable, Equatable {
    /// The year (of the article, or of the agreement's signature); nil in overall counts and for undated facts.
    public var year: String?
    public var slug: String
    public var label: String
    public var labelEN: String
    /// Articles mentioning the domain.
    public var articles: Int
    /// Agreements covering the domain.
    public var agreements: Int

    enum CodingKeys: String, CodingKey { case year, slug, label, labelEN = "label_en", articles, agreements }
}

extension KnowledgeBase {
    /// Domains mentioned by articles or covered by agreements, most mentioned first; per year with `byYear`.
    public func domains(byYear: Bool = false) throws -> [DomainCount] {
        try read { db in try QueryRows.domains(db, byYear: byYear) }
    }
}

extension QueryRows {
    /// A story told by several outlets (near-duplicates, `near_duplicates`) counts once: by its earliest copy.
    static func notACopy(_ articleID: String) -> String {
        "\(articleID) NOT IN (SELECT article_id FROM near_duplicates)"
    }

    /// `articleFilter` restricts the articles counted (e.g. to those mentioning a country), and
    /// `agreementFilter` the agreements (e.g. to those the country is a party to): a country's
    /// domains must not count every agreement of the database.
    static func domains(_ db: Database, byYear: Bool, articleFilter: String = "1", _ args: [any DatabaseValueConvertible] = [],
                        agreementFilter: String = "1", _ agreementArgs: [any DatabaseValueConvertible] = [],
                        limit: Int = -1) throws -> [DomainCount] {
        let articleYear = byYear ? "substr(ar.date, 1, 4)" : "NULL"
        let signedYear = byYear ? "substr(ag.signed, 1, 4)" : "NULL"
        return try Row.fetchAll(db, sql: """
            WITH a AS (SELECT \(articleYear) AS year, ad.slug, count(*) AS n FROM article_domains ad
                       JOIN articles ar ON ar.id = ad.article_id
                       WHERE (\(articleFilter)) AND \(QueryRows.notACopy("ar.id")) GROUP BY 1, 2),
                 g AS (SELECT \(signedYear) AS year, d.slug, count(*) AS n FROM agreement_domains d
                       JOIN agreements ag ON ag.id = d.agreement_id WHERE \(agreementFilter) GROUP BY 1, 2),
                 k AS (SELECT year, slug FROM a UNION SELECT year, slug FROM g)
            SELECT k.year, k.slug, dm.label_fr, dm.label_en, coalesce(a.n, 0) AS articles, coalesce(g.n, 0) AS agreements
            FROM k JOIN domains dm ON dm.slug = k.slug
            LEFT JOIN a ON a.year IS k.year AND a.slug = k.slug
            LEFT JOIN g ON g.year IS k.year AND g.slug = k.slug
            WHERE \(articleFilter == "1" && agreementFilter == "1" ? "1" : "a.n > 0 OR g.n > 0")
            ORDER BY k.year IS NULL, k.year, articles DESC, agreements DESC, k.slug
            LIMIT ?
            """, arguments: StatementArguments(args + agreementArgs + [limit])).map {
            DomainCount(year: $0["year"], slug: $0["slug"], label: $0["label_fr"], labelEN: $0["label_en"],
                        articles: $0["articles"], agreements: $0["agreements"])
        }
    }
}
