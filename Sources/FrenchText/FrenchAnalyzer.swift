/// The French analyzer shared by the index and the queries (placeholder: folding only;
/// the search work replaces it with elision, stop words and light stemming).
public enum FrenchAnalyzer {
    /// Version of the analysis stored in `articles.search_*`; a change triggers a reindex.
    public static let version = "0"

    /// Analysed terms of a text, in order.
    public static func terms(_ text: String) -> [String] {
        Folding.fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// The analysed text stored for the FTS index: terms separated by spaces.
    public static func indexText(_ text: String) -> String { terms(text).joined(separator: " ") }
}
