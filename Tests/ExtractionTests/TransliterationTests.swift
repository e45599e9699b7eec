import Testing
import FrenchText

/// Invented names; the correspondences are those of French and English transliterations.
@Suite struct TransliterationTests {
    static let same: [[String]] = [
        ["Loukachenko", "Lukashenko", "Lukachenko"],          // ou↔u, ch↔sh
        ["Aleksandr", "Alexandre", "Alexander"],              // ks↔x, -re/-er
        ["Tokaïev", "Tokayev", "Tokaiev", "Tokaev"],          // ï↔y, -iev↔-ev
        ["Poutine", "Putin"],                                  // ou↔u, silent final e
        ["Tchernenko", "Chernenko"],                           // tch↔ch
        ["Jouravlev", "Zhuravlev"],                            // j↔zh
        ["Nikolaï", "Nicolai", "Nikolay"],                     // k↔c, ï↔y
        ["Annenkova", "Anenkova"],                             // doubled letters
        ["Roumen", "Rumen"],
    ]

    @Test(arguments: same) func oneSkeleton(_ forms: [String]) {
        let keys = Set(forms.map { Transliteration.skeleton(word: $0) })
        #expect(keys.count == 1, "\(forms) → \(keys)")
    }

    @Test func differentNamesStayApart() {
        #expect(Transliteration.skeleton(word: "Petrov") != Transliteration.skeleton(word: "Petrova"))
        #expect(Transliteration.key(name: "Ivan Sokolov") != Transliteration.key(name: "Ivan Sokolenko"))
    }

    @Test func surnameFirstAndPatronymic() {
        let key = Transliteration.key(name: "Mikhaïl Petrov")
        #expect(Transliteration.key(name: "Petrov Mikhaïl") == key)
        #expect(Transliteration.key(name: "Petrov Mikhail Ivanovitch") == key)
        #expect(Transliteration.key(name: "Mikhaïl Ivanovich Petrov") == key)
        #expect(Transliteration.key(name: "Mikhail Petrov") == key)
        // A surname shaped like a patronymic stays when it is the only other word.
        #expect(Transliteration.key(name: "Aleksandr Volkovich") == Transliteration.key(name: "Volkovich Aleksandr Petrovich"))
    }
}
