import Testing
import Extraction

struct TradeFigureRow: Equatable, CustomStringConvertible {
    var amount: Double?, currency: String?, kind: TradeKind, year: Int?, period: String?
    init(_ amount: Double?, _ currency: String?, _ kind: TradeKind, _ year: Int? = nil, _ period: String? = nil) {
        self.amount = amount; self.currency = currency; self.kind = kind; self.year = year; self.period = period
    }
    var description: String { "\(amount.map { String($0) } ?? "nil") \(currency ?? "-") \(kind) \(year.map(String.init) ?? "-") \(period ?? "-")" }
}

fileprivate func figures(_ body: String, date: String = "2025-05-10") -> [TradeFigureRow] {
    TradeFigureExtractor(reference: .embedded).extract(from: document(body, date: date, headline: "Dépêche du jour"))
        .map { TradeFigureRow($0.amount, $0.currency, $0.kind, $0.year, $0.period) }
}

@Suite struct TradeFigureExtractorTests {
    @Test(arguments: [
        ("En 2023, les échanges commerciaux ont atteint 94,5 millions de dollars.", [TradeFigureRow(94_500_000, "USD", .actual, 2023)]),
        ("Le commerce bilatéral s’est élevé à 1,2 milliard de dollars américains l’an dernier.", [TradeFigureRow(1_200_000_000, "USD", .actual, 2024)]),
        // The year a figure is compared with is not its own.
        ("Sur les quatre premiers mois de 2025, le commerce bilatéral a atteint 30 millions de dollars, en hausse de 8 % par rapport à la même période de l’an dernier.",
         [TradeFigureRow(30_000_000, "USD", .actual, 2025, "2025-01/2025-04")]),
        ("En 2024, les échanges ont atteint 60 millions de dollars, comparé à 2023.", [TradeFigureRow(60_000_000, "USD", .actual, 2024)]),
        ("Les deux pays visent à porter le commerce bilatéral à 1 milliard de dollars d’ici 2030.", [TradeFigureRow(1_000_000_000, "USD", .target, 2030)]),
        ("L’objectif est d’atteindre 500 millions USD d’échanges commerciaux.", [TradeFigureRow(500_000_000, "USD", .target)]),
        ("Les exportations vers l’Europe ont atteint 2,5 milliards d’euros au premier semestre 2024.",
         [TradeFigureRow(2_500_000_000, "EUR", .actual, 2024, "2024-01/2024-06")]),
        ("Au cours des huit premiers mois de 2025, le commerce bilatéral a atteint 150,3 millions USD.",
         [TradeFigureRow(150_300_000, "USD", .actual, 2025, "2025-01/2025-08")]),
        // Investment is not trade: kind other.
        ("Les investissements étrangers s’élèvent à 12\u{202F}500\u{202F}000 dollars.", [TradeFigureRow(12_500_000, "USD", .other)]),
        ("Le volume des échanges a dépassé 3\u{00A0}000 milliards de dongs.", [TradeFigureRow(3_000_000_000_000, "VND", .actual)]),
        ("Les importations ont totalisé 3.000 milliards de VND cette année.", [TradeFigureRow(3_000_000_000_000, "VND", .actual, 2025)]),
        ("Les échanges ont représenté $1,5 milliard.", [TradeFigureRow(1_500_000_000, "USD", .actual)]),
        ("Le commerce avec la Russie a atteint 800 millions de roubles.", [TradeFigureRow(800_000_000, "RUB", .actual)]),
        ("Le chiffre d’affaires commercial s’établit à 45 millions d’euros pour la période 2016-2020.",
         [TradeFigureRow(45_000_000, "EUR", .actual, nil, "2016-2020")]),
        ("Le commerce a atteint 100 millions de dollars en 2016 et les deux pays visent 300 millions de dollars en 2020.",
         [TradeFigureRow(100_000_000, "USD", .actual, 2016), TradeFigureRow(300_000_000, "USD", .target, 2020)]),
        ("Les échanges ont atteint 200 millions de dollars en 2024, contre 150 millions en 2023.",
         [TradeFigureRow(200_000_000, "USD", .actual, 2024), TradeFigureRow(150_000_000, "USD", .actual, 2023)]),
        ("Les exportations ont atteint 1 000 milliards de VND (40 millions de dollars).", [TradeFigureRow(1_000_000_000_000, "VND", .actual)]),
        ("Depuis 1992, le commerce a atteint 60 millions de dollars.", [TradeFigureRow(60_000_000, "USD", .actual)]),
        ("Les deux pays ambitionnent des échanges de 2 milliards de dollars à l’horizon 2030.", [TradeFigureRow(2_000_000_000, "USD", .target, 2030)]),
        // A later clause about the future does not retag an amount already reached.
        ("Le commerce bilatéral s’est chiffré à 3,4 milliards de dollars en 2024, un niveau qui pourrait encore progresser.",
         [TradeFigureRow(3_400_000_000, "USD", .actual, 2024)]),
        ("Les échanges ont totalisé 800 millions de dollars l’an dernier et les deux pays entendent les tripler d’ici 2030.",
         [TradeFigureRow(800_000_000, "USD", .actual, 2024)]),
        ("Les échanges devraient atteindre 4 milliards de dollars d’ici 2028.", [TradeFigureRow(4_000_000_000, "USD", .target, 2028)]),
        // Each amount keeps its own year and period.
        ("Les exportations ont atteint 12,5 milliards de dollars en 2024 et 7,1 milliards de dollars au premier semestre 2025.",
         [TradeFigureRow(12_500_000_000, "USD", .actual, 2024), TradeFigureRow(7_100_000_000, "USD", .actual, 2025, "2025-01/2025-06")]),
        ("En 2024, les exportations ont atteint 2 milliards de dollars et les importations 1,5 milliard de dollars.",
         [TradeFigureRow(2_000_000_000, "USD", .actual, 2024), TradeFigureRow(1_500_000_000, "USD", .actual, 2024)]),
        ("Les investissements ont atteint 300 millions de dollars en 2023 et, en 2024, ils ont dépassé 450 millions de dollars.",
         [TradeFigureRow(300_000_000, "USD", .other, 2023), TradeFigureRow(450_000_000, "USD", .other, 2024)]),
        ("Les importations ont atteint 900 millions d’euros depuis le début de l’année.", [TradeFigureRow(900_000_000, "EUR", .actual, 2025, "2025-01/2025-05")]),
        // Accumulated stocks are neither a year's figure nor an aim.
        ("Le Japon est le premier investisseur, avec un capital cumulé de 70 milliards de dollars.", [TradeFigureRow(70_000_000_000, "USD", .other)]),
        ("La Corée compte 10 000 projets d’investissement totalisant 86 milliards de dollars.", [TradeFigureRow(86_000_000_000, "USD", .other)]),
        // Not trade figures.
        ("Environ 600 Vietnamiens vivent et travaillent dans le pays.", []),
        ("Le budget du festival culturel est de 2 millions de dollars.", []),
        ("Les exportations ont augmenté de 15 % en un an.", []),
        ("Les deux parties devraient viser plus haut que plusieurs centaines de millions de dollars d’échanges.", []),
        ("En 2016, 40 pays ont adopté le commerce électronique.", []),
        ("Le chiffre d’affaires du groupe a atteint 30 millions de dollars.", []),
        // Investment at home is not a figure between countries.
        ("Les investissements publics ont atteint 3 000 milliards de dôngs pour le nouveau pont.", []),
        ("La commune a investi 20 milliards de dôngs dans les routes rurales.", []),
        ("Les entreprises coréennes ont investi 40 millions de dollars dans la province.", [TradeFigureRow(40_000_000, "USD", .other)]),
        // Capital, projects and aid are not trade (kind other).
        ("Singapour est le deuxième investisseur, avec un capital enregistré de 4,2 milliards de dollars.", [TradeFigureRow(4_200_000_000, "USD", .other)]),
        ("Le Laos compte 40 projets d’investissement au Vietnam, d’une valeur totale de 90 millions de dollars.", [TradeFigureRow(90_000_000, "USD", .other)]),
        // A bare amount takes the currency of the next one; « jusqu'en octobre 2024 » dates it.
        ("Le Chili est un partenaire clé, avec 1,8 milliard d’échanges commerciaux en 2023 et près de 2 milliards de dollars jusqu’en octobre 2024.",
         [TradeFigureRow(1_800_000_000, "USD", .actual, 2023), TradeFigureRow(2_000_000_000, "USD", .actual, 2024)]),
        // A time phrase opening the next amount's clause is that amount's.
        ("En 2023, le commerce bilatéral a atteint 4 milliards de dollars et les six premiers mois de 2024, environ 2 milliards de dollars.",
         [TradeFigureRow(4_000_000_000, "USD", .actual, 2023), TradeFigureRow(2_000_000_000, "USD", .actual, 2024, "2024-01/2024-06")]),
        // « pour atteindre » after a finished change states the result.
        ("Les échanges ont augmenté de 30 % pour atteindre 700 millions de dollars en 2022.", [TradeFigureRow(700_000_000, "USD", .actual, 2022)]),
        ("Les deux pays aspirent à des échanges commerciaux atteignant 3 milliards de dollars.", [TradeFigureRow(3_000_000_000, "USD", .target)]),
        // Periods resolved against the article date (2025-05-10).
        ("Au cours des quatre premiers mois, les échanges commerciaux ont atteint 50 millions de dollars.",
         [TradeFigureRow(50_000_000, "USD", .actual, 2025, "2025-01/2025-04")]),
        ("Au cours des neuf premiers mois, les échanges commerciaux ont atteint 90 millions de dollars.",
         [TradeFigureRow(90_000_000, "USD", .actual, 2024, "2024-01/2024-09")]),
        ("De janvier à mars 2025, les exportations ont atteint 20 millions de dollars.",
         [TradeFigureRow(20_000_000, "USD", .actual, 2025, "2025-01/2025-03")]),
        // A missing space glued a word to the number.
        ("Le commerce bilatéral a atteint la somme de 12millions de dollars en 2024.", [TradeFigureRow(12_000_000, "USD", .actual, 2024)]),
        ("Le commerce bilatéral a progressé, atteignant45,5 millions de dollars en 2024.", [TradeFigureRow(45_500_000, "USD", .actual, 2024)]),
        // A day without a year dates the event, not the figure.
        ("Le 12 mai, le ministre a indiqué que le commerce bilatéral avait atteint 70 millions de dollars.", [TradeFigureRow(70_000_000, "USD", .actual)]),
        // « au premier semestre » without a year: the article's year.
        ("Les échanges commerciaux ont atteint 30 millions de dollars au premier semestre.",
         [TradeFigureRow(30_000_000, "USD", .actual, 2025, "2025-01/2025-06")]),
    ])
    func readsFigures(body: String, expected: [TradeFigureRow]) {
        #expect(figures(body) == expected)
    }

    @Test func aFigureCanFollowItsTradeSentence() {
        let body = "Le commerce bilatéral a fortement progressé. Ce chiffre a atteint 80 millions de dollars en 2022."
        #expect(figures(body) == [TradeFigureRow(80_000_000, "USD", .actual, 2022)])
    }

    @Test func anAimAfterATradeSentenceIsATarget() {
        let rows = figures("Le commerce entre les deux pays a progressé l’an dernier. « Nous voulons atteindre 300 millions de dollars d’ici 2028 », a dit le ministre.")
        #expect(rows == [TradeFigureRow(300_000_000, "USD", .target, 2028)], "\(rows)")
    }

    @Test func evidenceIsTheSentence() throws {
        let body = "Il fait beau. Le commerce a atteint 5 millions d’euros."
        let fact = try #require(TradeFigureExtractor(reference: .embedded).extract(from: document(body, headline: "Dépêche du jour")).first)
        #expect(fact.evidence.sentence == "Le commerce a atteint 5 millions d’euros.")
    }

    @Test func noiseSectionsAreNoSource() {
        let body = """
        >> Le commerce bilatéral a atteint 5 millions de dollars

        Les relations progressent.

        [Les exportations ont atteint 9 millions d’euros]

        Voir plus

        Le commerce bilatéral a atteint 7 millions de dollars.
        """
        #expect(figures(body) == [])
    }
}

@Suite struct TradeFigureRestatementTests {
    @Test func headlineAndBodyStateOneFigure() {
        let raw = " date 2025-02-01 Les échanges visent 3 milliards de dollars\n\nLes deux pays visent à porter leurs échanges commerciaux à 3 milliards de dollars d’ici 2028.\n"
        let document = Document(article: ArticleParser(agencies: Reference.embedded.agencies).parse(raw, source: "t.txt"))
        let facts = TradeFigureExtractor(reference: .embedded).extract(from: document)
        #expect(facts.count == 1)
        #expect(facts.first?.year == 2028 && facts.first?.kind == .target)
    }

    // MARK: - Who trades (countries and scope)

    func facts(_ body: String) -> [TradeFigureFact] {
        TradeFigureExtractor(reference: .embedded).extract(from: document(body, date: "2025-05-10", headline: "Le Vietnam et le Laos renforcent leurs liens"))
    }

    @Test func aBilateralFigureNamesThePair() {
        let f = facts("Le commerce bilatéral entre le Vietnam et le Laos a atteint 1,1 milliard de dollars en 2024.")
        #expect(f.first?.countries == ["LA", "VN"] && f.first?.scope == .bilateral, "\(f.map(\.countries))")
        #expect(f.first?.evidence.rule.hasPrefix("trade.") == true)
    }

    @Test func theSentencesCountriesWinOverTheArticles() {
        let f = facts("Le Vietnam a accueilli la délégation. Les échanges entre le Vietnam et la Thaïlande ont atteint 20 milliards de dollars.")
        #expect(f.first?.countries == ["TH", "VN"], "\(f.map(\.countries))")
    }

    @Test func aBlocFigureIsNoNationalFigure() {
        let f = facts("Le commerce entre le Vietnam et l’ASEAN a atteint 80 milliards de dollars l’an dernier.")
        #expect(f.first?.scope == .bloc && f.first?.countries == ["VN", "ASEAN"], "\(f.map(\.countries)) \(f.map(\.scope))")
        #expect(f.first?.year == 2024)
    }

    @Test func theMembersOfABlocStandForIt() {
        let f = facts("Le commerce entre le Vietnam et les pays de l’ASEAN a atteint 80 milliards de dollars en 2024.")
        #expect(f.first?.scope == .bloc && f.first?.countries == ["VN", "ASEAN"], "\(f.map(\.countries)) \(f.map(\.scope))")
    }

    @Test func aProvincesFigureIsRegional() {
        let f = facts("Les échanges entre la province de Savannakhet et ses partenaires vietnamiens ont atteint 30 millions de dollars en 2024.")
        #expect(f.first?.scope == .regional, "\(f.map(\.scope))")
    }

    /// The province that opens the sentence is who trades.
    @Test func aProvinceAsSubjectTradesRegionally() {
        let f = facts("La province de Savannakhet a réalisé des échanges de 40 millions de dollars avec le Vietnam en 2024.")
        #expect(f.first?.scope == .regional, "\(f.map(\.scope))")
        let g = facts("Les provinces frontalières de Savannakhet et de Quang Tri ont réalisé des échanges de 50 millions de dollars.")
        #expect(g.first?.scope == .regional, "\(g.map(\.scope))")
    }

    @Test func bilateralWinsOverAPlaceOfEvent() {
        let f = facts("Lors du forum à Hô Chi Minh-Ville, le ministre a noté que le commerce bilatéral avait atteint 2 milliards de dollars.")
        #expect(f.first?.scope == .bilateral, "\(f.map(\.scope))")
    }
}

@Suite struct TradeFigureSignTests {
    @Test func aSignedBalanceIsNoTradeAmountAndAbsurdDigitsAreIgnored() {
        let facts = FactExtractor().extract(from: document(
            "Le solde commercial bilatéral est de -5 milliards de dollars. Les échanges bilatéraux ont atteint 100000000000000000000000000000000000000000000 dollars en 2024."))
        #expect(facts.tradeFigures.isEmpty, "\(facts.tradeFigures.map { $0.amount ?? 0 })")
    }
}
