import Testing
import FrenchText

/// Reporting periods of economic news (FrenchDate.periods) and numbers glued to words.
@Suite struct FrenchDatePeriodsTests {
    func period(_ text: String, anchor: String? = "2025-05-10") -> String? {
        let m = FrenchDate.periods(in: Tokenizer.tokens(text), anchor: anchor.flatMap { PartialDate(iso: $0) }).first
        guard let m, let s = m.start else { return nil }
        return m.end.map { "\(s)/\($0)" } ?? s.description
    }

    @Test(arguments: [
        ("les neuf premiers mois de 2024", "2024-01/2024-09"),
        ("au cours des 6 premiers mois de l'année 2023", "2023-01/2023-06"),
        ("au premier semestre 2024", "2024-01/2024-06"),
        ("au second semestre", "2024-07/2024-12"),
        ("au troisième trimestre 2022", "2022-07/2022-09"),
        ("de janvier à août 2021", "2021-01/2021-08"),
        ("entre janvier et avril", "2025-01/2025-04"),
        // No year: this year's, unless the period is far from over at the article date.
        ("au premier semestre", "2025-01/2025-06"),
        ("les dix premiers mois", "2024-01/2024-10"),
        ("depuis le début de l'année", "2025-01/2025-05"),
    ])
    func readsPeriods(text: String, expected: String) {
        #expect(period(text) == expected)
    }

    @Test func noPeriodInOrdinaryText() {
        #expect(period("le premier ministre a visité la ville") == nil)
        #expect(FrenchDate.periods(in: Tokenizer.tokens("les premiers mois de négociation"), anchor: nil).isEmpty)
    }

    @Test func gluedNumbersAreSplit() {
        let split = Tokenizer.separatingGluedNumbers(Tokenizer.tokens("atteignant45,5 millions et 12millions de dollars, 3millionsd'habitants"))
        #expect(split.map(\.text) == ["atteignant", "45,5", "millions", "et", "12", "millions", "de", "dollars", ",", "3", "millions", "d'", "habitants"])
        #expect(split[1].isNumber && split[4].isNumber)
        // Ordinals and codes stay whole.
        let kept = Tokenizer.separatingGluedNumbers(Tokenizer.tokens("la 21e session du G20 et l'A320"))
        #expect(kept.map(\.text) == Tokenizer.tokens("la 21e session du G20 et l'A320").map(\.text))
    }
}
