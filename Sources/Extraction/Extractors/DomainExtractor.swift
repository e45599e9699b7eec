import FrenchText

/// Cooperation domains (slugs of `seeds/reference/domains.tsv`) the article's own text mentions.
///
/// The terms of every domain form one phrase table over folded, lightly de-inflected words
/// (« culturelles » = « culturel », « commerciaux » = « commercial »), longest phrase first, so
/// « sécurité de l'information » is cybersecurity and not also security. A term written `!phrase`
/// is a phrase that is not that domain (« économie mondiale », « groupe de travail »): it is
/// matched like the others and hides its words, giving no domain unless another row claims it.
package struct DomainExtractor: Sendable {
    package let reference: Reference
    /// Stemmed terms → the slugs they name (none for a `!phrase`).
    private var table = PhraseMatcher<[String]>()

    package init(reference: Reference) {
        self.reference = reference
        var merged: [[String]: [String]] = [:]
        for d in reference.domains {
            for term in d.terms {
                let negative = term.hasPrefix("!")
                let words = Self.stems(Tokenizer.tokens(negative ? String(term.dropFirst()) : term)).map(\.folded)
                guard !words.isEmpty else { continue }
                if negative {
                    if merged[words] == nil { merged[words] = [] }
                } else if !(merged[words]?.contains(d.slug) ?? false) {
                    merged[words, default: []].append(d.slug)
                }
            }
        }
        // In a fixed order, so that equal-length phrases (there are none today) would resolve the same way every run.
        for (words, slugs) in merged.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            table.add(words: words, slugs, label: slugs.isEmpty ? "not-a-domain" : "domain")
        }
    }

    /// Domains in order of first mention, each with the sentences that mention it.
    package func extract(from document: Document) -> [DomainFact] {
        var order: [String] = []
        var evidence: [String: [Evidence]] = [:]
        for (sentence, tokens) in zip(document.sentences, document.tokens) {
            var words = Self.stems(tokens)
            Self.hidePlaceNames(tokens, &words)
            Self.hideInstitutionNames(tokens, &words)
            for slug in domains(in: words) {
                if evidence[slug] == nil { order.append(slug) }
                if evidence[slug, default: []].last?.range != sentence.range {
                    evidence[slug, default: []].append(sentence.evidence("domain.phrase"))
                }
            }
        }
        return order.map { DomainFact(slug: $0, evidence: evidence[$0] ?? []) }
    }

    /// Slugs named in a sequence of stems, left to right (repeats included).
    func domains(in words: [HashedWord]) -> [String] {
        table.matches(in: words).flatMap(\.payload)
    }

    /// A hidden word: matches no term.
    static let hidden = HashedWord("")

    /// A final « é » is kept apart: « élevé(s) » (« s'est élevé à », « élevés au rang de ») is not « élève(s) ».
    /// Terms and text go through the same path, so « santé », « sécurité » still match.
    static func stems(_ tokens: [Token]) -> [HashedWord] {
        // Tokens read in place, not copied out of the array one by one (two retains and releases each).
        tokens.withUnsafeBufferPointer { p in
            p.indices.map { k in
                // A word ending in neither s, x nor e, written without a final s, e or « é », is its own key
                // (no stem rule and no « é » mark apply): most words, read in two bytes.
                if let f = p[k].folded.lastUTF8Byte, f != UInt8(ascii: "s"), f != UInt8(ascii: "x"), f != UInt8(ascii: "e"),
                   let w = p[k].text.lastUTF8Byte, w | 0x20 != UInt8(ascii: "s"), w | 0x20 != UInt8(ascii: "e"), w != 0xA9, w != 0x89 {
                    return HashedWord(p[k].folded, hash: p[k].foldedHash)
                }
                let s = stemKey(p[k])
                // Most words are their own stem (the same string, compared at once): the token has its hash.
                return s == p[k].folded ? HashedWord(p[k].folded, hash: p[k].foldedHash) : HashedWord(s)
            }
        }
    }

    @inline(__always)
    private static func stemKey(_ t: Token) -> String {
        let s = stem(t.folded)
        // Read from the written bytes (no lower-cased copy): « é » is C3 A9 in UTF-8, « É » C3 89.
        let acute = t.text.utf8.withContiguousStorageIfAvailable { u -> Bool in
            var end = u.count
            if end > 0, u[end - 1] | 0x20 == UInt8(ascii: "s") { end -= 1 }
            if end > 0, u[end - 1] | 0x20 == UInt8(ascii: "e") { end -= 1 }
            guard end >= 2 else { return false }
            return u[end - 2] == 0xC3 && (u[end - 1] == 0xA9 || u[end - 1] == 0x89)
        } ?? false
        return acute ? s + "\u{301}" : s
    }

    /// « la province de Bac Lieu », « la ville de Gomel »: a place's name, not a word about local cooperation.
    static func hidePlaceNames(_ tokens: [Token], _ words: inout [HashedWord]) {
        for i in tokens.indices.dropLast(2) where placeNouns.contains(tokens[i])
            && placeOf.contains(tokens[i + 1]) && tokens[i + 2].isCapitalized && !tokens[i + 2].isPunctuation {
            words[i] = hidden
        }
    }

    /// « la chambre d'industrie de la région », « l'Agence vietnamienne d'information », « l'aéroport militaire
    /// de X », « le ministre du Développement économique »: the words of an institution's name say who someone
    /// is or where something happens, not a field the two sides cooperate in. The name runs from the
    /// institution noun to the first punctuation, verb or clause word (« … et de la Jeunesse, a signé »).
    static func hideInstitutionNames(_ tokens: [Token], _ words: inout [HashedWord]) {
        var i = 0
        while i < tokens.count {
            // « selon le ministère de l'Industrie »: a ministry quoted as a source names no field.
            let quoted = sourceNouns.contains(tokens[i]) && (1...2).contains { k in i >= k && sourceLeads.contains(tokens[i - k]) }
            guard institutionNouns.contains(tokens[i]) || quoted else { i += 1; continue }
            var j = i + 1
            while j < tokens.count, j - i <= 12 {
                let t = tokens[j]
                // « ministère de l'Éducation, de la Jeunesse et des Sports »: capitalised names listed with commas.
                if t.text == ",", tokens[j - 1].isCapitalized,
                   let next = (j + 1..<min(tokens.count, j + 4)).first(where: { !placeOf.contains(tokens[$0]) && !FrenchWords.determiners.contains(tokens[$0]) }),
                   next > j + 1, tokens[next].isCapitalized { j += 1; continue }
                if t.isPunctuation && t.text != "-" || FrenchWords.isAuxiliary(t) || nameStops.contains(t) { break }
                words[j] = hidden
                j += 1
            }
            i = j
        }
    }

    static let institutionNouns = Lexicon.embedded.words("domain.institution-noun")
    static let sourceNouns = Lexicon.embedded.words("domain.source-noun")
    static let sourceLeads = Lexicon.embedded.words("domain.source-lead")
    static let nameStops = Lexicon.embedded.words("domain.name-stop")
    static let placeNouns = Lexicon.embedded.words("domain.place-noun")
    static let placeOf = Lexicon.embedded.words("domain.place-of")

    /// Folds plural and feminine endings together: culturelles → culturel, commerciaux → commercial,
    /// énergies → energie, éducative → educatif, pétrolière → petrolier. Short words are kept whole
    /// (« des », « aux »). Both the terms and the text go through it, so only consistency matters.
    static func stem(_ w: String) -> String {
        // Every rule below needs a final s, x or e: other words (most) are returned without copying.
        guard w.utf8.count > 3, let final = w.lastUTF8Byte,
              final == UInt8(ascii: "s") || final == UInt8(ascii: "x") || final == UInt8(ascii: "e") else { return w }
        // A final « e » without a feminine ending below (« visite », « coopérative » aside) is kept as is,
        // without copying its bytes.
        if final == UInt8(ascii: "e") {
            // Compared in the contiguous UTF-8: `suffix` on the String's view cost more than the rest.
            let feminine = w.utf8.withContiguousStorageIfAvailable { v -> Bool in
                func ends(_ s: StaticString) -> Bool {
                    let n = s.utf8CodeUnitCount
                    return v.count > n + 1 && UnsafeBufferPointer(rebasing: v[(v.count - n)...]).elementsEqual(UnsafeBufferPointer(start: s.utf8Start, count: n))
                }
                return ends("elle") || ends("enne") || ends("ive") || ends("iere") || ends("ale")
            } ?? true
            if !feminine { return w }
        }
        var u = Array(w.utf8)
        func ends(_ s: StaticString) -> Bool {
            let n = s.utf8CodeUnitCount
            return u.count > n + 1 && u.suffix(n).elementsEqual(UnsafeBufferPointer(start: s.utf8Start, count: n))
        }
        func replace(_ n: Int, _ s: String) { u.removeLast(n); u.append(contentsOf: s.utf8) }
        if ends("aux") { replace(3, "al") }
        else if u.last == UInt8(ascii: "s") || u.last == UInt8(ascii: "x") { u.removeLast() }
        if ends("elle") { replace(4, "el") }
        else if ends("enne") { replace(4, "en") }
        else if ends("ive") { replace(3, "if") }
        else if ends("iere") { replace(4, "ier") }
        else if ends("ale") { replace(3, "al") }
        return String(decoding: u, as: UTF8.self)
    }
}
