import FrenchText

/// Closed word classes of the extraction grammar — trigger nouns, verb forms, function words,
/// inflections — kept as data in `seeds/grammar/*.lexicon` and embedded at build time, so a rule
/// reads « a word of `visit.future` » instead of carrying its own array of French words.
///
/// File format, one set per line (a set may span several lines with the same id):
///
///     # Future and conditional forms: « il effectuera une visite » is a plan, not a trip.
///     visit.future<TAB>effectuera effectueront devrait
///
/// Words are written as in French and folded on load (« prévue » → `prevue`), like the tokens
/// they are compared with; a multi-word entry is not allowed (phrases belong to the gazetteers).
/// Sets whose id ends in `.as-written` are not folded: they are compared with a token's text.
package struct Lexicon: Sendable {
    package static let embedded: Lexicon = {
        do { return try Lexicon(files: EmbeddedGrammar.files) }
        catch { preconditionFailure("seeds/grammar is invalid (run the tests): \(error)") }
    }()

    private let sets: [String: WordSet]

    /// The ids of every set, for tests and reports.
    package var ids: [String] { sets.keys.sorted() }

    /// Whether a set has this id (the rule parser asks it of every `lex=` test: sorting every id
    /// for each question was a fifth of building the extractor).
    package func has(_ id: String) -> Bool { sets[id] != nil }

    package init(files: [String: String]) throws {
        var sets: [String: WordSet] = [:]
        var owner: [String: String] = [:]
        for (file, text) in files.sorted(by: { $0.key < $1.key }) {
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.drop { $0 == " " }
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                guard fields.count == 2, !fields[0].isEmpty, !fields[0].contains(" ") else {
                    throw LexiconError(file: file, line: n + 1, message: "expected `set.id<TAB>word word …`")
                }
                let id = String(fields[0])
                if let other = owner[id], other != file {
                    throw LexiconError(file: file, line: n + 1, message: "set \(id) is already defined in \(other)")
                }
                owner[id] = file
                // A set named `….as-written` keeps its words as written, for the few tests where the accent
                // is the difference (« à » the preposition, « a » the verb; « dès » and « des »).
                let asWritten = id.hasSuffix(".as-written")
                let words = fields[1].split(whereSeparator: { $0 == " " || $0 == "\t" }).map { asWritten ? String($0) : Folding.fold($0) }
                guard !words.isEmpty else { throw LexiconError(file: file, line: n + 1, message: "set \(id) has no words") }
                sets[id, default: []].formUnion(words)
            }
        }
        self.sets = sets
    }

    /// The folded words of a set. An unknown id is a programming error (a test checks every id the
    /// sources name), so it stops with the id rather than silently matching nothing.
    package func words(_ id: String) -> WordSet {
        guard let s = sets[id] else { preconditionFailure("no word set `\(id)` in seeds/grammar/*.lexicon") }
        return s
    }

    /// Whether `folded` (a token's folded form) belongs to the set.
    package func contains(_ id: String, _ folded: String) -> Bool { words(id).contains(folded) }
}

package struct LexiconError: Error, CustomStringConvertible {
    package let file: String, line: Int, message: String
    package var description: String { "seeds/grammar/\(file):\(line): \(message)" }
}
