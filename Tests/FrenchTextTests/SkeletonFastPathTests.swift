import Testing
@testable import FrenchText

/// The byte paths of the skeletons must give exactly what the scalar paths give: they are a speed-up
/// for ASCII names, not other rules. Random words over the letters the rules look at.
@Suite struct SkeletonFastPathTests {
    @Test func asciiSkeletonsEqualScalarSkeletons() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 { state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407; return state >> 33 }
        let letters = Array("aeioucdhjkpqstvwxyzrn".utf8)
        for _ in 0..<3_000 {
            let n = Int(next() % 11) + 1
            var w = String(decoding: (0..<n).map { _ in letters[Int(next()) % letters.count] }, as: UTF8.self)
            if next() % 5 == 0 { w = w.prefix(1).uppercased() + w.dropFirst() }
            if next() % 7 == 0 { w += "-" + w }
            #expect(Spelling.skeleton(w.lowercased()) == Spelling.skeletonScalars(w.lowercased()), "\(w)")
            #expect(Transliteration.skeleton(word: w) == Transliteration.skeletonScalars(word: w), "\(w)")
        }
        for w in ["Loukachenko", "Lukashenko", "Aleksandr", "Alexandre", "Tokaïev", "Dzhumabek", "Phuong", "iev", "xxe", "Ngô"] {
            #expect(Transliteration.skeleton(word: w) == Transliteration.skeletonScalars(word: w), "\(w)")
        }
    }
}
