import Testing
@testable import FrenchText

@Suite struct FrenchNumberTests {
    @Test(arguments: [
        ("94,5", 94.5), ("3.000", 3000), ("1.234.567", 1_234_567), ("2,25", 2.25), ("1.5", 1.5),
        ("2025", 2025), ("0,75", 0.75), ("12.500,5", 12_500.5),
    ])
    func parsesOneToken(text: String, value: Double) {
        #expect(FrenchNumber.parse(text) == value)
    }

    @Test(arguments: ["abc", "", ",5", "1..2", "3,4,5"])
    func rejectsNonNumbers(text: String) {
        #expect(FrenchNumber.parse(text) == nil)
    }

    @Test(arguments: [
        ("3 000 visiteurs", 3000.0, 2),
        ("3\u{00A0}000\u{00A0}000 de dongs", 3_000_000, 3),
        ("12\u{202F}500 euros", 12_500, 2),
        ("1\u{2009}000,5 tonnes", 1000.5, 2),
        ("94,5 millions de dollars", 94_500_000, 2),
        ("1,2 milliard de dollars", 1_200_000_000, 2),
        ("3.000 milliards de VND", 3_000_000_000_000, 2),
        ("deux millions d'euros", 2_000_000, 2),
        ("cinq mille habitants", 5_000, 2),
        ("7 Mds USD", 7_000_000_000, 2),
    ])
    func readsAmountsOverTokens(text: String, value: Double, tokenCount: Int) throws {
        let reading = try #require(FrenchNumber.read(Tokenizer.tokens(text), at: 0))
        #expect(reading.value == value)
        #expect(reading.tokens.count == tokenCount)
    }

    @Test func aYearIsNotGroupedWithTheNextNumber() throws {
        let reading = try #require(FrenchNumber.read(Tokenizer.tokens("2016 100 millions"), at: 0))
        #expect(reading.value == 2016 && reading.tokens == 0..<1)
    }

    @Test func spelledNumbersNeedAScale() {
        #expect(FrenchNumber.read(Tokenizer.tokens("deux pays"), at: 0) == nil)
        #expect(FrenchNumber.read(Tokenizer.tokens("les pays"), at: 0) == nil)
    }

    @Test func lowerCaseSingleLetterIsNoScale() throws {
        let reading = try #require(FrenchNumber.read(Tokenizer.tokens("3 m de long"), at: 0))
        #expect(reading.value == 3 && !reading.scaled)
    }
}

@Suite struct FrenchNumberSignAndBoundsTests {
    func value(_ text: String) -> Double? {
        let tokens = Tokenizer.tokens(text)
        guard let i = tokens.firstIndex(where: { $0.isNumber }) else { return nil }
        return FrenchNumber.read(tokens, at: i)?.value
    }

    @Test func aMinusSignAgainstTheNumberIsKept() {
        #expect(value("un solde de -5 milliards de dollars") == -5e9)
        #expect(value("un solde de −2,5 millions") == -2.5e6)
        // The dash of a range is no sign, whatever the range reads as.
        let tokens = Tokenizer.tokens("la période 2020-2025")
        for i in tokens.indices { #expect((FrenchNumber.read(tokens, at: i)?.value ?? 0) >= 0) }
    }

    @Test func absurdMagnitudesAreNoAmount() {
        #expect(value("100000000000000000000000000000000000000000000 dollars") == nil)
        #expect(value("3 000 milliards de dongs") == 3e12)
    }
}
