import FrenchText

/// How a country was named in the text.
package enum CountryForm: String, Sendable { case name, demonym, capital }

package struct CountryHit: Sendable, Hashable {
    package let iso2: String
    package let form: CountryForm
    package init(iso2: String, form: CountryForm) { self.iso2 = iso2; self.form = form }
}

/// A country named in a token sequence, after case checks, compounds and non-country places.
package struct CountryMention: Sendable, Hashable {
    package let iso2: String
    package let form: CountryForm
    /// UTF-8 byte range of the words that name the country (same base as the tokens' ranges).
    package let range: Range<Int>
    /// Indices of the tokens the mention touches (a part of « Vietnam-Biélorussie » touches the whole token).
    package let tokens: Range<Int>
    /// A former state (« Union soviétique »), recognised but not a country today.
    package let historical: Bool
}

/// Country names, aliases, demonyms and capitals from the reference data, as one gazetteer.
/// Shared by every extractor that needs to know « en Biélorussie », « biélorusse », « à Minsk ».
///
/// `matches(in:)` is the plain phrase lookup over tokens. `mentions(in:)` is what to use for
/// « which countries does this text name »: it also reads hyphenated compounds
/// (« Vietnam-Biélorussie », « vietnamo-russe », « Minsk-Phu Quôc »), requires proper-noun case
/// for names and capitals (« Vienne » the city, not « qu'il vienne »; « EAU » not « eau ») and lets
/// organisations and regions (« Union économique eurasiatique », « Asie-Pacifique », « océan
/// Indien ») hide the country words inside them.
package struct CountryGazetteer: Sendable {
    private let table: PhraseTable
    private let historical: Set<String>

    package init(reference: Reference) {
        var t = PhraseTable()
        for c in reference.countries {
            for n in [c.name] + c.aliases {
                t.add(n, .country(CountryHit(iso2: c.iso2, form: .name), Casing(of: n)))
            }
            for d in c.demonyms {
                if d.hasSuffix("-") {
                    t.add(d, .prefix(c.iso2))
                } else {
                    // Short demonyms (« lao », « thaï ») are also Vietnamese name syllables (« Lào Cai »,
                    // « Thái Bình »): as adjectives they are written lower case, so only that counts.
                    let short = d.unicodeScalars.filter { $0.properties.isAlphabetic }.count <= 4
                    t.add(d, .country(CountryHit(iso2: c.iso2, form: .demonym), short ? .lowercase : .any))
                }
            }
            for cap in c.capitals {
                t.add(cap, .country(CountryHit(iso2: c.iso2, form: .capital), Casing(of: cap)))
            }
        }
        for o in reference.organisations {
            for n in [o.name, o.code] + o.aliases { t.add(n, .block(Casing(of: n))) }
        }
        for r in reference.regions { t.add(r, .block(Casing(of: r))) }
        t.finish()
        table = t
        historical = Set(reference.countries.filter(\.historical).map(\.iso2))
    }

    /// The place of a dateline that is a capital, with the dateline as its evidence.
    package typealias Dateline = (iso2: String, city: String, evidence: Evidence)

    /// The article's first dateline (« Lima (VNA) – … », « Quito, 3 mai (VNA) - … ») when its place is a
    /// capital: the parser sets it apart from the body, yet it names where the story is filed from.
    package func dateline(of article: Article) -> Dateline? {
        guard let d = article.setApart.filter({ $0.kind == .dateline }).min(by: { $0.range.lowerBound < $1.range.lowerBound }) else { return nil }
        let city = String(d.text.prefix { $0 != "," && $0 != "(" }).split(separator: " ").joined(separator: " ")
        let tokens = Tokenizer.tokens(city)
        guard let c = mentions(in: tokens).first, c.form == .capital, c.tokens == 0..<tokens.count else { return nil }
        return (c.iso2, city, Evidence(sentence: d.text, range: d.range, rule: "country.dateline"))
    }

    /// Countries named in `tokens`, left to right.
    package func mentions(in tokens: [Token]) -> [CountryMention] {
        let units = Unit.split(tokens)
        var found: [(units: Range<Int>, entry: PhraseTable.Entry)] = []
        var i = 0
        while i < units.count {
            if let (n, entry) = table.match(units, at: i) {
                found.append((i..<(i + n), entry))
                i += n
            } else {
                i += 1
            }
        }
        // In a lower-case compound (« vietnamo-russe », « latino-américain »), a demonym counts only
        // when every part of the compound is a demonym or a combining prefix.
        // A combining prefix makes any compound an adjective (« Sino-japonais »; « Indo-Pacifique » is none).
        var adjectival = Set<Int>()
        for f in found {
            guard let c = units[f.units.lowerBound].compound else { continue }
            if units[f.units.lowerBound].lowerCompound { adjectival.insert(c) }
            if case .prefix = f.entry { adjectival.insert(c) }
        }
        var badCompounds = Set<Int>()
        var covered: [Int: Int] = [:]  // compound → parts covered by demonyms or prefixes
        for f in found {
            guard let c = units[f.units.lowerBound].compound, adjectival.contains(c) else { continue }
            switch f.entry {
            case .prefix: covered[c, default: 0] += f.units.filter { units[$0].folded != "-" }.count
            case .country(let hit, _) where hit.form == .demonym:
                covered[c, default: 0] += f.units.filter { units[$0].folded != "-" }.count
            default: badCompounds.insert(c)
            }
        }
        for (c, n) in covered where n != units.filter({ $0.compound == c && $0.folded != "-" }).count { badCompounds.insert(c) }

        var out: [CountryMention] = []
        var lastLanguage = -10
        for f in found {
            let first = units[f.units.lowerBound], last = units[f.units.upperBound - 1]
            let hit: CountryHit
            switch f.entry {
            case .country(let h, _): hit = h
            case .prefix(let iso): hit = CountryHit(iso2: iso, form: .demonym)
            case .block: continue
            }
            if hit.form == .demonym, let c = first.compound, adjectival.contains(c), badCompounds.contains(c) { continue }
            if hit.form == .demonym, Self.isLanguage(tokens, at: first.token, after: &lastLanguage) { continue }
            // « le président paraguayen Santiago Peña », « la ministre Sofia Ivanova »: a one-word capital before a
            // capitalised name word is a first name, unless a preposition of place leads it (« à Sofia »).
            if hit.form == .capital, first.token == last.token, first.compound == nil, last.token + 1 < tokens.count,
               tokens[last.token + 1].isCapitalized, !tokens[last.token + 1].isPunctuation,
               first.token == 0 || !Self.placeLead.contains(tokens[first.token - 1]) { continue }
            out.append(CountryMention(iso2: hit.iso2, form: hit.form, range: first.range.lowerBound..<last.range.upperBound,
                                      tokens: first.token..<(last.token + 1), historical: historical.contains(hit.iso2)))
        }
        return out
    }
}

extension CountryGazetteer {
    static let languageIn = Lexicon.embedded.words("country.language-in")
    static let placeLead = Lexicon.embedded.words("country.place-lead")
    static let languageLead = Lexicon.embedded.words("country.language-lead")
    static let languageList = Lexicon.embedded.words("country.language-list")

    /// A demonym naming a language: « en russe », « la langue russe », « parle français », and the next
    /// of a list (« en russe et en anglais », « en russe et anglais »). A language is not a country mention.
    static func isLanguage(_ t: [Token], at i: Int, after last: inout Int) -> Bool {
        func f(_ k: Int) -> String { k >= 0 && k < t.count ? t[k].folded : "" }
        let p = f(i - 1)
        let inWord = languageIn.contains(p)
        var yes = (inWord && !t[i].isCapitalized) || languageLead.contains(p)
        if !yes, languageList.contains(p) || (inWord && languageList.contains(f(i - 2))), last >= i - 3 { yes = true }
        if yes { last = i }
        return yes
    }
}

/// Case a phrase demands of the text: proper names start with a capital, acronyms are all capitals.
enum Casing: Sendable {
    case any, capitalized, acronym, lowercase

    init(of phrase: String) {
        let letters = phrase.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count >= 2, letters.allSatisfy({ $0.properties.isUppercase }) { self = .acronym }
        else if letters.first?.properties.isUppercase == true { self = .capitalized }
        else { self = .any }
    }

    func accepts(_ u: Unit) -> Bool {
        switch self {
        case .any: return true
        case .capitalized: return u.capitalized
        case .acronym: return u.acronym
        case .lowercase: return !u.capitalized
        }
    }
}

/// A word or a part of a hyphenated word: « Vietnam-Biélorussie » → Vietnam, -, Biélorussie.
struct Unit: Sendable, FoldedKey {
    let folded: String
    let foldedHash: Int
    let range: Range<Int>
    let token: Int
    let capitalized: Bool
    let acronym: Bool
    /// Index of the hyphenated token this unit is part of.
    let compound: Int?
    /// The compound starts with a lower-case letter (an adjective: « sino-vietnamien »).
    let lowerCompound: Bool

    static let hyphenHash = WordHash.of("-")

    static func split(_ tokens: [Token]) -> [Unit] {
        var out: [Unit] = []
        out.reserveCapacity(tokens.count + 4)
        // Most tokens are one unit: their fields are read in place (copying each token out of the
        // array cost two retains and two releases).
        for k in tokens.indices {
            guard !tokens[k].isPunctuation, tokens[k].hasHyphen else {
                out.append(Unit(folded: tokens[k].folded, foldedHash: tokens[k].foldedHash, range: tokens[k].range, token: k,
                                capitalized: tokens[k].isCapitalized, acronym: tokens[k].isAcronym, compound: nil, lowerCompound: false))
                continue
            }
            let t = tokens[k]
            let lower = !t.isCapitalized
            let bytes = Array(t.text.utf8)
            var start = 0, j = 0
            func part(_ lo: Int, _ hi: Int) {
                guard hi > lo else { return }
                let text = String(decoding: bytes[lo..<hi], as: UTF8.self)
                let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
                let folded = Folding.fold(text)
                out.append(Unit(folded: folded, foldedHash: WordHash.of(folded), range: (t.range.lowerBound + lo)..<(t.range.lowerBound + hi), token: k,
                                capitalized: letters.first?.properties.isUppercase == true,
                                acronym: letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase },
                                compound: k, lowerCompound: lower))
            }
            while j < bytes.count {
                let hyphenLength = bytes[j] == 0x2D ? 1 : (j + 2 < bytes.count && bytes[j] == 0xE2 && bytes[j + 1] == 0x80
                                                          && (bytes[j + 2] == 0x91 || bytes[j + 2] == 0x90) ? 3 : 0)
                if hyphenLength > 0 {
                    part(start, j)
                    out.append(Unit(folded: "-", foldedHash: Unit.hyphenHash, range: (t.range.lowerBound + j)..<(t.range.lowerBound + j + hyphenLength), token: k,
                                    capitalized: false, acronym: false, compound: k, lowerCompound: lower))
                    j += hyphenLength
                    start = j
                } else {
                    j += 1
                }
            }
            part(start, bytes.count)
        }
        return out
    }
}

/// The country phrases: a `PhraseMatcher` over units (phrases split the same way as the text), with
/// the case and compound rules of each entry.
struct PhraseTable: Sendable {
    enum Entry: Sendable {
        case country(CountryHit, Casing)
        /// A combining form (« vietnamo- ») valid only inside a compound adjective.
        case prefix(String)
        /// An organisation or region: its words are not a country mention.
        case block(Casing)
    }

    private var matcher = PhraseMatcher<Entry>()

    mutating func add(_ phrase: String, _ entry: Entry) {
        var words = Unit.split(Tokenizer.tokens(phrase)).map(\.folded)
        if case .prefix = entry, words.last == "-" { words.removeLast() }
        let label: String
        switch entry {
        case .country(let hit, _): label = hit.form.rawValue
        case .prefix: label = "prefix"
        case .block: label = "block"
        }
        matcher.add(words: words, entry, label: label)
    }

    /// Kept for the callers' build order; the matcher keeps its phrases longest first as they come.
    mutating func finish() {}

    /// Length (in units) and entry of the longest phrase at `i` whose case the text satisfies.
    func match(_ units: [Unit], at i: Int) -> (Int, Entry)? {
        let found = matcher.longest(at: i, in: units) { c in
            switch c.payload {
            case .country(_, let casing), .block(let casing):
                return casing.accepts(units[i])
            case .prefix:
                // Followed by « - » inside the same compound.
                let end = i + c.words.count
                return end < units.count && units[end].folded == "-" && units[i].compound != nil && units[end].compound == units[i].compound
            }
        }
        return found.map { ($0.length, $0.entry.payload) }
    }
}
