import FrenchText

/// How a country was named in the text.
public enum CountryForm: String, Sendable { case name, demonym, capital }

public struct CountryHit: Sendable, Hashable {
    public let iso2: String
    public let form: CountryForm
}

/// Country names, aliases, demonyms and capitals from the reference data, as one gazetteer.
/// Shared by every extractor that needs to know « en Biélorussie », « biélorusse », « à Minsk ».
public struct CountryGazetteer: Sendable {
    public let gazetteer: Gazetteer<CountryHit>

    public init(reference: Reference) {
        var g = Gazetteer<CountryHit>()
        for c in reference.countries {
            for n in [c.name] + c.aliases { g.add(n, CountryHit(iso2: c.iso2, form: .name)) }
            for d in c.demonyms { g.add(d, CountryHit(iso2: c.iso2, form: .demonym)) }
            for cap in c.capitals { g.add(cap, CountryHit(iso2: c.iso2, form: .capital)) }
        }
        gazetteer = g
    }

    public func matches(in tokens: [Token]) -> [Gazetteer<CountryHit>.Match] { gazetteer.matches(in: tokens) }
    public func match(at i: Int, in tokens: [Token]) -> Gazetteer<CountryHit>.Match? { gazetteer.match(at: i, in: tokens) }
}

/// Organisations (EAEU, ASEAN, …) by code, name and aliases.
public struct OrganisationGazetteer: Sendable {
    public let gazetteer: Gazetteer<String>

    public init(reference: Reference) {
        var g = Gazetteer<String>()
        for o in reference.organisations {
            for n in [o.name, o.code] + o.aliases { g.add(n, o.code) }
        }
        gazetteer = g
    }

    public func matches(in tokens: [Token]) -> [Gazetteer<String>.Match] { gazetteer.matches(in: tokens) }
}
