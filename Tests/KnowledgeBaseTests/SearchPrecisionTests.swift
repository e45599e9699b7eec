import Foundation
import Testing
@testable import KnowledgeBase

/// What a forgiving search must not find: other words with the same stem, typo candidates farther
/// than the closest, and what still must be found (names in other spellings), over invented articles.
@Suite struct SearchPrecisionTests {
    static let articles = [
        "p1.txt": " date 2025-03-02 Un fonds pour les ports\n\nLes deux pays veulent accroître l'investissement dans les ports du Centre.\n",
        "p2.txt": " date 2025-03-03 Une usine près de Hanoï\n\nLe groupe compte investir dans une usine, en investissant dans des machines neuves.\n",
        "p3.txt": " date 2025-03-04 Un chantier\n\nLe chantier avance rapidement depuis le printemps.\n",
        "p4.txt": " date 2025-03-05 Un train\n\nUn train rapide relie désormais les deux villes.\n",
        "p5.txt": " date 2025-03-06 La croissance\n\nLa croissance économique du pays dépasse les prévisions.\n",
        "p6.txt": " date 2025-03-07 Le budget\n\nL'économie du pays reste fragile, dit le ministre.\n",
        "p7.txt": " date 2025-03-08 Le riz\n\nLa production de riz augmente dans le delta.\n",
        "p8.txt": " date 2025-03-09 Un secteur\n\nUn secteur productif se développe dans la province.\n",
        "p9.txt": " date 2025-03-10 Une rencontre à Minsk\n\nLe président de la Biélorussie, Alexandre Loukachenko, a reçu le ministre vietnamien. Ils ont parlé de libre-échange.\n",
        "p10.txt": " date 2025-03-11 Une délégation\n\nLa délégation a visité Tcheliabinsk et ses usines. Elle parle aussi d'échange culturel.\n",
    ]

    static let kb = TestSupport.knowledgeBase(of: articles)

    func found(_ query: String, exact: Bool = false) throws -> Set<String> {
        Set(try Self.kb.search(SearchRequest(query, limit: 100, exact: exact)).hits.map { String($0.source.split(separator: ".")[0]) })
    }

    @Test func aStemExpansionKeepsThePartOfSpeech() throws {
        // The light stemmer gives « investissement », « investissant » and « investir » one stem.
        #expect(try found("investissement") == ["p1"])
        #expect(try found("investissements") == ["p1"])   // the plural is the same word
        #expect(try found("investir") == ["p2"])
        // « rapidement » (an adverb) is not « rapide »; « économique » is not « économie ».
        #expect(try found("rapidement") == ["p3"])
        #expect(try found("rapides") == ["p4"])
        #expect(try found("économiques") == ["p5"])
        #expect(try found("économie") == ["p6"])
    }

    @Test func stemFamilies() {
        #expect(StemFamily.family("investissements") == "issement")
        #expect(StemFamily.family("investir") == nil)
        #expect(StemFamily.family("actives") == StemFamily.family("actif"))
        #expect(StemFamily.family("nationaux") == StemFamily.family("national"))
        #expect(StemFamily.family("directrice") == StemFamily.family("directeur"))
        #expect(!StemFamily.sameWord("economique", "economie"))
        #expect(StemFamily.sameWord("cooperation", "cooperations"))
    }

    @Test func aTypoMatchesOnlyTheClosestWords() throws {
        // « productoin » is one swap from « production », two edits from « productif »: only the first.
        #expect(try found("productoin") == ["p7"])
        let result = try Self.kb.search(SearchRequest("productoin"))
        #expect(result.alsoMatched.first?.matched == ["production"])
    }

    @Test func anotherSpellingOfANameStandsForTheName() throws {
        // A typo of an alias the articles never write (« Bélarus ») still finds the country.
        #expect(try found("Bélaruss") == ["p9"])
        // A recorded spelling in another transliteration (« Loukachenka » → « Lukashenka »).
        #expect(try found("Lukashenka") == ["p9"])
        #expect(try found("Lukashenka", exact: true).isEmpty)
    }

    @Test func aTypoInOnePartOfAHyphenatedWord() throws {
        #expect(try found("libre-échnage") == ["p9"])
        // Still the compound: « échange » alone (p10) is not « libre-échange ».
        #expect(try found("libre-échnage").contains("p10") == false)
    }

    @Test func aLongCapitalisedWordMayBeAPlaceNoListKnows() throws {
        #expect(try found("Tcheliabinks") == ["p10"])
        // Short capitalised words still only widen to names: « Rapid » is not « rapide ».
        #expect(try found("Rapida").isEmpty)
    }
}
