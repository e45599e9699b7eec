import FrenchText

/// Money amounts about trade, exchange or investment between countries (« le commerce bilatéral
/// s'est élevé à 61,3 millions de dollars en 2022 », « porter les échanges à 500 millions de
/// dollars »), normalised (94_500_000, USD), with actual vs target and the year or period.
///
/// An amount needs a currency (« 600 Vietnamiens » is no figure) and a sentence about trade or
/// investment (a budget or a loan is not). Vague amounts (« quelques dizaines de millions de
/// dollars ») carry no figure an analyst can use and are left out.
package struct TradeFigureExtractor: Sendable {
    package let reference: Reference
    /// Currency names (« dollars », « dollars américains ») → ISO code.
    private var currencyNames = PhraseMatcher<String>()
    private var symbols: [String: String] = [:]
    let countries: CountryGazetteer
    /// Provinces and cities (seeds/reference/places.tsv): a figure of one of them is regional.
    let places: PhraseMatcher<String>
    let organisations: PhraseMatcher<String>

    /// `countries` lets FactExtractor share the gazetteer it builds once.
    package init(reference: Reference, countries: CountryGazetteer? = nil) {
        self.reference = reference
        self.countries = countries ?? CountryGazetteer(reference: reference)
        for c in reference.currencies {
            for n in c.names { currencyNames.add(n, c.code, label: "currency") }
            for s in c.symbols { symbols[s] = c.code }
        }
        var p = PhraseMatcher<String>()
        for place in reference.places where place.kind != "institution" {
            for n in [place.name] + place.aliases { p.add(n, place.iso2) }
        }
        places = p
        organisations = AnalysedDocument.organisationGazetteer(reference)
    }

    package func extract(from document: Document) -> [TradeFigureFact] {
        extract(AnalysedDocument(document: document, countries: countries, organisations: organisations))
    }

    func extract(_ doc: AnalysedDocument) -> [TradeFigureFact] {
        let document = doc.document
        var out: [TradeFigureFact] = []
        var previousWasTrade = false
        var previousFacts: [TradeFigureFact] = []
        var previousParagraph = Int.min
        for s in doc.sentences {
            let sentence = s.sentence
            let tokens = Tokenizer.separatingGluedNumbers(s.tokens)
            var isTrade = Self.tradeWords.containsAny(of: tokens)
            // Investment alone may be domestic (« les investissements publics … pour le métro », « la commune a investi
            // 20 milliards de dôngs »): public money is never a figure between countries, and local currency is one
            // only when a country or a foreign cue is named.
            var localCurrencyOnly = false
            if isTrade, !Self.exchangeWords.containsAny(of: tokens) {
                if Self.publicWords.containsAny(of: tokens) { isTrade = false }
                else if !Self.foreignWords.containsAny(of: tokens) && countries.mentions(in: tokens).isEmpty { localCurrencyOnly = true }
            }
            let afterTrade = previousWasTrade && sentence.paragraph == previousParagraph
            // Most sentences neither are about trade nor follow one: their words are not copied.
            let folded = isTrade || afterTrade ? tokens.map(\.folded) : []
            // « Le but est d'arriver à 700 millions de dollars »: an aim stated right after a trade sentence is about that trade.
            let continues = afterTrade && (Self.refersBack(folded) || folded.contains(where: Self.aimWords.contains))
            defer { previousWasTrade = isTrade; previousParagraph = sentence.paragraph; if !isTrade { previousFacts = [] } }
            guard isTrade || continues else { continue }
            let found = amounts(in: tokens).filter { !(localCurrencyOnly && $0.currency == "VND") }
            guard !found.isEmpty else { continue }
            // Periods first: the year inside « les neuf premiers mois de 2025 » is the period's, not a point of its own.
            let periods = FrenchDate.periods(in: tokens, anchor: document.date)
            let dates = (periods + FrenchDate.mentions(in: tokens, anchor: document.date).filter { m in
                !periods.contains { $0.tokens.overlaps(m.tokens) }
            }).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
            let zones = Self.zones(folded, found.map(\.tokens), dates)
            let (who, scope) = traders(s, doc)
            var sentenceFacts: [TradeFigureFact] = []
            for (money, zone) in zip(found, zones) {
                var (kind, rule) = Self.kind(tokens, around: money.tokens)
                if kind != .other, Self.isInvestment(folded, around: money.tokens) { (kind, rule) = (.other, "trade.investment") }
                if kind == .actual, Self.isBalance(folded, before: money.tokens.lowerBound) { (kind, rule) = (.other, "trade.balance") }
                var (year, period) = Self.time(tokens, dates, around: money.tokens, in: zone, kind: kind)
                // « 46 milliards en 2024 et 23 milliards depuis janvier »: a zone without a year falls back on the
                // sentence's opening year (« En 2024, … »), never on a year another amount owns.
                // « De janvier à octobre, les exportations ont atteint 7 milliards, tandis que les importations … »:
                // its opening period too.
                if year == nil, zone != zones[0], found[0].tokens.lowerBound > 0 {
                    let opening = Self.time(tokens, dates, around: money.tokens, in: 0..<found[0].tokens.lowerBound, kind: kind)
                    year = opening.0
                    if period == nil { period = opening.1 }
                }
                // « 4 milliards en 2024, dont 3 milliards d'exportations »: a part of the figure before has its time.
                if year == nil, period == nil, let last = sentenceFacts.last, (max(0, money.tokens.lowerBound - 2)..<money.tokens.lowerBound).contains(where: { Self.partWords.contains(folded[$0]) }) {
                    (year, period) = (last.year, last.period)
                }
                // « En 2024, les échanges ont atteint 4 milliards. Les exportations se sont élevées à 3 milliards »:
                // the flows told right after a dated total, with no time of their own, are of its year.
                if year == nil, period == nil, kind == .actual, afterTrade, let last = previousFacts.last,
                   last.kind == .actual, last.year != nil || last.period != nil,
                   (0..<money.tokens.lowerBound).contains(where: { Self.flowWords.contains(folded[$0]) }) {
                    (year, period) = (last.year, last.period)
                }
                // « Les échanges avec l'ASEAN ont atteint 80 milliards la même année »: the year of the figure before.
                if year == nil, period == nil, Self.saysSameYear(folded), let last = sentenceFacts.last ?? (afterTrade ? previousFacts.last : nil) {
                    year = last.year
                }
                if continues && !isTrade { rule = "trade.aim-after-trade" }
                let fact = TradeFigureFact(amount: money.value, currency: money.currency, kind: kind, year: year,
                                           period: period, countries: who, scope: scope, evidence: sentence.evidence(rule))
                sentenceFacts.append(fact)
                // The headline and the body often state one figure twice, once with its year.
                if let k = out.firstIndex(where: { $0.amount == fact.amount && $0.currency == fact.currency && $0.kind == fact.kind
                                                   && ($0.year == fact.year || $0.year == nil || fact.year == nil) }) {
                    if out[k].year == nil { out[k].year = fact.year }
                    if out[k].period == nil { out[k].period = fact.period }
                    if out[k].countries.isEmpty { out[k].countries = fact.countries; out[k].scope = fact.scope }
                } else {
                    out.append(fact)
                }
            }
            previousFacts = sentenceFacts
        }
        return out
    }

    /// Who trades, read from the figure's sentence. An organisation named as the partner (« le commerce
    /// avec l'ASEAN », « entre le Vietnam et l'UEEA ») makes a bloc figure; a province or city named as the
    /// trader (« les exportations de la province de Lào Cai vers la Chine ») a regional one; otherwise the
    /// countries the sentence names, completed by those the article is most about, trade bilaterally.
    /// « bilatéral » and « les deux pays » always mean the pair.
    func traders(_ s: AnalysedSentence, _ doc: AnalysedDocument) -> ([String], TradeScope?) {
        let t = s.tokens
        let f = t.map(\.folded)
        let pairWords = f.indices.contains { i in
            Self.bilateralWords.contains(f[i]) || (Self.pairCount.contains(f[i]) && i + 1 < f.count && Self.pairNouns.contains(f[i + 1]))
        }
        var named: [String] = []
        for c in s.countries where !named.contains(c.iso2) { named.append(c.iso2) }
        let rank = { (x: String) in doc.countryRank.firstIndex(of: x) ?? Int.max }
        if named.count > 2 { named = Array(named.sorted { rank($0) < rank($1) }.prefix(2)) }
        func completed(_ n: Int) -> [String] {
            var out = named
            for x in doc.countryRank where out.count < n && !out.contains(x) { out.append(x) }
            return out
        }
        // A partner follows « avec », « et », « entre », « vers », « de » + a trade noun, or a hyphen (« Vietnam-ASEAN »).
        func partner(_ i: Int) -> Bool {
            var k = i - 1
            while k >= 0, FrenchWords.determiners.contains(f[k]) { k -= 1 }
            // « entre le Vietnam et les pays de l'ASEAN »: the members stand for the bloc.
            if k >= 1, Self.traderOf.contains(f[k]), Self.memberNouns.contains(f[k - 1]) {
                k -= 2
                while k >= 0, FrenchWords.determiners.contains(f[k]) || Self.memberNouns.contains(f[k]) || Self.memberQualifiers.contains(f[k]) { k -= 1 }
            }
            guard k >= 0 else { return false }
            return Self.partnerWords.contains(f[k]) || t[k].text == "-"
        }
        if !pairWords, let org = s.organisations.first(where: { partner($0.tokens.lowerBound) }), named.count < 2 {
            return (Array(completed(1).prefix(1)) + [org.code], .bloc)
        }
        if !pairWords, let home = regionalTrader(t) {
            if !home.isEmpty, !named.contains(home) { named.insert(home, at: 0) }
            return (completed(2).sorted(), .regional)
        }
        // Stored and exported in this order (the database keeps the pair sorted).
        let pair = completed(2).sorted()
        return (pair, pair.count == 2 ? .bilateral : nil)
    }

    /// The country of a province or city trading on its own: « la province de X », « la ville de X »,
    /// « l'oblast de X » or a known province or city (seeds/reference/places.tsv) named as a trader
    /// (« entre la province de X et … », « les exportations de X »). A place where something happens
    /// (« à Da Nang », « le Comité populaire de X ») trades nothing. "" when the country is unknown.
    func regionalTrader(_ t: [Token]) -> String? {
        let f = t.map(\.folded)
        func trades(_ i: Int) -> Bool {
            var k = i - 1
            while k >= 0, FrenchWords.determiners.contains(f[k]) { k -= 1 }
            // « La province de X a exporté … », « Les provinces de X et de Y ont réalisé des échanges … »:
            // the subject of the figure's sentence trades.
            guard k >= 0 else { return true }
            if Self.partnerWords.contains(f[k]) { return true }
            return Self.traderOf.contains(f[k]) && k > 0 && Self.tradeWords.contains(f[k - 1])
        }
        for m in places.matches(in: t) where t[m.tokens.lowerBound].isCapitalized {
            let i = m.tokens.lowerBound
            if trades(i) { return m.payload }
            // « la province de X »: the place noun is the trader.
            if i >= 2, Self.placeOf.contains(f[i - 1]), Self.regionNouns.contains(f[i - 2]), trades(i - 2) { return m.payload }
        }
        for i in t.indices.dropLast(2) where Self.regionNouns.contains(f[i]) && trades(i) {
            var k = i + 1
            if !FrenchWords.isFunctionWord(f[k]) && !t[k].isCapitalized { k += 1 }   // « la province chinoise du Yunnan »
            if k + 1 < t.count, Self.placeOf.contains(f[k]), t[k + 1].isCapitalized { return "" }
            // « les échanges entre la ville et le Chili »: the city or province the article is about.
            if Self.localNouns.contains(f[i]), i > 0, Self.anaphorDeterminers.contains(f[i - 1]), !Self.placeOf.contains(f[i + 1]) { return "" }
        }
        return nil
    }

    static let bilateralWords = Lexicon.embedded.words("trade.bilateral")
    static let pairCount = Lexicon.embedded.words("trade.pair-count")
    static let pairNouns = Lexicon.embedded.words("trade.pair-noun")
    static let partnerWords = Lexicon.embedded.words("trade.partner")
    static let memberNouns = Lexicon.embedded.words("trade.member-noun")
    static let traderOf = Lexicon.embedded.words("trade.trader-of")
    static let placeOf = Lexicon.embedded.words("trade.place-of")
    static let regionNouns = Lexicon.embedded.words("trade.region-noun")
    static let localNouns = Lexicon.embedded.words("trade.local-noun")
    static let anaphorDeterminers = Lexicon.embedded.words("trade.anaphor-determiner")

    struct Money { let value: Double; let currency: String; let tokens: Range<Int> }

    /// Amounts with a currency: « 61,3 millions de dollars », « 3 000 USD », « $2,4 milliards », « 500 000 € ».
    func amounts(in tokens: [Token]) -> [Money] {
        var out: [Money] = []
        var pending: [FrenchNumber.Reading] = []
        var i = 0
        while i < tokens.count {
            // A percentage or a year is no amount; a number right after a currency symbol is.
            guard let reading = FrenchNumber.read(tokens, at: i) else { i += 1; continue }
            // A signed figure (« un solde de -5 milliards ») is a balance or a change, not an amount
            // of trade: it is not read as one (it used to be stored without its sign).
            if reading.value < 0 { i = reading.tokens.upperBound; continue }
            var end = reading.tokens.upperBound
            if let (code, after) = currency(after: end, in: tokens) {
                out.append(Money(value: reading.value, currency: code, tokens: i..<after))
                i = after
                continue
            }
            if i > 0, let code = symbols[tokens[i - 1].text] ?? (i > 1 ? symbols[tokens[i - 2].text + tokens[i - 1].text] : nil) {
                // « $2,4 milliards de dollars » would double the currency: the symbol wins.
                if let (_, after) = currency(after: end, in: tokens) { end = after }
                out.append(Money(value: reading.value, currency: code, tokens: (i - 1)..<end))
                i = end
                continue
            }
            // « 200 millions de dollars, contre 150 millions en 2023 »: the currency carries over.
            if reading.scaled, let last = out.last, i - last.tokens.upperBound <= 16 {
                out.append(Money(value: reading.value, currency: last.currency, tokens: reading.tokens))
            } else if reading.scaled {
                pending.append(reading)
            }
            i = reading.tokens.upperBound
        }
        // « 9 milliards d'échanges en 2020 et 11 milliards de dollars en 2021 »: a bare scaled amount takes
        // the currency of the next amount of its sentence.
        for p in pending {
            guard let next = out.first(where: { $0.tokens.lowerBound >= p.tokens.upperBound }),
                  next.tokens.lowerBound - p.tokens.upperBound <= 16 else { continue }
            out.append(Money(value: p.value, currency: next.currency, tokens: p.tokens))
        }
        out.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        // « 1 000 milliards de VND (40 millions de dollars) », « …, soit 40 millions de dollars »: one
        // figure stated twice; the first statement stands.
        return out.enumerated().filter { k, m in
            guard k > 0 else { return true }
            let gap = out[k - 1].tokens.upperBound..<m.tokens.lowerBound
            return !(gap.count <= 3 && gap.contains { Self.restatementGap.contains(tokens[$0]) }
                     && gap.contains { Self.restatement.contains(tokens[$0]) })
        }.map(\.1)
    }

    /// The currency named right after an amount (« de dollars », « d'euros », « USD », « € »).
    func currency(after j: Int, in tokens: [Token]) -> (String, Int)? {
        guard j < tokens.count else { return nil }
        if let code = symbols[tokens[j].text] { return (code, j + 1) }
        if j + 1 < tokens.count, let code = symbols[tokens[j].text + tokens[j + 1].text] { return (code, j + 2) }
        var k = j
        if Self.currencyOf.contains(tokens[k]) { k += 1 }
        guard let m = currencyNames.match(at: k, in: tokens) else { return nil }
        return (m.payload, m.tokens.upperBound)
    }

    // MARK: - Sentence cues (French grammar of trade figures, not reference data)

    /// Words that make a sentence about trade, exchange or investment between countries.
    static let tradeWords = Lexicon.embedded.words("trade.word").union(investmentWords)

    /// Trade words other than investment.
    static let exchangeWords = Lexicon.embedded.words("trade.word")
    static let investmentWords = Lexicon.embedded.words("trade.investment")
    static let publicWords = Lexicon.embedded.words("trade.public")
    static let foreignWords = Lexicon.embedded.words("trade.foreign")
    /// Words that state an aim.
    static let aimWords = Lexicon.embedded.words("trade.aim")

    /// Anaphors that carry the previous sentence's trade subject (« ce chiffre », « ce montant »).
    static let backWords = Lexicon.embedded.words("trade.back-noun")
    static let backDeterminers = Lexicon.embedded.words("trade.back-determiner")
    static let backPronouns = Lexicon.embedded.words("trade.back-pronoun")
    static let backVerbs = Lexicon.embedded.words("trade.back-verb")
    static let sameWords = Lexicon.embedded.words("trade.same")

    /// Cues that the figure is an aim: « porter … à », « objectif », « viser », « atteindre » (infinitive), « d'ici ».
    static let targetWords = Lexicon.embedded.words("trade.target-cue")

    /// Cues that the figure happened: « s'est élevé à », « a atteint », « s'établit », « a dépassé ».
    static let actualWords = Lexicon.embedded.words("trade.actual-cue")
    static let purposeWords = Lexicon.embedded.words("trade.purpose")
    static let enablingWords = Lexicon.embedded.words("trade.enabling")
    static let infinitiveLeads = Lexicon.embedded.words("trade.infinitive-lead")
    static let restatement = Lexicon.embedded.words("trade.restatement")
    static let restatementGap = Lexicon.embedded.words("trade.restatement-gap")
    static let currencyOf = Lexicon.embedded.words("trade.of")
    static let clauseEnds = Lexicon.embedded.words("trade.clause-end")
    static let perfectAuxiliaries = Lexicon.embedded.words("trade.perfect-auxiliary")
    static let stockTotals = Lexicon.embedded.words("trade.stock-total")
    static let projectWords = Lexicon.embedded.words("trade.projects")
    static let sinceWords = Lexicon.embedded.words("trade.since")
    static let comparisonWords = Lexicon.embedded.words("trade.comparison")
    static let articleDes = Lexicon.embedded.words("trade.article-des.as-written")
    static let participleEndings = Lexicon.embedded.words("trade.participle-ending")
    static let betweenWords = Lexicon.embedded.words("trade.between")
    static let andWords = Lexicon.embedded.words("trade.and")
    static let yearNouns = Lexicon.embedded.words("trade.year-noun")
    static let amountJoiners = Lexicon.embedded.words("trade.amount-joiner")
    static let relativeWords = Lexicon.embedded.words("trade.relative")
    static let memberQualifiers = Lexicon.embedded.words("trade.member-qualifier")
    static let thatWords = Lexicon.embedded.words("trade.that")

    static func isAboutTrade(_ folded: [String]) -> Bool { folded.contains(where: tradeWords.contains) }

    /// « Ce chiffre s'est établi à … »; « En 2024, ils se sont chiffrés à … » (a plural pronoun subject of a verb of amount).
    static func refersBack(_ folded: [String]) -> Bool {
        folded.indices.contains { i in
            (backWords.contains(folded[i]) && i > 0 && backDeterminers.contains(folded[i - 1]))
                || (backPronouns.contains(folded[i]) && (i + 1..<min(folded.count, i + 4)).contains { backVerbs.contains(folded[$0]) })
        }
    }

    /// « la même année »: the year of the figure told before.
    static func saysSameYear(_ folded: [String]) -> Bool {
        folded.indices.dropLast().contains { sameWords.contains(folded[$0]) && yearNouns.contains(folded[$0 + 1]) }
    }

    /// The kind the nearest cue before the amount gives (« s'est chiffré à », « porter … à »); when none
    /// precedes it, a cue in the amount's own phrase after it (« … d'ici 2030 »). A later clause (« , qui
    /// pourrait progresser », « et les deux pays comptent le tripler ») speaks of what comes next and
    /// does not retag an amount already stated. The second value is the rule id of the evidence.
    static func kind(_ tokens: [Token], around r: Range<Int>) -> (TradeKind, String) {
        let folded = tokens.map(\.folded)
        if isStock(folded, before: r.lowerBound) { return (.other, "trade.stock") }
        var i = r.lowerBound
        while i > 0 {
            i -= 1
            // « porter les échanges, qui ont atteint 2 milliards en 2023, à 5 milliards »: a relative clause
            // closed before the amount tells another figure; the cue is before it.
            if tokens[i].text == ",", let open = (0..<i).last(where: { tokens[$0].text == "," }),
               relativeWords.contains(folded[open + 1]) { i = open; continue }
            if targetWords.contains(folded[i]) {
                // « a augmenté de 20 % pour atteindre 3 milliards »: the infinitive of purpose after a
                // finished change states the result, not an aim.
                // The change is in the clause of « pour »: « a souhaité que les deux pays coopèrent pour porter les
                // échanges à … » is a wish, « a indiqué que les échanges ont augmenté de 20 % pour atteindre … » a result.
                if i > 0, purposeWords.contains(folded[i - 1]) {
                    let clause = ((0..<(i - 1)).last(where: { thatWords.contains(folded[$0]) }).map { $0 + 1 } ?? 0)..<(i - 1)
                    if clause.contains(where: { actualWords.contains(folded[$0]) || isPerfect(tokens, $0) }) {
                        return (.actual, "trade.result-infinitive")
                    }
                }
                // « l'accord a permis aux échanges d'atteindre 2 milliards »: what a finished enabling led to.
                // The verb is in the same clause, a few words before (its object between).
                if i > 1, infinitiveLeads.contains(folded[i - 1]),
                   let j = (max(0, i - 12)..<(i - 1)).last(where: { enablingWords.contains(folded[$0]) }),
                   isPerfect(tokens, j), !(j..<i).contains(where: { tokens[$0].isPunctuation && tokens[$0].text != "'" && tokens[$0].text != "’" }) {
                    return (.actual, "trade.result-infinitive")
                }
                return (.target, "trade.target")
            }
            if actualWords.contains(folded[i]) || isPerfect(tokens, i) { return (.actual, "trade.actual") }
        }
        for i in r.upperBound..<folded.count {
            if tokens[i].isPunctuation && tokens[i].text != "-" || clauseWords.contains(folded[i]) { break }
            if targetWords.contains(folded[i]) { return (.target, "trade.target-after") }
            if actualWords.contains(folded[i]) { return (.actual, "trade.actual-after") }
        }
        return (.actual, "trade.amount")
    }

    /// Investment, aid or loans rather than trade: the money noun nearest before the amount in its
    /// clause (« un capital social de 2 milliards », « des projets d'une valeur totale de 300 millions »,
    /// « une APD de 50 millions »), else right after it (« 3 milliards d'investissements »). Trade nouns
    /// win when nearer (« avec des investissements en hausse, le commerce a atteint 4 milliards »).
    static func isInvestment(_ f: [String], around r: Range<Int>) -> Bool {
        for i in stride(from: r.lowerBound - 1, through: 0, by: -1) {
            if clauseEnds.contains(f[i]) { break }
            if exchangeWords.contains(f[i]) { return false }
            if investmentWords.contains(f[i]) || fundingWords.contains(f[i]) { return true }
        }
        for i in r.upperBound..<min(f.count, r.upperBound + 3) {
            if exchangeWords.contains(f[i]) { return false }
            if investmentWords.contains(f[i]) || fundingWords.contains(f[i]) { return true }
        }
        return false
    }

    /// Money that is not trade: capital, projects, aid, loans, credit.
    static let fundingWords = Lexicon.embedded.words("trade.funding")

    /// A balance, not a volume: « un excédent commercial de 2 milliards », « le déficit s'est creusé à … ».
    /// The balance noun is the nearest money noun before the amount in its clause.
    static func isBalance(_ f: [String], before i: Int) -> Bool {
        for k in stride(from: i - 1, through: max(0, i - 8), by: -1) {
            if clauseEnds.contains(f[k]) { break }
            if balanceWords.contains(f[k]) { return true }
            if exchangeWords.contains(f[k]) && !Self.commercialAdjectives.contains(f[k]) { return false }
        }
        return false
    }
    static let balanceWords = Lexicon.embedded.words("trade.balance")
    static let partWords = Lexicon.embedded.words("trade.part")
    static let flowWords = Lexicon.embedded.words("trade.flow")
    static let commercialAdjectives = Lexicon.embedded.words("trade.commercial-adjective")

    /// An accumulated stock, not a flow of a year or period: « un capital cumulé de 85 milliards », « 1 500
    /// projets totalisant 4,1 milliards », « des projets d'une valeur totale de… ».
    static func isStock(_ f: [String], before i: Int) -> Bool {
        let window = max(0, i - 6)..<i
        if window.contains(where: { f[$0].hasPrefix("cumul") }) { return true }
        guard let projects = window.last(where: { projectWords.contains(f[$0]) }) else { return false }
        return (projects..<i).contains { stockTotals.contains(f[$0]) }
    }

    /// Words that open a new clause after an amount.
    static let clauseWords = Lexicon.embedded.words("trade.clause-start")

    /// A past participle after a present auxiliary (« s'est chiffré », « ont totalisé », « a généré »): a
    /// figure already reached. « à » folds like « a » but is a preposition.
    static func isPerfect(_ tokens: [Token], _ i: Int) -> Bool {
        guard i > 0 else { return false }
        let aux = tokens[i - 1]
        // « ils sont tous membres »: a pronoun after the auxiliary is no participle.
        guard perfectAuxiliaries.contains(aux), !FrenchWords.isPrepositionA(aux), !FrenchWords.isFunctionWord(tokens[i]) else { return false }
        let f = tokens[i].folded
        return Self.participleEndings.contains { f.hasSuffix($0) } && f.utf8.count > 3
    }

    /// The stretch of the sentence each amount owns for its year and period: from the end of the previous
    /// amount to the start of the next. A date between two amounts goes to the one it follows (« 46 milliards
    /// en 2024 et 23 milliards… »), unless it opens a clause for the next: a conjunction, the time phrase, a
    /// comma, then the amount (« …; en 2024, 23 milliards », « … et les six premiers mois de 2025, environ 2 milliards »).
    static func zones(_ f: [String], _ amounts: [Range<Int>], _ dates: [DateMention]) -> [Range<Int>] {
        guard amounts.count > 1 else { return amounts.isEmpty ? [] : [0..<f.count] }
        var bounds: [Int] = [0]
        for k in 1..<amounts.count {
            let gap = amounts[k - 1].upperBound..<amounts[k].lowerBound
            var cut = gap.upperBound
            for d in dates where gap.contains(d.tokens.lowerBound) && d.tokens.upperBound < amounts[k].lowerBound {
                let e = d.tokens.upperBound
                guard f[e] == ",", amounts[k].lowerBound - e <= 4 else { continue }
                if let c = stride(from: d.tokens.lowerBound - 1, through: gap.lowerBound, by: -1)
                    .first(where: { amountJoiners.contains(f[$0]) }) {
                    cut = c + 1
                    break
                }
            }
            bounds.append(cut)
        }
        bounds.append(f.count)
        return amounts.indices.map { k in min(bounds[k], amounts[k].lowerBound)..<max(bounds[k + 1], amounts[k].upperBound) }
    }

    // MARK: - Year and period

    /// The year nearest to the amount in its zone, read by FrenchDate (« En 2016, … », « … en 2024 »,
    /// « d'ici 2030 », « l'an dernier », « jusqu'en octobre 2021 »), and a period when one is stated
    /// (« les neuf premiers mois de 2025 » → 2025-01/2025-09, « 2016-2020 », « au premier semestre »).
    /// A day or month with no year written (« le 20 novembre ») dates the event told, not the figure.
    static func time(_ tokens: [Token], _ dates: [DateMention], around r: Range<Int>, in zone: Range<Int>, kind: TradeKind) -> (Int?, String?) {
        let f = tokens.map(\.folded)
        var best: (distance: Int, year: Int)?
        var period: String?
        /// The nearest point year, apart from the periods: « 15 milliards en 2024, et … le plan d'action pour
        /// la période 2024-2027 » is 2024's figure, the period is the plan's.
        var point: Int?
        var periodAt = 0
        func distance(_ i: Int) -> Int { i < r.lowerBound ? r.lowerBound - i : i - r.upperBound + 1 }
        func consider(_ year: Int, at i: Int) {
            let d = distance(i)
            if best == nil || d < best!.distance { best = (d, year) }
        }
        for d in dates where zone.contains(d.tokens.lowerBound) && !r.overlaps(d.tokens) {
            guard let start = d.start else { continue }
            let i = d.tokens.lowerBound
            let writesYear = d.tokens.contains { isYear(f[$0]) } || d.tokens.contains { yearNouns.contains(f[$0]) }
            guard d.kind == .period || writesYear else { continue }
            // « depuis 1992 », « dès 2016 » date something else than the figure.
            if d.kind != .period, i > 0, sinceWords.contains(f[i - 1]), !Self.articleDes.contains(tokens[i - 1].text) { continue }
            // « en hausse de 20 % par rapport à la même période de l'an dernier »: the baseline's year.
            if d.kind != .period, (max(zone.lowerBound, i - 7)..<i).contains(where: { comparisonWords.contains(f[$0]) }) { continue }
            if d.kind == .period, let e = d.end {
                periodAt = distance(i)
                if start.month != nil {
                    period = "\(start)/\(e)"
                    consider(start.year, at: i)
                } else {
                    period = "\(start.year)-\(e.year)"
                    consider(kind == .target ? e.year : start.year, at: i)
                }
                continue
            }
            consider(start.year, at: i)
            point = min(point ?? .max, distance(i))
            // « entre 2016 et 2020 »
            if i >= 1, betweenWords.contains(f[i - 1]), i + 2 < f.count, andWords.contains(f[i + 1]),
               let second = dates.first(where: { $0.tokens.lowerBound == i + 2 })?.start, isYear(f[i + 2]) {
                period = "\(start.year)-\(second.year)"
            }
        }
        if period != nil, let point, point < periodAt { return (best?.year, nil) }
        // A period spanning years says nothing about one year.
        if let p = period, p.utf8.count == 9, !p.contains("/") { return (kind == .target ? best?.year : nil, p) }
        return (best?.year, period)
    }

    /// A four-digit year token (the shape test FrenchDate applies).
    static func isYear(_ t: String) -> Bool {
        guard t.utf8.count == 4, t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let y = Int(t) else { return false }
        return (1900...2100).contains(y)
    }
}
