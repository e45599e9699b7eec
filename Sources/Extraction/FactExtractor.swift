/// Runs every extractor over a document. Pure: same document, same facts.
public struct FactExtractor: Sendable {
    /// Recorded with every piece of evidence; bump when any extractor's output changes,
    /// so the next ingest re-extracts stored articles.
    public static let name = "kb-rules"
    public static let version = "5"

    public let reference: Reference
    public let parser: ArticleParser
    let countries: CountryExtractor
    let people: PersonExtractor
    let visits: VisitExtractor
    let agreements: AgreementExtractor
    let domains: DomainExtractor
    let trade: TradeFigureExtractor

    public init(reference: Reference = .embedded) {
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

    public func extract(from document: Document) -> ArticleFacts {
        var facts = ArticleFacts()
        // Countries, people, visits and agreements read the same analysed sentences: analyse them once.
        let analysed = AnalysedDocument(document: document, countries: people.countries, organisations: people.organisations)
        facts.countries = countries.extract(analysed)
        let analysis = people.analyse(analysed)
        facts.people = analysis.people
        facts.visits = visits.extract(analysed, analysis)
        facts.agreements = agreements.extract(analysed)
        facts.domains = domains.extract(from: document)
        facts.tradeFigures = trade.extract(analysed)
        return facts
    }

    /// Parses and extracts in one call.
    public func process(raw: String, source: String) -> (Article, ArticleFacts) {
        let article = parser.parse(raw, source: source)
        return (article, extract(from: Document(article: article)))
    }
}
