import GRDB

/// A dated event: a visit, an agreement or a trade figure.
public struct TimelineEvent: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case visit, agreement, trade }
    /// YYYY, YYYY-MM or YYYY-MM-DD; nil when undated.
    public var date: String?
    /// The first day of `date` as a full ISO date, and how much of it was stated (`DateColumns`).
    public var dateISO: String?
    public var datePrecision: String?
    /// When the event lasted: a visit's last day, the end of a trade figure's period.
    public var end: String?
    public var kind: Kind
    /// One line saying what happened.
    public var summary: String
    /// Countries involved (ISO codes, organisation codes for agreement parties).
    public var countries: [String]
    public var source: String?
    public var evidence: String?

    init(date: String?, end: String? = nil, kind: Kind, summary: String, countries: [String], source: String?, evidence: String?) {
        self.date = date; dateISO = DateColumns.iso(date); datePrecision = DateColumns.precision(date); self.end = end
        self.kind = kind; self.summary = summary; self.countries = countries; self.source = source; self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey {
        case date, dateISO = "date_iso", datePrecision = "date_precision", end, kind, summary, countries, source, evidence
    }
}

extension KnowledgeBase {
    /// Visits, agreements and trade figures in date order (undated last); `country` keeps the events
    /// it takes part in (ISO code or name).
    public func timeline(country: String? = nil) throws -> [TimelineEvent] {
        try read { db in
            let iso = try country.map { try Lookup.country(db, $0) }
            var events: [TimelineEvent] = []
            let visits = try QueryRows.visits(db, where: iso == nil ? [] : ["? IN (host_country, visitor_country)"], iso.map { [$0] } ?? [])
            for v in visits {
                let who = [v.visitor, v.visitorCountry.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
                let place = [v.city, v.hostCountryName ?? v.hostCountry].compactMap { $0 }.joined(separator: ", ")
                let summary = "\(who.isEmpty ? "visit" : who) → \(place)\(v.kind.map { " — \($0) visit" } ?? "")"
                events.append(TimelineEvent(date: v.start, end: v.end, kind: .visit, summary: summary,
                                            countries: [v.visitorCountry, v.hostCountry].compactMap { $0 }, source: v.source, evidence: v.evidence))
            }
            let agreements = try QueryRows.agreements(db, where: iso == nil ? [] : ["agreement_id IN (SELECT agreement_id FROM agreement_parties WHERE party = ?)"],
                                                      iso.map { [$0] } ?? [])
            for a in agreements {
                events.append(TimelineEvent(date: a.signed, kind: .agreement, summary: "\(a.kind): \(a.title)",
                                            countries: a.parties, source: a.source, evidence: a.evidence))
            }
            let figures = try Row.fetchAll(db, sql: """
                SELECT * FROM trade_facts WHERE ? IS NULL OR (? IN (country_a, country_b) AND coalesce(scope, 'bilateral') = 'bilateral')
                """, arguments: [iso, iso])
            for f in figures {
                let year: Int? = f["year"], amount: Double? = f["amount"], kind: String = f["kind"]
                let currency: String? = f["currency"], period: String? = f["period"]
                let pair = [f["country_a"] as String?, f["country_b"] as String?].compactMap { $0 }
                let value = amount.map { TradeFormat.amount($0) + (currency.map { " " + $0 } ?? "") } ?? "amount not stated"
                // A nine-month figure is not the year's: the period stays in the line and in the dates.
                let bounds = period.map { $0.split(separator: "/").map(String.init) } ?? []
                let start = bounds.first.flatMap { DateColumns.precision($0) == nil ? nil : $0 }
                let end = bounds.count == 2 && DateColumns.precision(bounds[1]) != nil ? bounds[1] : nil
                events.append(TimelineEvent(date: start ?? year.map(String.init) ?? period, end: end, kind: .trade,
                                            summary: "trade \(pair.joined(separator: "–")) \(kind)\(period.map { " (\($0))" } ?? ""): \(value)",
                                            countries: pair, source: f["article_source"], evidence: f["evidence"]))
            }
            return events.enumerated().sorted { l, r in
                switch (l.element.date, r.element.date) {
                case let (a?, b?) where a != b: return a < b
                case (nil, _?): return false
                case (_?, nil): return true
                default: return l.offset < r.offset
                }
            }.map(\.element)
        }
    }
}

enum TradeFormat {
    /// 500000000 → « 500,000,000 »: unambiguous for readers of either language.
    static func amount(_ d: Double) -> String {
        guard d.isFinite, abs(d) < 1e18, d == d.rounded() else { return String(d) }
        let digits = String(Int64(d))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
