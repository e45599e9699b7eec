import FrenchText

/// Where a fact was read: the sentence and its UTF-8 byte range in the raw article, and the id of
/// the rule that read it (`visit.reception`, `person.title-name`, …), for provenance and rule reports.
package struct Evidence: Hashable, Sendable {
    package var sentence: String
    package var range: Range<Int>
    package var rule: String
    package init(sentence: String, range: Range<Int>, rule: String = "") {
        self.sentence = sentence; self.range = range; self.rule = rule
    }

    /// The same evidence, credited to `rule`.
    package func by(_ rule: String) -> Evidence { var e = self; e.rule = rule; return e }
}

/// A country the article mentions (by name, demonym, or capital as a stand-in).
package struct CountryFact: Hashable, Sendable {
    package var iso2: String
    package var evidence: [Evidence]
    package init(iso2: String, evidence: [Evidence]) { self.iso2 = iso2; self.evidence = evidence }
}

/// A title a person holds as stated by an article (« président », « ministre de la Sécurité publique »).
package struct RoleFact: Hashable, Sendable {
    package var title: String
    package var organisation: String?
    package var country: String?
    package init(title: String, organisation: String? = nil, country: String? = nil) {
        self.title = title; self.organisation = organisation; self.country = country
    }
}

package struct PersonFact: Hashable, Sendable {
    /// The fullest form of the name the article gives.
    package var name: String
    /// Other forms the article uses for the same person (« Loukachenko »).
    package var aliases: [String]
    /// Nationality, ISO 3166-1 alpha-2, when known.
    package var country: String?
    package var roles: [RoleFact]
    package var evidence: [Evidence]
    package init(name: String, aliases: [String] = [], country: String? = nil, roles: [RoleFact] = [], evidence: [Evidence] = []) {
        self.name = name; self.aliases = aliases; self.country = country; self.roles = roles; self.evidence = evidence
    }
}

package enum VisitKind: String, Hashable, Sendable, CaseIterable { case state, official, working, other }

package struct VisitFact: Hashable, Sendable {
    package var visitor: String?
    package var visitorCountry: String?
    package var hostCountry: String
    package var city: String?
    package var start: PartialDate?
    package var end: PartialDate?
    package var kind: VisitKind?
    package var evidence: Evidence
    package init(visitor: String?, visitorCountry: String?, hostCountry: String, city: String? = nil,
                start: PartialDate? = nil, end: PartialDate? = nil, kind: VisitKind? = nil, evidence: Evidence) {
        self.visitor = visitor; self.visitorCountry = visitorCountry; self.hostCountry = hostCountry
        self.city = city; self.start = start; self.end = end; self.kind = kind; self.evidence = evidence
    }
}

package enum AgreementKind: String, Hashable, Sendable, CaseIterable {
    case agreement, `protocol`, memorandum, declaration, letterOfIntent = "letter_of_intent", programme, plan, treaty, other
}

package struct AgreementFact: Hashable, Sendable {
    package var kind: AgreementKind
    package var title: String
    /// ISO 3166-1 alpha-2 codes or organisation codes (`EAEU`, `ASEAN`).
    package var parties: [String]
    package var signed: PartialDate?
    package var domains: [String]
    /// The title's distinctive words, folded, stemmed and sorted (« libre-echange »), without kind words,
    /// names of parties or dates: one document told by several articles in different words has one key.
    /// Empty when the title has nothing distinctive (« accord de coopération »).
    package var key: String
    package var evidence: Evidence
    package init(kind: AgreementKind, title: String, parties: [String], signed: PartialDate? = nil, domains: [String] = [],
                key: String = "", evidence: Evidence) {
        self.kind = kind; self.title = title; self.parties = parties; self.signed = signed; self.domains = domains
        self.key = key; self.evidence = evidence
    }
}

/// A cooperation domain (slug of `seeds/reference/domains.tsv`) the article mentions.
package struct DomainFact: Hashable, Sendable {
    package var slug: String
    package var evidence: [Evidence]
    package init(slug: String, evidence: [Evidence]) { self.slug = slug; self.evidence = evidence }
}

package enum TradeKind: String, Hashable, Sendable, CaseIterable { case actual, target, other }

/// Whose trade a figure is: two countries (`bilateral`), a province, city or region of one of them
/// (`regional`), or a country with an economic bloc such as the EAEU or ASEAN (`bloc`). Only
/// bilateral figures belong in a country pair's series.
package enum TradeScope: String, Hashable, Sendable, CaseIterable { case bilateral, regional, bloc }

package struct TradeFigureFact: Hashable, Sendable {
    /// Normalised amount (« 94,5 millions » → 94_500_000); nil when only vague (« plusieurs centaines de millions »).
    package var amount: Double?
    /// ISO 4217: USD, EUR, VND, …
    package var currency: String?
    package var kind: TradeKind
    package var year: Int?
    /// A period such as `2025-01/2025-09` or `2016-2020` when the figure covers one.
    package var period: String?
    /// Who trades: ISO codes of the two countries, or a country and an organisation code (`EAEU`, `ASEAN`)
    /// for a bloc. Empty when the text names no one.
    package var countries: [String]
    package var scope: TradeScope?
    package var evidence: Evidence
    package init(amount: Double?, currency: String?, kind: TradeKind, year: Int? = nil, period: String? = nil,
                countries: [String] = [], scope: TradeScope? = nil, evidence: Evidence) {
        self.amount = amount; self.currency = currency; self.kind = kind; self.year = year; self.period = period
        self.countries = countries; self.scope = scope; self.evidence = evidence
    }
}

/// Everything extracted from one article.
package struct ArticleFacts: Sendable {
    package var countries: [CountryFact] = []
    package var people: [PersonFact] = []
    package var visits: [VisitFact] = []
    package var agreements: [AgreementFact] = []
    package var domains: [DomainFact] = []
    package var tradeFigures: [TradeFigureFact] = []
    package init() {}
}
