import FrenchText

/// Money amounts about trade, exchange or investment between countries (« le commerce bilatéral
/// s'est élevé à 94,5 millions de dollars en 2024 », « porter les échanges à 500 millions de
/// dollars »), normalised (94_500_000, USD), with actual vs target and the year or period.
///
/// An amount needs a currency (« 600 Vietnamiens » is no figure) and a sentence about trade or
/// investment (a budget or a loan is not). Vague amounts (« plusieurs centaines de millions de
/// dollars ») carry no figure an analyst can use and are left out.
public struct TradeFigureExtractor: Sendable {
    public let reference: Reference
    private var currencyNames: [String: [(words: [String], code: String)]] = [:]
    private var symbols: [String: String] = [:]
    let countries: CountryGazetteer

    /// `countries` lets FactExtractor share the gazetteer it builds once.
    public init(reference: Reference, countries: CountryGazetteer? = nil) {
        self.reference = reference
        self.countries = countries ?? CountryGazetteer(reference: reference)
        for c in reference.currencies {
            for n in c.names {
                let words = Tokenizer.tokens(n).map(\.folded)
                guard let first = words.first else { continue }
                currencyNames[first, default: []].append((words, c.code))
            }
            for s in c.symbols { symbols[s] = c.code }
        }
        for k in currencyNames.keys { currencyNames[k]!.sort { $0.words.count > $1.words.count } }
    }

    public func extract(from document: Document) -> [TradeFigureFact] {
        let articleYear = document.date?.year
        var out: [TradeFigureFact] = []
        var previousWasTrade = false
        var previousParagraph = Int.min
        for (sentence, tokens) in zip(document.sentences, document.tokens) {
            let folded = tokens.map(\.folded)
            var isTrade = Self.isAboutTrade(folded)
            // Investment alone may be domestic (« les investissements publics … pour le métro », « la commune a investi
            // 20 milliards de dôngs »): public money is never a figure between countries, and local currency is one
            // only when a country or a foreign cue is named.
            var localCurrencyOnly = false
            if isTrade, !folded.contains(where: Self.exchangeWords.contains) {
                if folded.contains(where: Self.publicWords.contains) { isTrade = false }
                else if !folded.contains(where: Self.foreignWords.contains) && countries.mentions(in: tokens).isEmpty { localCurrencyOnly = true }
            }
            // « Notre objectif est d'atteindre 500 millions de dollars »: an aim stated right after a trade sentence is about that trade.
            let continues = previousWasTrade && sentence.paragraph == previousParagraph
                && (Self.refersBack(folded) || folded.contains(where: Self.aimWords.contains))
            defer { previousWasTrade = isTrade; previousParagraph = sentence.paragraph }
            guard isTrade || continues else { continue }
            let found = amounts(in: tokens).filter { !(localCurrencyOnly && $0.currency == "VND") }
            let zones = Self.zones(folded, found.map(\.tokens))
            for (money, zone) in zip(found, zones) {
                let kind = Self.kind(tokens, around: money.tokens)
                var (year, period) = Self.time(tokens, around: money.tokens, in: zone, articleYear: articleYear, kind: kind)
                // « 46 milliards en 2024 et 23 milliards depuis janvier »: a zone without a year falls back on the
                // sentence's opening year (« En 2024, … »), never on a year another amount owns.
                if year == nil, zone != zones[0], found[0].tokens.lowerBound > 0 {
                    year = Self.time(tokens, around: money.tokens, in: 0..<found[0].tokens.lowerBound, articleYear: articleYear, kind: kind).0
                }
                let fact = TradeFigureFact(amount: money.value, currency: money.currency, kind: kind, year: year,
                                           period: period, evidence: sentence.evidence)
                // The headline and the body often state one figure twice, once with its year.
                if let k = out.firstIndex(where: { $0.amount == fact.amount && $0.currency == fact.currency && $0.kind == fact.kind
                                                   && ($0.year == fact.year || $0.year == nil || fact.year == nil) }) {
                    if out[k].year == nil { out[k].year = fact.year }
                    if out[k].period == nil { out[k].period = fact.period }
                } else {
                    out.append(fact)
                }
            }
        }
        return out
    }

    struct Money { let value: Double; let currency: String; let tokens: Range<Int> }

    /// Amounts with a currency: « 94,5 millions de dollars », « 3 000 USD », « $1,2 milliard », « 500 000 € ».
    func amounts(in tokens: [Token]) -> [Money] {
        var out: [Money] = []
        var i = 0
        while i < tokens.count {
            // A percentage or a year is no amount; a number right after a currency symbol is.
            guard let reading = FrenchNumber.read(tokens, at: i) else { i += 1; continue }
            var end = reading.tokens.upperBound
            if let (code, after) = currency(after: end, in: tokens) {
                out.append(Money(value: reading.value, currency: code, tokens: i..<after))
                i = after
                continue
            }
            if i > 0, let code = symbols[tokens[i - 1].text] ?? (i > 1 ? symbols[tokens[i - 2].text + tokens[i - 1].text] : nil) {
                // « $1,2 milliard de dollars » would double the currency: the symbol wins.
                if let (_, after) = currency(after: end, in: tokens) { end = after }
                out.append(Money(value: reading.value, currency: code, tokens: (i - 1)..<end))
                i = end
                continue
            }
            // « 200 millions de dollars, contre 150 millions en 2023 »: the currency carries over.
            if reading.scaled, let last = out.last, i - last.tokens.upperBound <= 8 {
                out.append(Money(value: reading.value, currency: last.currency, tokens: reading.tokens))
            }
            i = reading.tokens.upperBound
        }
        // « 1 000 milliards de VND (40 millions de dollars) », « …, soit 40 millions de dollars »: one
        // figure stated twice; the first statement stands.
        return out.enumerated().filter { k, m in
            guard k > 0 else { return true }
            let gap = out[k - 1].tokens.upperBound..<m.tokens.lowerBound
            return !(gap.count <= 3 && gap.contains { ["(", "soit", "environ", ","].contains(tokens[$0].folded) }
                     && gap.contains { tokens[$0].folded == "(" || tokens[$0].folded == "soit" })
        }.map(\.1)
    }

    /// The currency named right after an amount (« de dollars », « d'euros », « USD », « € »).
    func currency(after j: Int, in tokens: [Token]) -> (String, Int)? {
        guard j < tokens.count else { return nil }
        if let code = symbols[tokens[j].text] { return (code, j + 1) }
        if j + 1 < tokens.count, let code = symbols[tokens[j].text + tokens[j + 1].text] { return (code, j + 2) }
        var k = j
        if tokens[k].folded == "de" || tokens[k].folded == "d'" { k += 1 }
        guard k < tokens.count, let candidates = currencyNames[tokens[k].folded] else { return nil }
        for c in candidates where k + c.words.count <= tokens.count {
            if (0..<c.words.count).allSatisfy({ tokens[k + $0].folded == c.words[$0] }) { return (c.code, k + c.words.count) }
        }
        return nil
    }

    // MARK: - Sentence cues (French grammar of trade figures, not reference data)

    /// Words that make a sentence about trade, exchange or investment between countries.
    static let tradeWords: Set<String> = [
        "commerce", "commercial", "commerciale", "commerciaux", "commerciales", "echanges", "exportations",
        "importations", "exportation", "importation", "exports", "imports", "export-import", "investissement",
        "investissements", "investisseur", "investisseurs", "investi", "investis", "investie", "investies", "ide", "capitaux",
        "exporte", "importe", "exportes", "importes", "exportees", "importees", "export", "import", "negoce",
        "marchandises",
    ]

    /// Trade words other than investment.
    static let exchangeWords: Set<String> = tradeWords.subtracting(investmentWords)
    static let investmentWords: Set<String> = ["investissement", "investissements", "investisseur", "investisseurs", "investi",
                                               "investis", "investie", "investies", "capitaux"]
    static let publicWords: Set<String> = ["public", "publics", "publique", "publiques", "budgetaire", "budgetaires", "budget"]
    static let foreignWords: Set<String> = ["etranger", "etrangers", "etrangere", "etrangeres", "ide", "fdi", "bilateral", "bilaterale",
                                            "bilateraux", "bilaterales", "partenaire", "partenaires", "exterieur", "exterieurs"]
    /// Words that state an aim.
    static let aimWords: Set<String> = ["objectif", "objectifs", "viser", "visons", "visent", "atteindre", "porter", "ambition", "cible"]

    /// Anaphors that carry the previous sentence's trade subject (« ce chiffre », « ce montant »).
    static let backWords: Set<String> = ["chiffre", "montant", "volume", "valeur", "total"]

    /// Cues that the figure is an aim: « porter … à », « objectif », « viser », « atteindre » (infinitive), « d'ici ».
    static let targetWords: Set<String> = [
        "porter", "objectif", "objectifs", "viser", "vise", "visent", "visant", "visons", "cible", "ambition",
        "d'ici", "atteindre", "devrait", "devraient", "pourrait", "pourraient", "prevoit", "prevoient", "s'efforcer",
        "s'efforcent", "esperent", "espere", "souhaitent", "porteront", "portera", "atteindra", "atteindront",
        "doubler", "tripler", "augmenter", "accroitre", "hisser", "relever", "attendre", "projettent", "viseront",
        "ambitionnent", "ambitionne", "horizon", "escomptent", "cibler", "fixer", "fixent",
    ]

    /// Cues that the figure happened: « s'est élevé à », « a atteint », « s'établit », « a dépassé ».
    static let actualWords: Set<String> = [
        "eleve", "elevee", "elevees", "eleves", "s'eleve", "s'elevent", "atteint", "atteinte",
        "s'etablit", "s'etablissait", "etabli", "depasse", "depassant", "totalise", "represente", "representait",
        "enregistre", "enregistree", "affiche", "actuel", "actuellement", "etait", "fut", "ete", "culmine",
        "hausse", "baisse", "augmente", "progresse", "recule", "contre",
    ]

    static func isAboutTrade(_ folded: [String]) -> Bool { folded.contains(where: tradeWords.contains) }

    static func refersBack(_ folded: [String]) -> Bool {
        folded.indices.contains { i in backWords.contains(folded[i]) && i > 0 && ["ce", "cet", "cette", "ces", "le", "la"].contains(folded[i - 1]) }
    }

    /// The kind the nearest cue before the amount gives (« s'est chiffré à », « porter … à »); when none
    /// precedes it, a cue in the amount's own phrase after it (« … d'ici 2030 »). A later clause (« , qui
    /// pourrait progresser », « et les deux parties visent à le doubler ») speaks of what comes next and
    /// does not retag an amount already stated.
    static func kind(_ tokens: [Token], around r: Range<Int>) -> TradeKind {
        let folded = tokens.map(\.folded)
        if isStock(folded, before: r.lowerBound) { return .other }
        for i in stride(from: r.lowerBound - 1, through: 0, by: -1) {
            if targetWords.contains(folded[i]) { return .target }
            if actualWords.contains(folded[i]) || isPerfect(tokens, i) { return .actual }
        }
        for i in r.upperBound..<folded.count {
            if tokens[i].isPunctuation && tokens[i].text != "-" || clauseWords.contains(folded[i]) { break }
            if targetWords.contains(folded[i]) { return .target }
            if actualWords.contains(folded[i]) { return .actual }
        }
        return .actual
    }

    /// An accumulated stock, not a flow of a year or period: « un capital cumulé de 85 milliards », « 2 000
    /// projets totalisant 6,9 milliards », « des projets d'une valeur totale de… ».
    static func isStock(_ f: [String], before i: Int) -> Bool {
        let window = max(0, i - 6)..<i
        if window.contains(where: { f[$0].hasPrefix("cumul") }) { return true }
        guard let projects = window.last(where: { f[$0] == "projets" }) else { return false }
        return (projects..<i).contains { ["totalisant", "totale", "total"].contains(f[$0]) }
    }

    /// Words that open a new clause after an amount.
    static let clauseWords: Set<String> = ["et", "qui", "que", "mais", "tandis", "alors", "dont", "ou"]

    /// A past participle after a present auxiliary (« s'est chiffré », « ont totalisé », « a généré »): a
    /// figure already reached. « à » folds like « a » but is a preposition.
    static func isPerfect(_ tokens: [Token], _ i: Int) -> Bool {
        guard i > 0 else { return false }
        let aux = tokens[i - 1]
        guard ["est", "sont", "a", "ont"].contains(aux.folded), aux.text != "à", aux.text != "À" else { return false }
        let f = tokens[i].folded
        return ["e", "es", "ee", "ees", "i", "is", "u", "us"].contains { f.hasSuffix($0) } && f.utf8.count > 3
    }

    /// The stretch of the sentence each amount owns for its year and period: from the end of the previous
    /// amount to the start of the next. A year between two amounts goes to the one it follows (« 46 milliards
    /// en 2024 et 23 milliards… »), unless it opens a clause for the next (« …; en 2024, 23 milliards »).
    static func zones(_ f: [String], _ amounts: [Range<Int>]) -> [Range<Int>] {
        guard amounts.count > 1 else { return amounts.isEmpty ? [] : [0..<f.count] }
        var bounds: [Int] = [0]
        for k in 1..<amounts.count {
            let gap = amounts[k - 1].upperBound..<amounts[k].lowerBound
            var cut = gap.upperBound
            for i in gap where i >= 2 && i + 1 < f.count && year(f[i]) != nil && f[i - 1] == "en" && f[i + 1] == ","
                && [",", ";", "et", "puis"].contains(f[i - 2]) {
                cut = i - 1
                break
            }
            bounds.append(cut)
        }
        bounds.append(f.count)
        return amounts.indices.map { k in min(bounds[k], amounts[k].lowerBound)..<max(bounds[k + 1], amounts[k].upperBound) }
    }

    // MARK: - Year and period

    static let months: [String: Int] = [
        "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
        "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    ]

    /// The year nearest to the amount in its sentence (« En 2016, … », « … en 2024 », « d'ici 2030 »,
    /// « l'an dernier »), and a period when the sentence states one (« les neuf premiers mois de 2025 »
    /// → 2025-01/2025-09, « 2016-2020 », « premier semestre »).
    static func time(_ tokens: [Token], around r: Range<Int>, in zone: Range<Int>, articleYear: Int?, kind: TradeKind) -> (Int?, String?) {
        let f = tokens.map(\.folded)
        var best: (distance: Int, year: Int)?
        var period: String?
        func consider(_ year: Int, at i: Int) {
            let d = i < r.lowerBound ? r.lowerBound - i : i - r.upperBound + 1
            if best == nil || d < best!.distance { best = (d, year) }
        }
        for i in zone where !r.contains(i) {
            let t = f[i]
            if let y = year(t) {
                // « depuis 1992 », « dès 2016 » date something else than the figure.
                if i > 0, ["depuis", "des"].contains(f[i - 1]) { continue }
                consider(y, at: i)
                if let p = periodBefore(f, yearAt: i, year: y) { period = p }
                // « entre 2016 et 2020 »
                if i >= 1, f[i - 1] == "entre", i + 2 < f.count, f[i + 1] == "et", let y2 = year(f[i + 2]) { period = "\(y)-\(y2)" }
            } else if t.utf8.count == 9, t.contains("-"), let y1 = year(String(t.prefix(4))), let y2 = year(String(t.suffix(4))) {
                period = "\(y1)-\(y2)"
                consider(kind == .target ? y2 : y1, at: i)
            } else if articleYear != nil, i + 1 < f.count {
                // « l'an dernier », « l'année dernière », « cette année »
                if (t == "an" || t == "annee") && (f[i + 1] == "dernier" || f[i + 1] == "derniere" || f[i + 1] == "precedente") {
                    consider(articleYear! - 1, at: i)
                } else if (t == "cette" || t == "cet") && (f[i + 1] == "annee" || f[i + 1] == "an") {
                    consider(articleYear!, at: i)
                } else if (t == "semestre" || t == "trimestre"), i > 0, !(i + 1 < f.count && year(f[i + 1]) != nil),
                          !(i + 2 < f.count && ["de", "du"].contains(f[i + 1]) && (year(f[i + 2]) != nil || f[i + 2] == "l'" || f[i + 2] == "cette")),
                          let p = periodBefore(f, yearAt: i + 1, year: articleYear!) {
                    // « au premier semestre », with no year: this year's.
                    consider(articleYear!, at: i)
                    if period == nil { period = p }
                } else if t == "debut" && i + 2 < f.count && f[i + 1] == "de" && f[i + 2] == "l'" && i + 3 < f.count && f[i + 3] == "annee" {
                    // « depuis le début de l'année »: the article's year so far.
                    consider(articleYear!, at: i)
                }
            }
        }
        // A period spanning years says nothing about one year.
        if let p = period, p.utf8.count == 9, !p.contains("/") { return (kind == .target ? best?.year : nil, p) }
        return (best?.year, period)
    }

    static func year(_ t: String) -> Int? {
        guard t.utf8.count == 4, t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let y = Int(t), (1945...2100).contains(y) else { return nil }
        return y
    }

    /// « les neuf premiers mois de 2025 », « au premier semestre 2025 », « de janvier à septembre 2025 ».
    static func periodBefore(_ f: [String], yearAt i: Int, year y: Int) -> String? {
        let window = f[max(0, i - 6)..<i]
        let w = Array(window)
        func range(_ a: Int, _ b: Int) -> String { String(format2(y, a)) + "/" + format2(y, b) }
        if let m = w.firstIndex(of: "mois"), m > 1, w[m - 1] == "premiers" {
            let n = FrenchNumber.word(w[m - 2]) ?? FrenchNumber.parse(w[m - 2]) ?? 0
            if n >= 1 && n <= 12 { return range(1, Int(n)) }
        }
        if let s = w.firstIndex(where: { $0 == "semestre" }), s > 0 {
            if ["premier", "1er"].contains(w[s - 1]) { return range(1, 6) }
            if ["second", "deuxieme", "2e"].contains(w[s - 1]) { return range(7, 12) }
        }
        if let s = w.firstIndex(where: { $0 == "trimestre" }), s > 0 {
            switch w[s - 1] {
            case "premier", "1er": return range(1, 3)
            case "deuxieme", "second", "2e": return range(4, 6)
            case "troisieme", "3e": return range(7, 9)
            case "quatrieme", "dernier", "4e": return range(10, 12)
            default: break
            }
        }
        // « de janvier à septembre 2025 »
        if w.count >= 3, let m2 = months[w[w.count - 1]], w[w.count - 2] == "a", let m1 = months[w[w.count - 3]], m1 < m2 {
            return range(m1, m2)
        }
        return nil
    }

    static func format2(_ y: Int, _ m: Int) -> String { "\(y)-" + (m < 10 ? "0\(m)" : "\(m)") }
}
