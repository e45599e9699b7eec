import FrenchText

/// Every sovereign country the article's own text names: by name (« la Biélorussie »), demonym
/// (« le président kazakh »), capital standing for it (« Minsk »), or inside a compound
/// (« Vietnam-Biélorussie », « vietnamo-russe »). Former states (« ex-Union soviétique ») are
/// recognised so their words are not misread, but are not countries today and are not returned.
package struct CountryExtractor: Sendable {
    package let reference: Reference
    let gazetteer: CountryGazetteer

    package init(reference: Reference, gazetteer: CountryGazetteer? = nil) {
        self.reference = reference
        self.gazetteer = gazetteer ?? CountryGazetteer(reference: reference)
    }

    /// Countries in order of first mention, each with the sentences that name it, and the capital of
    /// the dateline (« Minsk (VNA) – … »), which names its country too.
    package func extract(from document: Document) -> [CountryFact] {
        facts(zip(document.sentences, document.tokens.map { gazetteer.mentions(in: $0).filter { !$0.historical } }),
              dateline: gazetteer.dateline(of: document.article))
    }

    /// The same from sentences already analysed (their countries are this gazetteer's current ones).
    func extract(_ doc: AnalysedDocument) -> [CountryFact] {
        facts(doc.sentences.lazy.map { ($0.sentence, $0.countries) }, dateline: doc.dateline)
    }

    private func facts(_ sentences: some Sequence<(Sentence, [CountryMention])>, dateline: CountryGazetteer.Dateline?) -> [CountryFact] {
        var order: [String] = []
        var evidence: [String: [Evidence]] = [:]
        for (sentence, mentions) in sentences {
            for m in mentions {
                if evidence[m.iso2] == nil { order.append(m.iso2) }
                if evidence[m.iso2, default: []].last?.range != sentence.range {
                    evidence[m.iso2, default: []].append(sentence.evidence)
                }
            }
        }
        if let d = dateline, evidence[d.iso2] == nil { order.append(d.iso2); evidence[d.iso2] = [d.evidence] }
        return order.map { CountryFact(iso2: $0, evidence: evidence[$0] ?? []) }
    }
}
