import Foundation
import Testing
@testable import FrenchText

@Suite struct FrenchAnalyzerTests {
    /// Text → analysed terms (stages 1–6), as stored in the index.
    @Test(arguments: [
        ("CYBERSÉCURITÉ", "cybersecurite"),
        ("cybersécurité", "cybersecurite"),
        ("L’Intelligence artificielle", "intelligence artificielle"),
        ("l'intelligence", "intelligence"),
        ("lʼÉtat", "etat"),
        ("QU‘ELLE", ""),
        ("Jusqu’à Hanoï", "hanoi"),
        ("lorsqu’on parle puisqu’ainsi quoiqu’encore", "parle ainsi encore"),
        ("d’Asie, s’engager, n’oublie, m’a, t’en, j’ai, c’était", "asie engager oublie"),
        ("aujourd’hui", "aujourd hui"),
        ("presqu’île", "presqu ile"),
        ("coopération-économique", "cooperation economique"),
        ("94,5 millions de dollars", "94 5 millions dollars"),
        ("Le président et la Biélorussie", "president bielorussie"),
        ("Cœur, Æsope, Đà Nẵng", "coeur aesope da nang"),
        ("cafe\u{301} e\u{301}conomique", "cafe economique"),
        ("МИНСК", "минск"),
        ("«Vietnam»—Biélorussie…", "vietnam bielorussie"),
        ("", ""),
        ("  , ; ! ", ""),
    ])
    func analyses(_ text: String, _ expected: String) {
        #expect(FrenchAnalyzer.indexText(text) == expected)
        #expect(FrenchAnalyzer.terms(text) == expected.split(separator: " ").map(String.init))
    }

    @Test func keepsStopWordsWhenAsked() {
        #expect(FrenchAnalyzer.terms("la coopération", keepStopWords: true) == ["la", "cooperation"])
    }

    /// The full chain (stages 1–7).
    @Test(arguments: [
        ("coopérations", "coopération"), ("Biélorusses", "biélorussie"), ("l’intelligence", "INTELLIGENCE"),
        ("CYBERSÉCURITÉ", "cybersecurite"), ("économiques", "économique"),
    ])
    func sameStems(_ a: String, _ b: String) {
        #expect(FrenchAnalyzer.stems(a) == FrenchAnalyzer.stems(b))
    }

    @Test func rangesPointAtTheWordAfterTheElision() {
        let text = "Vers l’intelligence artificielle"
        let (normalized, terms) = FrenchAnalyzer.termsWithRanges(text)
        let bytes = Array(normalized.utf8)
        #expect(terms.map { String(decoding: bytes[$0.range], as: UTF8.self) } == ["Vers", "intelligence", "artificielle"])
    }

    /// The stored text must cut words where SQLite's unicode61 tokenizer does: every term is one
    /// run of letters and digits.
    @Test func termsAreSingleUnicode61Tokens() {
        let text = "Kassym-Jomart Tokaïev, l’ONU (2025), 3 000 t/an, e-mail & co. « Viêt Nam » www.vietnamplus.vn"
        for term in FrenchAnalyzer.terms(text) {
            #expect(term.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        }
    }

    /// Throughput note (not an assertion: performance targets live in benchmarks).
    @Test func throughput() {
        let sample = "La ministre vietnamienne de la Culture, Nguyễn Thị Hà, a reçu l’ambassadeur de Biélorussie. "
            + "Les deux parties ont convenu de renforcer la coopération dans la cybersécurité, l’intelligence artificielle "
            + "et l’économie numérique ; les échanges commerciaux ont atteint 94,5 millions de dollars en 2024. "
        let text = String(repeating: sample, count: 20_000)
        let bytes = Double(text.utf8.count)
        var clock = ContinuousClock.now
        var n = 0
        FrenchAnalyzer.analyze(text) { _, _ in n += 1 }
        let index = ContinuousClock.now - clock
        clock = ContinuousClock.now
        let stems = FrenchAnalyzer.stems(text).count
        let full = ContinuousClock.now - clock
        func mbps(_ d: Duration) -> Int { Int(bytes / 1e6 / (Double(d.components.attoseconds) / 1e18 + Double(d.components.seconds))) }
        #if DEBUG
        let build = "debug build, unoptimised"
        #else
        let build = "release build"
        #endif
        print("FrenchAnalyzer (\(build)): \(Int(bytes / 1e6)) MB, terms \(mbps(index)) MB/s, terms+stems \(mbps(full)) MB/s")
        #expect(n == stems)
    }
}
