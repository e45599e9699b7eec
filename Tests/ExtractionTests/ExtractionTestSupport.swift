import Extraction

/// Builds a Document the way ingest does: through ArticleParser, so noise is set apart.
func document(_ body: String, date: String? = "2025-06-20", headline: String = "Actualités diplomatiques") -> Document {
    let raw = (date.map { " date \($0) " } ?? "") + headline + "\n\n" + body + "\n"
    let parser = ArticleParser(agencies: Reference.embedded.agencies)
    return Document(article: parser.parse(raw, source: "test.txt"))
}
