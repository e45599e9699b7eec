import Extraction
import GRDB
import FrenchText

/// An article, as cards list it.
public struct ArticleRef: Sendable, Codable, Equatable {
    public var id: Int64
    public var source: String
    public var date: String?
    public var headline: String
}

/// A title as one article stated it, on the article's date.
public struct RoleStatement: Sendable, Codable, Equatable {
    public var title: String
    public var organisation: String?
    public var country: String?
    public var statedOn: String?
    public var source: String
    public var evidence: String?
    enum CodingKeys: String, CodingKey { case title, organisation, country, statedOn = "stated_on", source, evidence }
}

/// Everything known about one person (`kb person`).
public struct PersonCard: Sendable, Codable, Equatable {
    public var person: Person
    public var countryName: String?
    public var roleStatements: [RoleStatement]
    public var visits: [Visit]
    /// Agreements told by the articles naming this person.
    public var agreements: [Agreement]
    public var articleList: [ArticleRef]
    enum CodingKeys: String, CodingKey {
        case person, countryName = "country_name", roleStatements = "role_statements", visits, agreements, articleList = "articles"
    }
}

/// A country's relations with Vietnam (`kb country`).
public struct CountryCard: Sendable, Codable, Equatable {
    public var summary: CountrySummary
    /// Names, aliases, demonyms and capitals kb recognises for it.
    public var names: [String]
    /// Visits from this country to Vietnam (for Vietnam itself: every visit it received).
    public var visitsToVietnam: [Visit]
    /// Visits from Vietnam to this country (for Vietnam itself: every visit its people made).
    public var visitsFromVietnam: [Visit]
    public var agreements: [Agreement]
    public var trade: [TradePoint]
    /// The domains most mentioned by articles mentioning this country.
    public var topDomains: [DomainCount]
    enum CodingKeys: String, CodingKey {
        case summary = "country", names, visitsToVietnam = "visits_to_vietnam", visitsFromVietnam = "visits_from_vietnam",
             agreements, trade, topDomains = "top_domains"
    }
}

extension KnowledgeBase {
    /// The ISO code of the country Vietnam's relations are told from (`Reference.homeCountry`).
    public static var vietnam: String { Reference.homeCountry }

    /// The card of a person given by id (`#12`), name or alias, matched without accents or case.
    /// Throws `LookupError` when no one or several people match.
    public func person(_ name: String) throws -> PersonCard {
        try read { db in
            let id = try Lookup.person(db, name)
            let row = try Row.fetchOne(db, sql: """
                SELECT p.id, p.name, p.country, c.name AS country_name, (SELECT count(*) FROM person_mentions WHERE person_id = p.id) AS articles
                FROM people p LEFT JOIN countries c ON c.iso2 = p.country WHERE p.id = ?
                """, arguments: [id])!
            let roles = try Row.fetchAll(db, sql: """
                SELECT * FROM people_roles WHERE person_id = ? ORDER BY stated_on IS NULL, stated_on, title
                """, arguments: [id]).map {
                RoleStatement(title: $0["title"], organisation: $0["organisation"], country: $0["role_country"],
                              statedOn: $0["stated_on"], source: $0["article_source"], evidence: $0["evidence"])
            }
            let articles = "SELECT article_id FROM person_mentions WHERE person_id = \(id)"
            return PersonCard(
                person: try QueryRows.person(db, row), countryName: row["country_name"], roleStatements: roles,
                visits: try QueryRows.visits(db, where: ["person_id = ?"], [id]),
                agreements: try QueryRows.agreements(db, where: ["""
                    agreement_id IN (SELECT ae.agreement_id FROM agreement_evidence ae JOIN evidence e ON e.id = ae.evidence_id
                    WHERE e.article_id IN (\(articles)))
                    """], []),
                articleList: try QueryRows.articles(db, where: "id IN (\(articles))"))
        }
    }

    /// The card of a country given by ISO code or any name (« Biélorussie », « Belarus », « BY »).
    /// Throws `LookupError` when no country or several match.
    public func country(_ name: String) throws -> CountryCard {
        try read { db in
            let iso = try Lookup.country(db, name)
            let vn = Self.vietnam
            let summary = try Row.fetchOne(db, sql: "SELECT iso2, name FROM countries WHERE iso2 = ?", arguments: [iso])!
            // Names first, then aliases, demonyms and capitals; each group as people read it (accents folded).
            let named = try Row.fetchAll(db, sql: "SELECT name, min(kind <> 'name') AS other FROM country_names WHERE iso2 = ? GROUP BY name", arguments: [iso])
            let names = named.map { (($0["other"] as Int), Folding.fold($0["name"] as String), $0["name"] as String) }
                .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.2)
            let toVN = iso == vn ? ["host_country = ?"] : ["visitor_country = ?", "host_country = '\(vn)'"]
            let fromVN = iso == vn ? ["visitor_country = ?"] : ["host_country = ?", "visitor_country = '\(vn)'"]
            let counts = try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM article_countries WHERE iso2 = :c) AS articles,
                       (SELECT count(*) FROM visits WHERE host_country = :c) AS hosted,
                       (SELECT count(*) FROM visits WHERE visitor_country = :c) AS made,
                       (SELECT count(*) FROM agreement_parties WHERE country = :c) AS agreements,
                       (SELECT count(*) FROM trade_figures WHERE :c IN (country_a, country_b)) AS figures
                """, arguments: ["c": iso])!
            return CountryCard(
                summary: CountrySummary(iso2: iso, name: summary["name"], articles: counts["articles"], visitsHosted: counts["hosted"],
                                        visitsMade: counts["made"], agreements: counts["agreements"], tradeFigures: counts["figures"]),
                names: names,
                visitsToVietnam: try QueryRows.visits(db, where: toVN, [iso]),
                visitsFromVietnam: try QueryRows.visits(db, where: fromVN, [iso]),
                agreements: try QueryRows.agreements(db, where: ["agreement_id IN (SELECT agreement_id FROM agreement_parties WHERE party = ?)"], [iso]),
                trade: try QueryRows.trade(db, country: iso),
                topDomains: try QueryRows.domains(db, byYear: false, articleFilter: "ar.id IN (SELECT article_id FROM article_countries WHERE iso2 = ?)", [iso],
                                                  agreementFilter: "ag.id IN (SELECT agreement_id FROM agreement_parties WHERE party = ?)", [iso],
                                                  limit: 5))
        }
    }
}

extension QueryRows {
    static func articles(_ db: Database, where clause: String, _ args: StatementArguments = []) throws -> [ArticleRef] {
        try Row.fetchAll(db, sql: """
            SELECT id, source, date, headline FROM articles WHERE \(clause) ORDER BY date IS NULL, date, source
            """, arguments: args).map { ArticleRef(id: $0["id"], source: $0["source"], date: $0["date"], headline: $0["headline"]) }
    }
}
