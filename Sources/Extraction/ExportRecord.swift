/// One line of `kb export --format jsonl`: the public contract of EXPORT.md.
public struct ExportRecord: Codable, Sendable, Equatable {
    public struct Country: Codable, Sendable, Equatable {
        public var iso2: String
        public var name: String
        /// The rule of the first mention.
        public var rule: String
        public init(iso2: String, name: String, rule: String) { self.iso2 = iso2; self.name = name; self.rule = rule }
    }

    public struct Person: Codable, Sendable, Equatable {
        public var name: String
        public var country: String?
        public var roles: [String]
        public var aliases: [String]
        /// The rule of the first mention.
        public var rule: String
        public init(name: String, country: String?, roles: [String], aliases: [String], rule: String) {
            self.name = name; self.country = country; self.roles = roles; self.aliases = aliases; self.rule = rule
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name); try c.encode(country, forKey: .country)
            try c.encode(roles, forKey: .roles); try c.encode(aliases, forKey: .aliases); try c.encode(rule, forKey: .rule)
        }
    }

    public struct Visit: Codable, Sendable, Equatable {
        public var visitor: String?
        public var visitor_country: String?
        public var host_country: String
        public var city: String?
        public var start: String?
        public var end: String?
        public var kind: String?
        public var evidence: String
        public var rule: String
        public init(visitor: String?, visitor_country: String?, host_country: String, city: String?, start: String?,
                    end: String?, kind: String?, evidence: String, rule: String) {
            self.visitor = visitor; self.visitor_country = visitor_country; self.host_country = host_country
            self.city = city; self.start = start; self.end = end; self.kind = kind; self.evidence = evidence; self.rule = rule
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(visitor, forKey: .visitor); try c.encode(visitor_country, forKey: .visitor_country)
            try c.encode(host_country, forKey: .host_country); try c.encode(city, forKey: .city)
            try c.encode(start, forKey: .start); try c.encode(end, forKey: .end)
            try c.encode(kind, forKey: .kind); try c.encode(evidence, forKey: .evidence); try c.encode(rule, forKey: .rule)
        }
    }

    public struct Agreement: Codable, Sendable, Equatable {
        public var kind: String
        public var title: String
        public var parties: [String]
        public var signed: String?
        public var domains: [String]
        public var evidence: String
        public var rule: String
        public init(kind: String, title: String, parties: [String], signed: String?, domains: [String], evidence: String, rule: String) {
            self.kind = kind; self.title = title; self.parties = parties; self.signed = signed; self.domains = domains
            self.evidence = evidence; self.rule = rule
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind); try c.encode(title, forKey: .title); try c.encode(parties, forKey: .parties)
            try c.encode(signed, forKey: .signed); try c.encode(domains, forKey: .domains); try c.encode(evidence, forKey: .evidence)
            try c.encode(rule, forKey: .rule)
        }
    }

    public struct TradeFigure: Codable, Sendable, Equatable {
        public var amount: Double?
        public var currency: String?
        public var kind: String
        public var year: Int?
        public var period: String?
        /// ISO codes of the trading countries, or a country and a bloc's organisation code.
        public var countries: [String]
        /// bilateral, regional or bloc; nil when the text names no pair.
        public var scope: String?
        public var evidence: String
        public var rule: String
        public init(amount: Double?, currency: String?, kind: String, year: Int?, period: String?,
                    countries: [String] = [], scope: String? = nil, evidence: String, rule: String) {
            self.amount = amount; self.currency = currency; self.kind = kind; self.year = year; self.period = period
            self.countries = countries; self.scope = scope; self.evidence = evidence; self.rule = rule
        }
        enum CodingKeys: String, CodingKey { case amount, currency, kind, year, period, countries, scope, evidence, rule }
        /// Exports written before `countries`, `scope` and `rule` existed still read.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            amount = try c.decodeIfPresent(Double.self, forKey: .amount); currency = try c.decodeIfPresent(String.self, forKey: .currency)
            kind = try c.decode(String.self, forKey: .kind); year = try c.decodeIfPresent(Int.self, forKey: .year)
            period = try c.decodeIfPresent(String.self, forKey: .period)
            countries = try c.decodeIfPresent([String].self, forKey: .countries) ?? []
            scope = try c.decodeIfPresent(String.self, forKey: .scope); evidence = try c.decode(String.self, forKey: .evidence)
            rule = try c.decodeIfPresent(String.self, forKey: .rule) ?? ""
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(amount, forKey: .amount); try c.encode(currency, forKey: .currency); try c.encode(kind, forKey: .kind)
            try c.encode(year, forKey: .year); try c.encode(period, forKey: .period)
            try c.encode(countries, forKey: .countries); try c.encode(scope, forKey: .scope); try c.encode(evidence, forKey: .evidence)
            try c.encode(rule, forKey: .rule)
        }
    }

    public var source: String
    public var date: String?
    public var title: String
    public var countries: [Country]
    public var people: [Person]
    public var visits: [Visit]
    public var agreements: [Agreement]
    public var domains: [String]
    public var trade_figures: [TradeFigure]

    public init(source: String, date: String?, title: String, countries: [Country] = [], people: [Person] = [],
                visits: [Visit] = [], agreements: [Agreement] = [], domains: [String] = [], trade_figures: [TradeFigure] = []) {
        self.source = source; self.date = date; self.title = title; self.countries = countries; self.people = people
        self.visits = visits; self.agreements = agreements; self.domains = domains; self.trade_figures = trade_figures
    }

    /// Explicit nulls: the contract says these keys must exist, even when empty.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(date, forKey: .date)
        try c.encode(title, forKey: .title)
        try c.encode(countries, forKey: .countries)
        try c.encode(people, forKey: .people)
        try c.encode(visits, forKey: .visits)
        try c.encode(agreements, forKey: .agreements)
        try c.encode(domains, forKey: .domains)
        try c.encode(trade_figures, forKey: .trade_figures)
    }

    /// Evidence longer than this is cut, with « … »: a pathological one-sentence article of megabytes
    /// would otherwise be repeated in full by every fact read from it. The whole sentence stays
    /// reachable through the evidence's offsets in the database.
    public static let longestEvidence = 2_000

    /// The evidence as exported: the sentence, cut at `longestEvidence` characters.
    public static func evidenceText(_ sentence: String) -> String {
        sentence.count <= longestEvidence ? sentence : String(sentence.prefix(longestEvidence)) + " …"
    }

    /// The record straight from extraction (no database): `kb extract` and the tests use it.
    package init(article: Article, facts: ArticleFacts, reference: Reference) {
        self.init(source: article.source, date: article.date?.description, title: article.headline)
        countries = facts.countries.map {
            Country(iso2: $0.iso2, name: reference.country(iso2: $0.iso2)?.name ?? $0.iso2, rule: $0.evidence.first?.rule ?? "")
        }
        people = facts.people.map {
            Person(name: $0.name, country: $0.country, roles: $0.roles.map(\.title), aliases: $0.aliases, rule: $0.evidence.first?.rule ?? "")
        }
        visits = facts.visits.map {
            Visit(visitor: $0.visitor, visitor_country: $0.visitorCountry, host_country: $0.hostCountry, city: $0.city,
                  start: $0.start?.description, end: $0.end?.description, kind: $0.kind?.rawValue, evidence: Self.evidenceText($0.evidence.sentence),
                  rule: $0.evidence.rule)
        }
        agreements = facts.agreements.map {
            Agreement(kind: $0.kind.rawValue, title: $0.title, parties: $0.parties, signed: $0.signed?.description,
                      domains: $0.domains, evidence: Self.evidenceText($0.evidence.sentence), rule: $0.evidence.rule)
        }
        domains = facts.domains.map(\.slug)
        trade_figures = facts.tradeFigures.map {
            TradeFigure(amount: $0.amount, currency: $0.currency, kind: $0.kind.rawValue, year: $0.year, period: $0.period,
                        countries: $0.countries, scope: $0.scope?.rawValue, evidence: Self.evidenceText($0.evidence.sentence), rule: $0.evidence.rule)
        }
    }
}
