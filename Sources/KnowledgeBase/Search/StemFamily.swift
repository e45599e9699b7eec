/// Which indexed words with a query word's light stem are forms of the same word.
///
/// Savoy's light stemmer folds inflection (« coopérations » → coopération) but also some
/// derivation: « investissement », « investissant » and « investir » share the stem `investir`,
/// « rapidement » the stem of « rapide », « économique » that of « économie ». For indexing that is
/// its purpose; for expanding a query it crosses from a noun to a verb or an adverb, and a search
/// for « investissement » should not return every article where someone « investit ». So a word
/// expands only to the words with its stem that also end in the same derivational suffix — the
/// suffixes the stemmer rewrites — after number and gender are set aside (« investissements »,
/// « économiques », « actives » = « actif », « nationaux » = « national »).
enum StemFamily {
    /// Suffix classes, longest first: masculine and feminine forms of one suffix are one class.
    private static let classes: [(suffix: String, family: String)] = [
        ("issement", "issement"), ("issante", "issant"), ("issant", "issant"),
        ("ficatrice", "ficateur"), ("ficateur", "ficateur"), ("catrice", "cateur"), ("cateur", "cateur"),
        ("atrice", "ateur"), ("ateur", "ateur"), ("trice", "teur"), ("teuse", "teur"), ("teur", "teur"),
        ("ement", "ement"), ("nnelle", "nnel"), ("nnel", "nnel"),
        ("euse", "eux"), ("eux", "eux"), ("eur", "eux"),
        ("ieme", "ieme"), ("ique", "ique"), ("esse", "esse"), ("inage", "inage"),
        ("ive", "if"), ("if", "if"),
    ]

    /// The derivational suffix class of an analysed (lower-case, accent-folded) word, or nil.
    static func family(_ term: String) -> String? {
        var w = Substring(term)
        // Number: a plural -s, or -x after eau/eu/ou (« nouveaux », « heureux » stay « eux » below).
        if w.hasSuffix("aux"), w.count > 4 { return family(String(w.dropLast(3)) + "al") }
        if w.hasSuffix("s"), w.count > 3 { w = w.dropLast() }
        for (suffix, family) in classes where w.hasSuffix(suffix) && w.count > suffix.count + 1 { return family }
        return nil
    }

    /// Whether `candidate` (an indexed word with the query word's stem) is a form of `query`.
    static func sameWord(_ query: String, _ candidate: String) -> Bool {
        query == candidate || family(query) == family(candidate)
    }
}
