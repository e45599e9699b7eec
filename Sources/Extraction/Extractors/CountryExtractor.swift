import FrenchText

/// Every sovereign country the article's own text names: by name (« la Biélorussie »), demonym
/// (« le président kazakh »), capital standing for it (« Minsk »), or inside a compound
/// (« Vietnam-Biélorussie », « vietnamo-russe »). Former states (« ex-Union soviétique ») are
/// recognised so their words are not misread, but are not countries today and are not returned.
public struct CountryExtractor: Sendable {
    public let reference: Reference
    let gazetteer: CountryGazetteer

    public init(reference: Reference) {
        self.reference = reference
        gazetteer = CountryGazetteer(reference: reference)
    }

    /// Countries in order of first mention, each with the sentences that name it.
    public func extract(from document: Document) -> [CountryFact] {
        let bytes = Array(document.article.raw.utf8)
        var order: [String] = []
        var evidence: [String: [Evidence]] = [:]
        for sentence in document.sentences {
            let tokens = Tokenizer.tokens(bytes, in: sentence.range)
            for m in gazetteer.mentions(in: tokens) where !m.historical {
                if evidence[m.iso2] == nil { order.append(m.iso2) }
                if evidence[m.iso2, default: []].last?.range != sentence.range {
                    evidence[m.iso2, default: []].append(sentence.evidence)
                }
            }
        }
        return order.map { CountryFact(iso2: $0, evidence: evidence[$0] ?? []) }
    }
}
