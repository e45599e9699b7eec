/// Runs every extractor over a document. Pure: same document, same facts.
package struct FactExtractor: Sendable {
    /// Recorded with every piece of evidence; bump when any extractor's output changes,
    /// so the next ingest re-extracts stored articles.
    package static let name = "kb-rules"
    package static let version = "14"

    package let reference: Reference
    package let parser: ArticleParser
    let countries: CountryExtractor
    let people: PersonExtractor
    let visits: VisitExtractor
    let agreements: AgreementExtractor
    let domains: DomainExtractor
    let trade: TradeFigureExtractor

    package init(reference: Reference = .embedded) {
        self.reference = reference
        parser = ArticleParser(agencies: reference.agencies)
        // The country and organisation gazetteers are the costliest part to build: once, shared.
        let gazetteer = CountryGazetteer(reference: reference)
        let organisations = AnalysedDocument.organisationGazetteer(reference)
        countries = CountryExtractor(reference: reference, gazetteer: gazetteer)
        people = PersonExtractor(reference: reference, countries: gazetteer, organisations: organisations)
        visits = VisitExtractor(reference: reference, persons: people)
        agreements = AgreementExtractor(reference: reference, countries: gazetteer, organisations: organisations)
        domains = DomainExtractor(reference: reference)
        trade = TradeFigureExtractor(reference: reference, countries: gazetteer)
    }

    package func extract(from document: Document) -> ArticleFacts {
        var facts = ArticleFacts()
        // Countries, people, visits and agreements read the same analysed sentences: analyse them once.
        var analysed = AnalysedDocument(document: document, countries: people.countries, organisations: people.organisations)
        people.memoise(&analysed)
        facts.countries = countries.extract(analysed)
        let analysis = people.analyse(analysed)
        facts.people = analysis.people
        facts.visits = visits.extract(analysed, analysis)
        facts.agreements = agreements.extract(analysed)
        facts.domains = domains.extract(from: document)
        facts.tradeFigures = trade.extract(analysed)
        facts.creditUnattributedEvidence()
        return facts
    }

    /// Parses and extracts in one call.
    package func process(raw: String, source: String) -> (Article, ArticleFacts) {
        let article = parser.parse(raw, source: source)
        return (article, extract(from: Document(article: article)))
    }
}

extension ArticleFacts {
    /// Every fact names the rule that made it. Extractors credit their specific constructions; what
    /// one leaves uncredited is credited to its extractor's coarse rule, so no evidence is anonymous.
    mutating func creditUnattributedEvidence() {
        func credit(_ e: inout Evidence, _ rule: String) { if e.rule.isEmpty { e.rule = rule } }
        for i in countries.indices { for j in countries[i].evidence.indices { credit(&countries[i].evidence[j], "country.gazetteer") } }
        for i in people.indices { for j in people[i].evidence.indices { credit(&people[i].evidence[j], "person.name") } }
        for i in visits.indices { credit(&visits[i].evidence, "visit.trigger") }
        for i in agreements.indices { credit(&agreements[i].evidence, "agreement.title") }
        for i in domains.indices { for j in domains[i].evidence.indices { credit(&domains[i].evidence[j], "domain.phrase") } }
        for i in tradeFigures.indices { credit(&tradeFigures[i].evidence, "trade.amount") }
    }
}
