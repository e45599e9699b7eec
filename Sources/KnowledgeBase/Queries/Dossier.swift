import FrenchText
import Foundation
import GRDB

/// One trade figure with its scope and evidence: the dossier lists each one next to the sentence it
/// was read from, and keeps regional and bloc figures out of the country pair's series.
public struct TradeFigure: Sendable, Codable, Equatable {
    public var id: Int64
    public var year: Int?
    public var period: String?
    /// actual, target or other.
    public var kind: String
    public var amount: Double?
    public var currency: String?
    /// bilateral, regional or bloc (nil when no pair is named).
    public var scope: String?
    public var countryA: String?
    public var countryB: String?
    /// The bloc traded with, for scope bloc.
    public var organisation: String?
    public var source: String?
    public var evidence: String?

    enum CodingKeys: String, CodingKey {
        case id, year, period, kind, amount, currency, scope, countryA = "country_a", countryB = "country_b",
             organisation, source, evidence
    }
}

/// A person of the dossier's who's who, with each title and the first and last dates an article stated it.
public struct DossierPerson: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    public var country: String?
    /// Articles about the country that name this person.
    public var articles: Int
    public var roles: [DossierRole]
}

/// A role a person of the dossier holds, as the articles state it.
public struct DossierRole: Sendable, Codable, Equatable {
    public var title: String
    public var firstStated: String?
    public var lastStated: String?
    public var source: String?
    public var evidence: String?
    enum CodingKeys: String, CodingKey { case title, firstStated = "first_stated", lastStated = "last_stated", source, evidence }
}

/// Everything `kb report` shows about Vietnam's relations with one country. The visits, agreements
/// and trade series are the results of the same public calls as `kb visits`, `kb agreements` and
/// `kb trade`, so a chart drawn from a dossier cannot disagree with those listings.
public struct Dossier: Sendable, Codable, Equatable {
    public var country: CountrySummary
    /// The `--since` date the dossier was cut at, if any.
    public var since: String?
    /// `visits(VisitFilter(host: "VN", visitorCountry: country, since:))`.
    public var visitsToVietnam: [Visit]
    /// `visits(VisitFilter(host: country, visitorCountry: "VN", since:))`.
    public var visitsFromVietnam: [Visit]
    /// `agreements(AgreementFilter(party: country))`, signed on or after `since` (undated ones only without `since`).
    public var agreements: [Agreement]
    /// `trade(country:)`: bilateral series only, as `kb trade --country` lists it.
    public var trade: [TradePoint]
    /// Every figure naming the country, bilateral, regional and bloc, each with its evidence.
    public var tradeFigures: [TradeFigure]
    /// People of the country, then Vietnamese people named in articles about it.
    public var people: [DossierPerson]
    /// Domains of the articles about the country and of its agreements, most mentioned first.
    public var domains: [DomainCount]
    /// Articles mentioning the country, newest first.
    public var articles: [ArticleRef]

    enum CodingKeys: String, CodingKey {
        case country, since, visitsToVietnam = "visits_to_vietnam", visitsFromVietnam = "visits_from_vietnam", agreements,
             trade, tradeFigures = "trade_figures", people, domains, articles
    }
}

extension KnowledgeBase {
    /// The dossier of Vietnam's relations with a country (ISO code or any name); `since` (YYYY,
    /// YYYY-MM or YYYY-MM-DD) keeps the facts dated on or after it.
    public func dossier(_ name: String, since: String? = nil) throws -> Dossier {
        if let since, PartialDate(iso: since) == nil {
            throw KBError.invalidArgument("« \(since) » is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
        }
        let iso = try read { db in try Lookup.country(db, name) }
        let vn = Self.vietnam
        guard iso != vn else {
            throw KBError.invalidArgument("a dossier is of Vietnam's relations with another country; `kb country VN` shows Vietnam's own card")
        }
        let card = try country(iso)
        // The comparison `kb visits --since` makes: a date's first characters against the bound.
        let onOrAfter: (String?) -> Bool = { date in
            guard let since else { return true }
            return date.map { String($0.prefix(since.count)) >= since } ?? false
        }
        let visitsToVietnam = try visits(VisitFilter(host: vn, visitorCountry: iso, since: since))
        let visitsFromVietnam = try visits(VisitFilter(host: iso, visitorCountry: vn, since: since))
        let agreements = try self.agreements(AgreementFilter(party: iso)).filter { onOrAfter($0.signed) }
        let sinceYear = since.flatMap { Int($0.prefix(4)) }
        let inYears: (Int?) -> Bool = { year in
            guard let sinceYear else { return true }
            return year.map { $0 >= sinceYear } ?? false
        }
        let trade = try self.trade(country: iso).filter { inYears($0.year) }
        return try read { db in
            let figures = try Row.fetchAll(db, sql: """
                SELECT * FROM trade_facts WHERE ? IN (country_a, country_b)
                ORDER BY year IS NULL, year, period, scope, kind, trade_figure_id
                """, arguments: [iso]).map {
                TradeFigure(id: $0["trade_figure_id"], year: $0["year"], period: $0["period"], kind: $0["kind"], amount: $0["amount"],
                            currency: $0["currency"], scope: $0["scope"], countryA: $0["country_a"], countryB: $0["country_b"],
                            organisation: $0["organisation"], source: $0["article_source"], evidence: $0["evidence"])
            }.filter { inYears($0.year) }
            let aboutCountry = "SELECT article_id FROM article_countries WHERE iso2 = ? AND \(QueryRows.notACopy("article_id"))"
            let people = try QueryRows.dossierPeople(db, where: "p.country = ?", [iso], aboutCountry: aboutCountry, iso)
                + QueryRows.dossierPeople(db, where: "p.country = ?", [vn], aboutCountry: aboutCountry, iso, mentionedOnly: true)
            // An article a fact cites is listed even when the country was not counted among its mentions.
            let cited = Set((visitsToVietnam + visitsFromVietnam).compactMap(\.source) + agreements.compactMap(\.source)
                            + figures.compactMap(\.source) + trade.flatMap(\.sources)
                            + people.flatMap { $0.roles.compactMap(\.source) })
            let referenced = String(decoding: try JSONEncoder().encode(cited.sorted()), as: UTF8.self)
            return Dossier(
                country: card.summary, since: since,
                visitsToVietnam: visitsToVietnam, visitsFromVietnam: visitsFromVietnam,
                agreements: agreements, trade: trade, tradeFigures: figures, people: people,
                domains: try QueryRows.domains(db, byYear: false, articleFilter: "ar.id IN (\(aboutCountry))", [iso],
                                               agreementFilter: "ag.id IN (SELECT agreement_id FROM agreement_parties WHERE party = ?)", [iso]),
                articles: newestFirst(try QueryRows.articles(db, where: "id IN (\(aboutCountry)) OR source IN (SELECT value FROM json_each(?))",
                                                             [iso, referenced])))
        }
    }
}

/// Newest first, undated last (the listing query gives oldest first, undated last).
private func newestFirst(_ articles: [ArticleRef]) -> [ArticleRef] {
    articles.filter { $0.date != nil }.reversed() + articles.filter { $0.date == nil }
}

extension QueryRows {
    /// People matching `clause`, with their titles; `mentionedOnly` keeps those named in an article about the country.
    static func dossierPeople(_ db: Database, where clause: String, _ args: [any DatabaseValueConvertible], aboutCountry: String,
                              _ iso: String, mentionedOnly: Bool = false) throws -> [DossierPerson] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.id, p.name, p.country,
                   (SELECT count(*) FROM person_mentions WHERE person_id = p.id AND article_id IN (\(aboutCountry))) AS articles
            FROM people p WHERE \(clause) \(mentionedOnly ? "AND articles > 0" : "")
            ORDER BY articles DESC, p.name, p.id
            """, arguments: StatementArguments([iso as any DatabaseValueConvertible] + args))
        return try rows.map { row in
            let id: Int64 = row["id"]
            // One line per title: its first statement gives the evidence, the last one the latest date.
            var roles: [DossierRole] = [], index: [Int64: Int] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT role_id, title, stated_on, article_source, evidence FROM people_roles
                WHERE person_id = ? ORDER BY stated_on IS NULL, stated_on, article_source
                """, arguments: [id]) {
                let roleID: Int64 = r["role_id"], stated: String? = r["stated_on"]
                if let i = index[roleID] {
                    if stated != nil { roles[i].lastStated = stated }
                } else {
                    index[roleID] = roles.count
                    roles.append(DossierRole(title: r["title"], firstStated: stated, lastStated: stated,
                                             source: r["article_source"], evidence: r["evidence"]))
                }
            }
            roles.sort { ($0.lastStated ?? "") > ($1.lastStated ?? "") }
            return DossierPerson(id: id, name: row["name"], country: row["country"], articles: row["articles"], roles: roles)
        }
    }
}
