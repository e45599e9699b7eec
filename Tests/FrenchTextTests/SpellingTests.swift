import Testing
@testable import FrenchText

@Suite struct SpellingTests {
    @Test func budgetFollowsWordLength() {
        #expect(Spelling.typoBudget(length: 4) == 0)
        #expect(Spelling.typoBudget(length: 5) == 1)
        #expect(Spelling.typoBudget(length: 8) == 1)
        #expect(Spelling.typoBudget(length: 9) == 2)
    }

    @Test func distanceCountsTranspositionsOnceAndFirstLettersTwice() {
        #expect(Spelling.distance("securite", "securtie", bound: 2) == 1)      // transposition
        #expect(Spelling.distance("pharmaceutiqe", "pharmaceutique", bound: 2) == 1)  // omission
        #expect(Spelling.distance("agricole", "agricoles", bound: 2) == 1)
        #expect(Spelling.distance("bateau", "gateau", bound: 2) == 2)          // first letter counts two
        #expect(Spelling.distance("kitten", "sitting", bound: 5) == 4)
        #expect(Spelling.distance("abcdefgh", "zzzzzzzz", bound: 2) == 3)       // stops at bound + 1
        #expect(Spelling.distance("même", "meme", bound: 1) == 1)
    }

    @Test func deletionsAreDistinct() {
        #expect(Spelling.deletions("alla") == ["lla", "ala", "all"])
        #expect(Spelling.deletions("a") == [])
    }

    @Test func onlyWordsOfFourLettersOrMoreWithoutDigitsAreTolerant() {
        #expect(Spelling.isWord("minsk"))
        #expect(!Spelling.isWord("2015"))
        #expect(!Spelling.isWord("g20s"))
        #expect(!Spelling.isWord("une"))
    }

    /// The renderings of one Slavic or Central Asian name for French, English and German readers.
    @Test(arguments: [
        ["loukachenko", "lukashenko", "lukachenko", "lukaschenko", "loukachenco"],
        ["golovtchenko", "golovchenko"],
        ["tokaiev", "tokaev", "tokayev"],
        ["poutine", "putin"],
        ["alexandre", "aleksandr"],
        ["mikhail", "mihail", "mikhaiil"],
        ["tchernychenko", "chernyshenko"],
        ["nikolaievitch", "nikolayevich", "nikolaevich"],
        ["andreievitch", "andreyevich", "andreevich"],
    ])
    func transliterationsShareASkeleton(_ spellings: [String]) {
        let skeletons = Set(spellings.map { Transliteration.skeleton(word: $0) })
        #expect(skeletons.count == 1, "\(spellings) → \(skeletons)")
    }

    @Test func differentWordsKeepDifferentSkeletons() {
        #expect(Transliteration.skeleton(word: "putin") != Transliteration.skeleton(word: "putain"))
        #expect(Transliteration.skeleton(word: "minsk") != Transliteration.skeleton(word: "pinsk"))
        #expect(Spelling.skeleton("cooperation") == "koperation")
        // A glide only between a vowel and « e »: « Maia » and « Maya » stay apart from « Maa ».
        #expect(Transliteration.skeleton(word: "maia") != Transliteration.skeleton(word: "maa"))
        #expect(Transliteration.skeleton(word: "ivanov") != Transliteration.skeleton(word: "vanov"))
    }
}

@Suite struct SimHashTests {
    static let words = (0..<300).map { "mot\($0 % 37)x\($0)" }

    @Test func smallEditsMoveFewBitsAndOtherTextsMany() throws {
        let base = try #require(SimHash.fingerprint(terms: Self.words))
        var edited = Self.words
        edited[150] = "autre"
        let near = try #require(SimHash.fingerprint(terms: edited))
        #expect(SimHash.distance(base, near) <= 3)
        let other = try #require(SimHash.fingerprint(terms: Self.words.map { $0 + "z" }))
        #expect(SimHash.distance(base, other) > 10)
        #expect(SimHash.fingerprint(terms: Array(Self.words.prefix(10))) == nil)  // too short to compare
    }

    @Test func fingerprintsAreStableAcrossRuns() {
        // FNV-1a, not Swift's per-process Hasher: the stored fingerprints stay comparable.
        #expect(SimHash.fnv1a("coopération") == SimHash.fnv1a("coopération"))
        #expect(SimHash.blocks(0x0001_0002_0003_0004) == [4, 3, 2, 1])
    }
}
