/// Runs every extractor over a document. Pure: same document, same facts.
public struct FactExtractor: Sendable {
    /// Recorded with every piece of evidence; bump when any extractor's output changes,
    /// so the next ingest re-extracts stored articles.
    public static let name = "kb-rules"
    public static let version = "1"

    public let reference: Reference
    public let parser: ArticleParser

    public init(reference: Reference = .embedded) {
        self.reference = reference
        self.parser = ArticleParser(agencies: reference.agencies)
    }

    public func extract(from document: Document) -> ArticleFacts {
        _ = document
        return ArticleFacts()
    }

    /// Parses and extracts in one call.
    public func process(raw: String, source: String) -> (Article, ArticleFacts) {
        let article = parser.parse(raw, source: source)
        return (article, extract(from: Document(article: article)))
    }
}
