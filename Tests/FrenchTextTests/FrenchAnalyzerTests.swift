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

    /// The indexer's two passes agree: one stem per term, on text of every kind of token.
    @Test func termsAndStemsComeOneForOne() {
        let text = "La ministre a reçu l’ambassadeur ; les échanges ont atteint 94,5 millions de dollars en 2024, e-mail & co."
        var n = 0
        FrenchAnalyzer.analyze(text) { _, _ in n += 1 }
        #expect(n == FrenchAnalyzer.stems(text).count)
        #expect(n > 10)
    }

    /// The written-out table of word scalars below U+3000 says what the Unicode properties say.
    @Test func wordScalarTableMatchesUnicode() {
        var wrong: [UInt32] = []
        for v in UInt32(0x80)..<0x3000 {
            guard let s = Unicode.Scalar(v) else { continue }
            if FrenchAnalyzer.isWordScalar(s) != FrenchAnalyzer.classify(s) { wrong.append(v) }
        }
        #expect(wrong.isEmpty, "scalars whose bit disagrees with classify: \(wrong.prefix(10))")
    }
    /// A reader that wants only some first bytes gets every term's range, the same as without, and
    /// the terms it wants as usual; the others come empty (not folded).
    @Test func unwantedTermsKeepTheirRangesAndComeEmpty() {
        let text = "L'Économie et l’industrie d'Hô-Chi-Minh-Ville : Quelle coopération pour l'Œuvre, aujourd'hui ? 2025"
        var all: [(String, Range<Int>)] = []
        _ = FrenchAnalyzer.analyzeReturningText(text, keepStopWords: true) { all.append((String(decoding: $0, as: UTF8.self), $1)) }
        var wanted = ByteSet()
        for b in "ci2".utf8 { wanted.insert(b) }
        var some: [(String, Range<Int>)] = []
        _ = FrenchAnalyzer.analyzeReturningText(text, wanted: wanted) { some.append((String(decoding: $0, as: UTF8.self), $1)) }
        #expect(some.map(\.1) == all.map(\.1))
        for (a, b) in zip(all, some) {
            // A term with a non-ASCII first letter (« Économie », « Œuvre ») is always folded.
            let asked = a.0.utf8.first.map(wanted.contains) ?? false || text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: a.1.lowerBound)] >= 0x80
            #expect(b.0 == (asked ? a.0 : ""), "\(a) \(b)")
        }
        #expect(some.contains { $0.0 == "cooperation" } && some.contains { $0.0 == "industrie" } && some.contains { $0.0 == "2025" })
        #expect(some.contains { $0.0 == "economie" } && some.contains { $0.0 == "oeuvre" })
    }
}
