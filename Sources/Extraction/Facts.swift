import FrenchText

/// Where a fact was read: the sentence and its UTF-8 byte range in the raw article, and the id of
/// the rule that read it (`visit.reception`, `person.title-name`, …), for provenance and rule reports.
public struct Evidence: Hashable, Sendable {
    public var sentence: String
    public var range: Range<Int>
    public var rule: String
    public init(sentence: String, range: Range<Int>, rule: String = "") {
        self.sentence = sentence; self.range = range; self.rule = rule
    }

    /// The same evidence, credited to `rule`.
    public func by(_ rule: String) -> Evidence { var e = self; e.rule = rule; return e }
}

/// A country the article mentions (by name, demonym, or capital as a stand-in).
public struct CountryFact: Hashable, Sendable {
    public var iso2: String
    public var evidence: [Evidence]
    public init(iso2: String, evidence: [Evidence]) { self.iso2 = iso2; self.evidence = evidence }
}

/// A title a person holds as stated by an article (« président », « ministre de la Sécurité publique »).
public struct RoleFact: Hashable, Sendable {
    public var title: String
    public var organisation: String?
    public var country: String?
    public init(title: String, organisation: String? = nil, country: String? = nil) {
        self.title = title; self.organisation = organisation; self.country = country
    }
}

public struct PersonFact: Hashable, Sendable {
    /// The fullest form of the name the article gives.
    public var name: String
    /// Other forms the article uses for the same person (« Loukachenko »).
    public var aliases: [String]
    /// Nationality, ISO 3166-1 alpha-2, when known.
    public var country: String?
    public var roles: [RoleFact]
    public var evidence: [Evidence]
    public init(name: String, aliases: [String] = [], country: String? = nil, roles: [RoleFact] = [], evidence: [Evidence] = []) {
        self.name = name; self.aliases = aliases; self.country = country; self.roles = roles; self.evidence = evidence
    }
}

public enum VisitKind: String, Hashable, Sendable, CaseIterable { case state, official, working, other }

public struct VisitFact: Hashable, Sendable {
    public var visitor: String?
    public var visitorCountry: String?
    public var hostCountry: String
    public var city: String?
    public var start: PartialDate?
    public var end: PartialDate?
    public var kind: VisitKind?
    public var evidence: Evidence
    public init(visitor: String?, visitorCountry: String?, hostCountry: String, city: String? = nil,
                start: PartialDate? = nil, end: PartialDate? = nil, kind: VisitKind? = nil, evidence: Evidence) {
        self.visitor = visitor; self.visitorCountry = visitorCountry; self.hostCountry = hostCountry
        self.city = city; self.start = start; self.end = end; self.kind = kind; self.evidence = evidence
    }
}

public enum AgreementKind: String, Hashable, Sendable, CaseIterable {
    case agreement, `protocol`, memorandum, declaration, letterOfIntent = "letter_of_intent", programme, plan, treaty, other
}

public struct AgreementFact: Hashable, Sendable {
    public var kind: AgreementKind
    public var title: String
    /// ISO 3166-1 alpha-2 codes or organisation codes (`EAEU`, `ASEAN`).
    public var parties: [String]
    public var signed: PartialDate?
    public var domains: [String]
    /// The title's distinctive words, folded, stemmed and sorted (« libre-echange »), without kind words,
    /// names of parties or dates: one document told by several articles in different words has one key.
    /// Empty when the title has nothing distinctive (« accord de coopération »).
    public var key: String
    public var evidence: Evidence
    public init(kind: AgreementKind, title: String, parties: [String], signed: PartialDate? = nil, domains: [String] = [],
                key: String = "", evidence: Evidence) {
        self.kind = kind; self.title = title; self.parties = parties; self.signed = signed; self.domains = domains
        self.key = key; self.evidence = evidence
    }
}

/// A cooperation domain (slug of `seeds/reference/domains.tsv`) the article mentions.
public struct DomainFact: Hashable, Sendable {
    public var slug: String
    public var evidence: [Evidence]
    public init(slug: String, evidence: [Evidence]) { self.slug = slug; self.evidence = evidence }
}

public enum TradeKind: String, Hashable, Sendable, CaseIterable { case actual, target, other }

/// Whose trade a figure is: two countries (`bilateral`), a province, city or region of one of them
/// (`regional`), or a country with an economic bloc such as the EAEU or ASEAN (`bloc`). Only
/// bilateral figures belong in a country pair's series.
public enum TradeScope: String, Hashable, Sendable, CaseIterable { case bilateral, regional, bloc }

public struct TradeFigureFact: Hashable, Sendable {
    /// Normalised amount (« 94,5 millions » → 94_500_000); nil when only vague (« plusieurs centaines de millions »).
    public var amount: Double?
    /// ISO 4217: USD, EUR, VND, …
    public var currency: String?
    public var kind: TradeKind
    public var year: Int?
    /// A period such as `2025-01/2025-09` or `2016-2020` when the figure covers one.
    public var period: String?
    /// Who trades: ISO codes of the two countries, or a country and an organisation code (`EAEU`, `ASEAN`)
    /// for a bloc. Empty when the text names no one.
    public var countries: [String]
    public var scope: TradeScope?
    public var evidence: Evidence
    public init(amount: Double?, currency: String?, kind: TradeKind, year: Int? = nil, period: String? = nil,
                countries: [String] = [], scope: TradeScope? = nil, evidence: Evidence) {
        self.amount = amount; self.currency = currency; self.kind = kind; self.year = year; self.period = period
        self.countries = countries; self.scope = scope; self.evidence = evidence
    }
}

/// Everything extracted from one article.
public struct ArticleFacts: Sendable {
    public var countries: [CountryFact] = []
    public var people: [PersonFact] = []
    public var visits: [VisitFact] = []
    public var agreements: [AgreementFact] = []
    public var domains: [DomainFact] = []
    public var tradeFigures: [TradeFigureFact] = []
    public init() {}
}
