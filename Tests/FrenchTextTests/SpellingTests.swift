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
    ])
    func transliterationsShareASkeleton(_ spellings: [String]) {
        let skeletons = Set(spellings.map(Spelling.skeleton))
        #expect(skeletons.count == 1, "\(spellings) → \(skeletons)")
    }

    @Test func differentWordsKeepDifferentSkeletons() {
        #expect(Spelling.skeleton("putin") != Spelling.skeleton("putain"))
        #expect(Spelling.skeleton("minsk") != Spelling.skeleton("pinsk"))
        #expect(Spelling.skeleton("cooperation") == "koperation")
    }
}
