import Synchronization

/// One key for the spellings a name takes when it is transliterated from Cyrillic, Kazakh, Arabic…
/// by different outlets: French « Loukachenko », English « Lukashenko », mixed « Lukachenko » share
/// it, as do « Aleksandr » and « Alexandre », « Tokaïev » and « Tokayev », « Roumen » and « Rumen ».
/// The key is not a spelling to show: it is for matching (people across articles, query expansion).
package enum Transliteration {
    /// The skeleton of one word: `Spelling.skeleton` (the rules search uses: ou→u, tch/sh→ch, y→i,
    /// c/q→k, x→ks, w→v, -iev→-ev, a mute final e dropped, doubled letters), after the correspondences
    /// only names need: zh/dzh/dj→j (« Zhukov »/« Joukov »), ph→f, th→t, iy/yi→i (« Aliyev »/« Aliev »),
    /// and a final -er after a consonant read as -r (« Alexander »/« Alexandre »/« Aleksandr »).
    package static func skeleton(word: String) -> String {
        // A name folds to ASCII nearly always: then its letters are bytes, and the rules run on bytes.
        let folded = Folding.fold(word)
        if folded.utf8.allSatisfy({ $0 < 0x80 }) {
            var f = folded.utf8.filter { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
            ASCIIRewrite.replace(&f, "dzh", "j"); ASCIIRewrite.replace(&f, "zh", "j"); ASCIIRewrite.replace(&f, "dj", "j")
            ASCIIRewrite.replace(&f, "ph", "f"); ASCIIRewrite.replace(&f, "th", "t")
            ASCIIRewrite.replace(&f, "iy", "i"); ASCIIRewrite.replace(&f, "yi", "i")
            Spelling.skeletonASCII(&f)
            if f.count > 4, ASCIIRewrite.hasSuffix(f, "er"), !ASCIIRewrite.isVowel(f[f.count - 3]) { f.removeLast(2); f.append(UInt8(ascii: "r")) }
            return String(decoding: f, as: UTF8.self)
        }
        return skeletonScalars(word: word)
    }

    /// `skeleton(word:)` over Characters, for a name that keeps non-ASCII letters once folded.
    static func skeletonScalars(word: String) -> String {
        var f = Array(Folding.fold(word).unicodeScalars.filter { $0.properties.isAlphabetic }.map(Character.init))
        for (from, to) in [("dzh", "j"), ("zh", "j"), ("dj", "j"), ("ph", "f"), ("th", "t"), ("iy", "i"), ("yi", "i")] {
            let a = Array(from), b = Array(to)
            var out: [Character] = []
            var i = 0
            while i < f.count {
                if i + a.count <= f.count, Array(f[i..<(i + a.count)]) == a { out += b; i += a.count } else { out.append(f[i]); i += 1 }
            }
            f = out
        }
        var s = Array(Spelling.skeleton(String(f)))
        if s.count > 4, s.suffix(2) == ["e", "r"], !"aeiou".contains(s[s.count - 3]) { s.removeLast(2); s.append("r") }
        return String(s)
    }

    /// A Slavic patronymic (« Aleksandrovich », « Nikolaïevna »): dropped from the key when the
    /// name has another first name and surname, so « Mikhaïl Ivanovitch Petrov » is « Mikhaïl Petrov ».
    package static func isPatronymic(_ word: String) -> Bool {
        let f = Folding.fold(word)
        guard f.count > 6 else { return false }
        return ["ovich", "evich", "ovitch", "evitch", "ovych", "evych", "ovytch", "evytch", "ovna", "evna", "ivna", "ichna"].contains { f.hasSuffix($0) }
    }

    /// The key of a whole name: the skeletons of its words in alphabetical order, so a surname-first
    /// form (« Petrov Mikhaïl ») has the key of « Mikhaïl Petrov »; with three words or more, the last
    /// patronymic-shaped word is left out (« Petrov Mikhaïl Ivanovitch », « Mikhaïl Ivanovitch Petrov »).
    package static func key(name: String) -> String { words(name: name).sorted().joined(separator: " ") }

    /// The skeletons of a name's words in their order, the patronymic left out as in `key(name:)`.
    /// Memoised: the person extractor asks it of every candidate name, and names repeat.
    package static func words(name: String) -> [String] {
        if let known = memo.withLock({ $0[name] }) { return known }
        let words = computeWords(name: name)
        memo.withLock { table in
            if table.count >= 100_000 { table.removeAll(keepingCapacity: true) }  // bounded
            table[name] = words
        }
        return words
    }

    private static let memo = Mutex<[String: [String]]>([:])

    private static func computeWords(name: String) -> [String] {
        var parts = Folding.fold(name).split(whereSeparator: { $0 == " " }).map(String.init)
        if parts.count >= 3, let p = parts.lastIndex(where: isPatronymic) { parts.remove(at: p) }
        return parts.map { skeleton(word: $0) }.filter { !$0.isEmpty }
    }
}
