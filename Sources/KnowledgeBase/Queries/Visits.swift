import FrenchText
import GRDB

/// A visit of a person or delegation of one country to another.
public struct Visit: Sendable, Codable, Equatable {
    public var id: Int64
    public var visitor: String?
    public var personID: Int64?
    public var visitorCountry: String?
    public var hostCountry: String
    public var hostCountryName: String?
    public var city: String?
    /// YYYY, YYYY-MM or YYYY-MM-DD, as stated.
    public var start: String?
    /// The first day of `start` as a full ISO date, and how much of it was stated (`DateColumns`).
    public var startISO: String?
    public var startPrecision: String?
    /// Last day (or month, year), when stated; with its full ISO date and precision.
    public var end: String?
    public var endISO: String?
    public var endPrecision: String?
    /// state, official, working, other, or nil when the text does not say.
    public var kind: String?
    /// Number of articles telling this visit.
    public var articles: Int
    /// File name of the article the evidence comes from.
    public var source: String?
    /// The sentence the visit was read from.
    public var evidence: String?

    enum CodingKeys: String, CodingKey {
        case id, visitor, personID = "person_id", visitorCountry = "visitor_country", hostCountry = "host_country",
             hostCountryName = "host_country_name", city, start, startISO = "start_iso", startPrecision = "start_precision",
             end, endISO = "end_iso", endPrecision = "end_precision", kind, articles, source, evidence
    }

    init(_ row: Row) {
        id = row["visit_id"]; visitor = row["visitor"]; personID = row["person_id"]; visitorCountry = row["visitor_country"]
        hostCountry = row["host_country"]; hostCountryName = row["host_country_name"]; city = row["city"]
        start = row["start_date"]; end = row["end_date"]; kind = row["kind"]; articles = row["articles"]
        startISO = DateColumns.iso(start); startPrecision = DateColumns.precision(start)
        endISO = DateColumns.iso(end); endPrecision = DateColumns.precision(end)
        source = row["article_source"]; evidence = row["evidence"]
    }
}

/// Which visits `KnowledgeBase.visits(_:)` returns; countries by ISO code or any name.
public struct VisitFilter: Sendable {
    public var host: String?
    public var visitorCountry: String?
    /// Visits starting on or after this partial date (`2024`, `2024-05`, `2024-05-12`).
    public var since: String?
    /// Visits starting on or before this partial date (`2025` includes all of 2025).
    public var until: String?
    /// The visitor: a person's id (`12`, `#12`), name or alias, as `kb person` takes it.
    public var person: String?
    public init(host: String? = nil, visitorCountry: String? = nil, since: String? = nil, until: String? = nil, person: String? = nil) {
        self.host = host; self.visitorCountry = visitorCountry; self.since = since; self.until = until; self.person = person
    }
}

extension KnowledgeBase {
    /// Visits, oldest first (undated last), optionally filtered by host, visitor's country and dates.
    public func visits(_ filter: VisitFilter = VisitFilter()) throws -> [Visit] {
        for date in [filter.since, filter.until].compactMap({ $0 }) where PartialDate(iso: date) == nil {
            throw KBError.invalidArgument("« \(date) » is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
        }
        return try read { db in
            var clauses: [String] = [], args: [any DatabaseValueConvertible] = []
            if let host = filter.host { clauses.append("host_country = ?"); args.append(try Lookup.country(db, host)) }
            if let v = filter.visitorCountry { clauses.append("visitor_country = ?"); args.append(try Lookup.country(db, v)) }
            if let p = filter.person { clauses.append("person_id = ?"); args.append(try Lookup.person(db, p)) }
            if let since = filter.since { clauses.append("substr(start_date, 1, ?) >= ?"); args += [since.count, since] }
            if let until = filter.until { clauses.append("substr(start_date, 1, ?) <= ?"); args += [until.count, until] }
            return try QueryRows.visits(db, where: clauses, args)
        }
    }
}

/// Shared fetches of the analyst views, used by listings and cards.
enum QueryRows {
    static func visits(_ db: Database, where clauses: [String], _ args: [any DatabaseValueConvertible]) throws -> [Visit] {
        try rows(db, from: "visit_facts", where: clauses, args, orderBy: "start_date IS NULL, start_date, visit_id").map(Visit.init)
    }

    /// The listings' one query: a view's rows matching every clause, in the listing's order.
    static func rows(_ db: Database, from view: String, where clauses: [String], _ args: [any DatabaseValueConvertible],
                     orderBy order: String) throws -> [Row] {
        let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: "SELECT * FROM \(view) \(filter) ORDER BY \(order)", arguments: StatementArguments(args))
    }
}
