import Testing
@testable import FrenchText

@Suite struct TokenizerTests {
    func words(_ s: String) -> [String] { Tokenizer.tokens(s).map(\.text) }

    @Test func elisionIsItsOwnToken() {
        #expect(words("l’ambassadeur d'Azerbaïdjan") == ["l’", "ambassadeur", "d'", "Azerbaïdjan"])
        #expect(words("jusqu’à aujourd'hui") == ["jusqu’", "à", "aujourd'hui"])
    }

    @Test func hyphensAndNumbers() {
        #expect(words("Kassym-Jomart Tokaïev, 94,5 millions (2025).") == ["Kassym-Jomart", "Tokaïev", ",", "94,5", "millions", "(", "2025", ")", "."])
    }

    @Test func flags() {
        let t = Tokenizer.tokens("ASEAN Tô lâm 2025")
        #expect(t[0].isAcronym && t[1].isCapitalized && !t[2].isCapitalized && t[3].isNumber)
        #expect(t[1].folded == "to")
    }

    /// A token taken from the cache is the token made anew, at its own place: across texts, for
    /// repeated words, elisions, glued words, punctuation, words too long to keep and bytes that are not UTF-8.
    @Test func cachedTokensAreTheTokensMadeAnew() {
        let texts = ["Le Premier ministre l’a dit : le Premier ministre viendra auVietnam.",
                     "Le ministre, le ministre ! 3 000 tonnes – « le » ministre",
                     "Fin de mi-mai 2016-2020 ; Kassym-Jomart Tokaïev",
                     "le mot " + String(repeating: "anticonstitutionnellement", count: 3) + " est long"]
        var cache = TokenCache()
        for text in texts + texts {
            let b = Array(text.utf8)
            #expect(Tokenizer.tokens(b, cache: &cache) == Tokenizer.tokens(b))
        }
        let broken: [UInt8] = [0x4C, 0x65, 0x20, 0xC3, 0x20, 0x6D, 0xC3, 0x20, 0x4C, 0x65, 0xE2, 0x80]
        #expect(Tokenizer.tokens(broken, cache: &cache) == Tokenizer.tokens(broken))
        #expect(Tokenizer.tokens(broken, cache: &cache) == Tokenizer.tokens(broken))
    }

    @Test func byteFacts() {
        let t = Tokenizer.tokens("Vietnam-Laos 2025 é")
        #expect(t[0].hasHyphen && !t[1].hasHyphen)
        #expect(t[0].firstByte == UInt8(ascii: "V") && t[0].lastByte == UInt8(ascii: "s"))
        #expect(t[1].firstByte == UInt8(ascii: "2") && t[2].lastByte == 0xA9)
    }

    @Test func offsetsPointIntoSource() {
        let s = "Le président Tô Lâm"
        let b = Array(s.utf8)
        for t in Tokenizer.tokens(s) { #expect(String(decoding: b[t.range], as: UTF8.self) == t.text) }
    }
}

@Suite struct GluedWordTests {
    @Test func aFunctionWordGluedToAProperNounIsTwoWords() {
        #expect(Tokenizer.tokens("arrivé auPortugal lundi").map(\.text) == ["arrivé", "au", "Portugal", "lundi"])
        #expect(Tokenizer.tokens("la visite duPrésident").map(\.text) == ["la", "visite", "du", "Président"])
        #expect(Tokenizer.tokens("enÉthiopie").map(\.text) == ["en", "Éthiopie"])
        let t = Tokenizer.tokens("deNorvège")
        #expect(t.map(\.range) == [0..<2, 2..<10])
        #expect(t[1].isCapitalized)
        // « à » is two bytes; a capitalised function word opens a sentence.
        #expect(Tokenizer.tokens("arrivé àLisbonne").map(\.text) == ["arrivé", "à", "Lisbonne"])
        #expect(Tokenizer.tokens("LePortugal et LaNorvège").map(\.text) == ["Le", "Portugal", "et", "La", "Norvège"])
    }

    /// « de l'Éducation » that lost its space: « de », « l' », the word (« del » is no French word before an apostrophe).
    @Test func deAndAnElidedArticleGluedAreThreeWords() {
        let words = { (s: String) in Tokenizer.tokens(s).map(\.text) }
        #expect(words("ministre del'Éducation et del’Industrie") == ["ministre", "de", "l'", "Éducation", "et", "de", "l’", "Industrie"])
        #expect(words("Del'Acqua") == ["De", "l'", "Acqua"])
        #expect(words("l'Éducation d'Del") == ["l'", "Éducation", "d'", "Del"])
    }

    @Test func otherMixedCaseIsLeftAlone() {
        for w in ["iPhone", "eBay", "deASEAN", "McDonald", "vietnamPlus", "bonjourParis", "MacArthur", "DiCaprio"] {
            #expect(Tokenizer.tokens(w).count == 1, "\(w)")
        }
    }
}
