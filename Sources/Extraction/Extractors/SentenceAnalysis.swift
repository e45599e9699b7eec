import FrenchText

/// One sentence read once for the people, visit and agreement extractors: its tokens, the
/// countries and organisations it names and its date expressions.
struct AnalysedSentence: Sendable {
    let index: Int
    let sentence: Sentence
    let tokens: [Token]
    let countries: [CountryMention]
    /// Organisation codes by token range.
    let organisations: [(tokens: Range<Int>, code: String)]
    let dates: [DateMention]
    /// The title phrase starting at each token, when `PersonExtractor.memoise` filled it (else empty):
    /// the name rules ask the same token several times.
    var titleAt = MatchesByStart<Reference.Title>()

    /// Countries whose mention starts at token `i` (a compound « Vietnam-Biélorussie » gives two).
    /// Mentions are kept in token order, so this is a binary search: the extractors ask it of every
    /// token, and a scan made a run-on sentence of thousands of clauses quadratic.
    func countries(at i: Int) -> ArraySlice<CountryMention> {
        var k = Self.firstIndex(in: countries.count, at: i) { countries[$0].tokens.lowerBound }
        let start = k
        while k < countries.count, countries[k].tokens.lowerBound == i { k += 1 }
        return countries[start..<k]
    }
    func organisation(at i: Int) -> (tokens: Range<Int>, code: String)? {
        let k = Self.firstIndex(in: organisations.count, at: i) { organisations[$0].tokens.lowerBound }
        return k < organisations.count && organisations[k].tokens.lowerBound == i ? organisations[k] : nil
    }

    /// Whether a country mention covers token `j`. Gazetteer phrases are short, so only the mentions
    /// starting in the few tokens before `j` are looked at.
    func isInCountry(_ j: Int) -> Bool {
        var k = Self.firstIndex(in: countries.count, at: j - Self.longestPhrase) { countries[$0].tokens.lowerBound }
        while k < countries.count, countries[k].tokens.lowerBound <= j { if countries[k].tokens.contains(j) { return true }; k += 1 }
        return false
    }
    func isInOrganisation(_ j: Int) -> Bool {
        var k = Self.firstIndex(in: organisations.count, at: j - Self.longestPhrase) { organisations[$0].tokens.lowerBound }
        while k < organisations.count, organisations[k].tokens.lowerBound <= j { if organisations[k].tokens.contains(j) { return true }; k += 1 }
        return false
    }
    /// More tokens than any country or organisation name of the reference data.
    static let longestPhrase = 24

    /// The first index whose start is at or after `i`, for starts in non-decreasing order.
    private static func firstIndex(in count: Int, at i: Int, start: (Int) -> Int) -> Int {
        var lo = 0, hi = count
        while lo < hi { let mid = (lo + hi) / 2; if start(mid) < i { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    init(index: Int, sentence: Sentence, tokens: [Token], countries: [CountryMention],
         organisations: [(tokens: Range<Int>, code: String)], dates: [DateMention]) {
        self.index = index; self.sentence = sentence; self.tokens = tokens; self.dates = dates
        // In token order (stable), whatever order the gazetteers found them in.
        self.countries = countries.enumerated().sorted { ($0.element.tokens.lowerBound, $0.offset) < ($1.element.tokens.lowerBound, $1.offset) }.map(\.element)
        self.organisations = organisations.enumerated().sorted { ($0.element.tokens.lowerBound, $0.offset) < ($1.element.tokens.lowerBound, $1.offset) }.map(\.element)
    }
    func folded(_ i: Int) -> String { i >= 0 && i < tokens.count ? tokens[i].folded : "" }
    /// `folded(i)` with its hash, for word-set look-ups.
    func word(_ i: Int) -> HashedWord { i >= 0 && i < tokens.count ? HashedWord(tokens[i].folded, hash: tokens[i].foldedHash) : .empty }
}

/// A phrase table's matches by start token, for a sentence's many questions. A start with none is a
/// -1, so asking it reads one integer: an array of optional matches copied every answer, the many
/// empty ones too, through the runtime's generic value witnesses.
struct MatchesByStart<Payload: Sendable>: Sendable {
    private var index: [Int] = []
    private var found: [PhraseMatcher<Payload>.Match] = []

    init() {}

    /// `match(i)` for every start `i` below `count`.
    init(count: Int, _ match: (Int) -> PhraseMatcher<Payload>.Match?) {
        index.reserveCapacity(count)
        for i in 0..<count {
            if let m = match(i) { index.append(found.count); found.append(m) } else { index.append(-1) }
        }
    }

    var isEmpty: Bool { index.isEmpty }
    var count: Int { index.count }

    @inline(__always)
    subscript(i: Int) -> PhraseMatcher<Payload>.Match? { index[i] < 0 ? nil : found[index[i]] }
}

/// The document's sentences analysed once, and the countries it is mostly about.
struct AnalysedDocument: Sendable {
    let document: Document
    var sentences: [AnalysedSentence]
    /// Countries by number of mentions, most mentioned first (ties: first mentioned first).
    let countryRank: [String]
    /// The dateline's place when it is a capital (« Lima (VNA) – … », « Quito, 3 mai (VNA) - … »): set apart
    /// from the body, yet where the story is filed from.
    let dateline: CountryGazetteer.Dateline?

    init(document: Document, countries: CountryGazetteer, organisations: PhraseMatcher<String>) {
        self.document = document
        var out: [AnalysedSentence] = []
        var previous: PartialDate?
        var counts: [String: Int] = [:]
        var order: [String] = []
        for (k, s) in document.sentences.enumerated() {
            let tokens = document.tokens[k]
            let cs = countries.mentions(in: tokens).filter { !$0.historical }
            // Organisation names and codes are proper nouns: « UN » the code, not « d'un ».
            // A code is written in capitals: « NAM » the movement, not « Nam » in « Lê Khac Nam ».
            let orgs = organisations.matches(in: tokens).filter { m in
                let first = tokens[m.tokens.lowerBound]
                return first.isCapitalized && (m.tokens.count > 1 || first.isAcronym || first.folded != Folding.fold(m.payload))
            }
                .map { (tokens: $0.tokens, code: $0.payload) }
            let dates = FrenchDate.mentions(in: tokens, anchor: document.date, previous: previous)
            // « le même jour » refers back to a day.
            if let last = dates.last(where: { $0.start?.precision == .day && $0.kind != .period })?.start { previous = last }
            for c in cs {
                if counts[c.iso2] == nil { order.append(c.iso2) }
                counts[c.iso2, default: 0] += 1
            }
            out.append(AnalysedSentence(index: k, sentence: s, tokens: tokens, countries: cs, organisations: orgs, dates: dates))
        }
        sentences = out
        dateline = countries.dateline(of: document.article)
        countryRank = order.enumerated().sorted { (counts[$0.element]!, -$0.offset) > (counts[$1.element]!, -$1.offset) }.map(\.element)
    }

    static func organisationGazetteer(_ reference: Reference) -> PhraseMatcher<String> {
        var g = PhraseMatcher<String>()
        for o in reference.organisations {
            for n in [o.name, o.code] + o.aliases { g.add(n, o.code) }
        }
        return g
    }
}

/// Small closed classes of French grammar words the extractors stop or skip at.
enum FrenchWords {
    static let determiners = Lexicon.embedded.words("shared.determiner")
    static let contractedArticles = Lexicon.embedded.words("shared.contracted-article")
    static let prepositions = Lexicon.embedded.words("shared.preposition")
    static let pronouns = Lexicon.embedded.words("shared.pronoun")
    static let conjunctions = Lexicon.embedded.words("shared.conjunction")
    /// Auxiliaries and copulas that follow a subject.
    static let auxiliaries = Lexicon.embedded.words("shared.auxiliary")

    /// An auxiliary token; « à » folds like « a » but is a preposition.
    static func isAuxiliary(_ t: Token) -> Bool { auxiliaries.contains(t) && !isPrepositionA(t) }

    /// « à » as written: the preposition, which folds like the verb « a ».
    static func isPrepositionA(_ t: Token) -> Bool { prepositionA.contains(t.text) }
    /// The verb « a » as written (not « à »).
    static func isVerbA(_ t: Token) -> Bool { verbA.contains(t.text) }
    private static let prepositionA = Lexicon.embedded.words("shared.preposition-a.as-written")
    private static let verbA = Lexicon.embedded.words("shared.verb-a.as-written")

    /// Words that cannot start or be part of a person's name even when capitalised.
    static func isFunctionWord(_ f: String) -> Bool { functionWords.contains(f) }
    static func isFunctionWord(_ t: Token) -> Bool { functionWords.contains(t) }

    /// One set, one hash per question: the name rules ask this of most capitalised words.
    private static let functionWords = determiners.union(prepositions).union(pronouns).union(conjunctions)
        .union(Lexicon.embedded.words("shared.not-a-name"))
}
