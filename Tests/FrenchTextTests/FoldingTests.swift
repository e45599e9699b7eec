import Testing
@testable import FrenchText

@Suite struct FoldingTests {
    @Test(arguments: [
        ("Cybersécurité", "cybersecurite"),
        ("CYBERSÉCURITÉ", "cybersecurite"),
        ("cœur", "coeur"), ("Œuvre", "oeuvre"), ("ex æquo", "ex aequo"),
        ("Đà Nẵng", "da nang"), ("Tô Lâm", "to lam"), ("Bùi Thanh Sơn", "bui thanh son"),
        ("l’intelligence", "l'intelligence"), ("Biélorussie", "bielorussie"), ("Tokaïev", "tokaiev"),
        ("94\u{202F}500", "94 500"), ("ça", "ca"),
    ])
    func folds(_ input: String, _ expected: String) {
        #expect(Folding.fold(input) == expected)
    }
}

@Suite struct PartialDateTests {
    @Test func parsesPrecisions() {
        #expect(PartialDate(iso: "2025")?.precision == .year)
        #expect(PartialDate(iso: "2025-05")?.description == "2025-05")
        #expect(PartialDate(iso: "2025-12-03")?.precision == .day)
    }

    @Test(arguments: ["2025-13-45", "2025-02-30", "25-01", "2025-1", "abcd", "0000", "2025-00"])
    func rejectsImpossible(_ s: String) {
        #expect(PartialDate(iso: s) == nil)
    }

    @Test func leapYears() {
        #expect(PartialDate(iso: "2024-02-29") != nil)
        #expect(PartialDate(iso: "2100-02-29") == nil)
    }
}

@Suite struct TextOffsetsTests {
    @Test func bytesToCharacters() {
        let text = "Tô Lâm a reçu à Hanoï " + String(repeating: "é", count: 200) + " fin"
        let offsets = TextOffsets(text)
        let bytes = Array(text.utf8)
        var chars = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] & 0xC0 != 0x80 {
            #expect(offsets.characterOffset(ofByte: i) == chars)
            chars += 1
        }
    }
}

/// The fold table is generated at build time (scripts/embed.py) instead of computed at each start.
@Suite struct GeneratedFoldTests {
    @Test func generatedFoldsAreFoundations() {
        #expect(Folding.staleGeneratedFolds().isEmpty, "Sources/FrenchText/Generated/GeneratedFolds.swift is stale: run `make generate`")
        #expect(Folding.fold("Œuvre d’Ắc Đà Nẵng – Ÿ") == "oeuvre d'ac da nang - y")
    }
}
