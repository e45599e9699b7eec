import FrenchText

/// An article split into sentences, ready for the extractors.
///
/// Only the article's own text is here (headline and body paragraphs): related links,
/// credits and the « Voir plus » block are never a source of facts.
package struct Document: Sendable {
    package let article: Article
    package let sentences: [Sentence]
    /// `tokens[k]` are the tokens of `sentences[k]` (byte ranges into the raw text). Tokenised once
    /// here: every extractor reads them, and tokenising per extractor was a fifth of extraction.
    package let tokens: [[Token]]

    package init(article: Article) {
        self.article = article
        var sentences: [Sentence] = []
        sentences.append(Sentence(text: article.headline, range: article.headlineRange, paragraph: -1))
        let bytes = Array(article.raw.utf8)
        for (p, range) in article.paragraphs.enumerated() {
            for r in SentenceSplitter.split(Array(bytes[range])) {
                let abs = (range.lowerBound + r.lowerBound)..<(range.lowerBound + r.upperBound)
                sentences.append(Sentence(text: String(decoding: bytes[abs], as: UTF8.self), range: abs, paragraph: p))
            }
        }
        self.sentences = sentences
        var cache = TokenCache.take()
        tokens = sentences.map { GluedWords.split(Tokenizer.tokens(bytes, in: $0.range, cache: &cache), bytes) }
        TokenCache.keep(cache)
    }

    /// The publication date, the anchor for relative dates (« en mai dernier »).
    package var date: PartialDate? { article.date }
}

/// One sentence of a document. `range` is a UTF-8 byte range into the raw article.
package struct Sentence: Sendable, Hashable {
    package let text: String
    package let range: Range<Int>
    /// Index of the body paragraph, -1 for the headline.
    package let paragraph: Int

    package var evidence: Evidence { Evidence(sentence: text, range: range) }
    /// This sentence as evidence read by `rule`.
    package func evidence(_ rule: String) -> Evidence { Evidence(sentence: text, range: range, rule: rule) }
}
