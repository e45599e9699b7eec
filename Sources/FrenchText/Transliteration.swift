/// One key for the spellings a name takes when it is transliterated from Cyrillic, Kazakh, Arabic…
/// by different outlets: French « Loukachenko », English « Lukashenko », mixed « Lukachenko » share
/// it, as do « Aleksandr » and « Alexandre », « Tokaïev » and « Tokayev », « Roumen » and « Rumen ».
/// The key is not a spelling to show: it is for matching (people across articles, query expansion).
public enum Transliteration {
    /// The skeleton of one word: folded, then the correspondences French and English
    /// transliterations disagree on are reduced to one form.
    ///
    /// ou→u (« Poutine »/« Putin »), tch/sh/sch→ch (« Tchernov »/« Chernov », « Shoigu »/« Choïgou »),
    /// zh/dj→j (« Zhukov »/« Joukov »), ï/y→i (« Tokaïev »/« Tokayev »), x→ks (« Alexeï »/« Aleksei »),
    /// c/q→k (« Nicolai »/« Nikolai »), w→v, ph→f, th→t; doubled letters collapse (« Annenkov »/« Anenkov »);
    /// word-final -iev→-ev (« Tokaiev »/« Tokayev »/« Tokaev »), -re/-er/-e after a consonant drop their e
    /// (« Alexandre »/« Alexander »/« Aleksandr », « Poutine »/« Putin »).
    public static func skeleton(word: String) -> String {
        var s = Array(Folding.fold(word).unicodeScalars.filter { $0.properties.isAlphabetic }.map(Character.init))
        func replace(_ from: String, _ to: String) {
            let f = Array(from), t = Array(to)
            guard s.count >= f.count else { return }
            var out: [Character] = []
            out.reserveCapacity(s.count)
            var i = 0
            while i < s.count {
                if i + f.count <= s.count, Array(s[i..<(i + f.count)]) == f { out += t; i += f.count } else { out.append(s[i]); i += 1 }
            }
            s = out
        }
        replace("tch", "ch"); replace("sch", "ch"); replace("sh", "ch")
        replace("zh", "j"); replace("dj", "j"); replace("dzh", "j")
        replace("ou", "u")
        replace("y", "i")
        replace("x", "ks")
        replace("ck", "k"); replace("qu", "k"); replace("q", "k")
        // « c » before a, o, u, a consonant or at the end sounds k in both spellings (« Nicolai », « Viktor »).
        var k: [Character] = []
        for (i, c) in s.enumerated() {
            if c == "c", i + 1 >= s.count || !"eih".contains(s[i + 1]) { k.append("k") } else { k.append(c) }
        }
        s = k
        replace("w", "v"); replace("ph", "f"); replace("th", "t")
        var collapsed: [Character] = []
        for c in s where collapsed.last != c { collapsed.append(c) }
        s = collapsed
        func isVowel(_ c: Character) -> Bool { "aeiou".contains(c) }
        if s.count > 4, s.suffix(3) == ["i", "e", "v"] { s.removeLast(3); s += ["e", "v"] }
        if s.count > 4, s.last == "e", !isVowel(s[s.count - 2]) {
            s.removeLast()  // « Alexandre » → « aleksandr », « Poutine » → « putin »
        } else if s.count > 4, s.suffix(2) == ["e", "r"], !isVowel(s[s.count - 3]) {
            s.removeLast(2); s.append("r")  // « Alexander » → « aleksandr »
        }
        return String(s)
    }

    /// A Slavic patronymic (« Aleksandrovich », « Nikolaïevna »): dropped from the key when the
    /// name has another first name and surname, so « Mikhaïl Ivanovitch Petrov » is « Mikhaïl Petrov ».
    public static func isPatronymic(_ word: String) -> Bool {
        let f = Folding.fold(word)
        guard f.count > 6 else { return false }
        return ["ovich", "evich", "ovitch", "evitch", "ovych", "evych", "ovytch", "evytch", "ovna", "evna", "ivna", "ichna"].contains { f.hasSuffix($0) }
    }

    /// The key of a whole name: the skeletons of its words in alphabetical order, so a surname-first
    /// form (« Petrov Mikhaïl ») has the key of « Mikhaïl Petrov »; with three words or more, the last
    /// patronymic-shaped word is left out (« Petrov Mikhaïl Ivanovitch », « Mikhaïl Ivanovitch Petrov »).
    public static func key(name: String) -> String { words(name: name).sorted().joined(separator: " ") }

    /// The skeletons of a name's words in their order, the patronymic left out as in `key(name:)`.
    public static func words(name: String) -> [String] {
        var parts = Folding.fold(name).split(whereSeparator: { $0 == " " }).map(String.init)
        if parts.count >= 3, let p = parts.lastIndex(where: isPatronymic) { parts.remove(at: p) }
        return parts.map { skeleton(word: $0) }.filter { !$0.isEmpty }
    }
}
