import FrenchText

/// Finds named documents signed, adopted or in force: « déclaration commune sur … », « protocole
/// visant à … », « protocole d’accord » (memorandum), « lettre d’intention », « programme de
/// coopération pour 2025-2027 », « Accord de libre-échange Vietnam-UEEA », « traité ».
/// Vague plurals (« plusieurs accords ») and bare repeats (« le protocole récemment signé ») are
/// not new agreements; documents still to be negotiated or signed are not agreements yet.
public struct AgreementExtractor: Sendable {
    public let reference: Reference
    let countries: CountryGazetteer
    let organisations: Gazetteer<String>
    let heads: Gazetteer<Head>
    let domainTerms: Gazetteer<String>

    struct Head: Sendable {
        let kind: AgreementKind
        /// « déclaration commune », « accord de libre-échange » name a document by themselves;
        /// « protocole », « accord » need a complement to be told apart from a mere mention.
        let specific: Bool
    }

    /// The French names of agreement kinds: part of the extractor's grammar, longest match wins.
    static let headPhrases: [(String, AgreementKind, Bool)] = [
        ("déclaration commune", .declaration, true), ("déclaration conjointe", .declaration, true),
        ("communiqué commun", .declaration, true), ("communiqué conjoint", .declaration, true),
        ("protocole d'accord", .memorandum, false), ("protocole d'entente", .memorandum, false),
        ("mémorandum d'accord", .memorandum, false), ("mémorandum d'entente", .memorandum, false),
        ("mémorandum de coopération", .memorandum, false), ("mémorandum", .memorandum, false),
        ("protocole", .protocol, false),
        ("lettre d'intention", .letterOfIntent, false),
        ("programme de coopération", .programme, false), ("programme d'action", .programme, false),
        ("plan de coopération", .plan, false), ("plan d'action", .plan, false),
        ("feuille de route", .other, false),
        ("accord de libre-échange", .agreement, true), ("accord-cadre", .agreement, false), ("accord", .agreement, false),
        ("traité", .treaty, false), ("convention", .agreement, false),
    ]

    public init(reference: Reference) {
        self.reference = reference
        countries = CountryGazetteer(reference: reference)
        organisations = AnalysedDocument.organisationGazetteer(reference)
        var h = Gazetteer<Head>()
        for (phrase, kind, specific) in Self.headPhrases { h.add(phrase, Head(kind: kind, specific: specific)) }
        heads = h
        var d = Gazetteer<String>()
        for domain in reference.domains { for term in domain.terms { d.add(term, domain.slug) } }
        domainTerms = d
    }

    public func extract(from document: Document) -> [AgreementFact] {
        extract(AnalysedDocument(document: document, countries: countries, organisations: organisations))
    }

    func extract(_ doc: AnalysedDocument) -> [AgreementFact] {
        var out: [AgreementFact] = []
        for s in doc.sentences {
            let t = s.tokens
            let signed = t.contains { Self.signingWords.contains($0.folded) }
            var i = 0
            while i < t.count {
                guard let m = heads.match(at: i, in: t) else { i += 1; continue }
                defer { i = max(i + 1, m.tokens.upperBound) }
                // « d'accord » (agree), « accord » as in « en accord avec »: not a document.
                if m.payload.kind == .agreement, m.tokens.count == 1, ["d'", "en", "un"].contains(s.folded(i - 1)) && s.folded(i + 1) != "de" && s.folded(i + 1) != "sur" && s.folded(i + 1) != "entre" { continue }
                if isProspective(s, before: i) { continue }
                // « la Convention des Nations unies sur le droit de la mer » cited as a reference is not a bilateral document.
                if t[i].folded == "convention" && !signed { continue }
                let end = titleEnd(s, from: m.tokens.upperBound)
                let bare = end == m.tokens.upperBound
                if bare && !m.payload.specific { continue }
                let title = text(s, m.tokens.lowerBound..<end)
                let span = m.tokens.lowerBound..<end
                var parties: [String] = []
                for c in s.countries where span.contains(c.tokens.lowerBound) && !parties.contains(c.iso2) { parties.append(c.iso2) }
                for o in s.organisations where span.contains(o.tokens.lowerBound) && !parties.contains(o.code) { parties.append(o.code) }
                if parties.count < 2 {
                    for c in s.countries where !parties.contains(c.iso2) { parties.append(c.iso2) }
                }
                for c in doc.countryRank where parties.count < 2 && !parties.contains(c) { parties.append(c) }
                var date = s.dates.first { $0.start != nil && $0.kind != .period && !span.contains($0.tokens.lowerBound) }?.start
                if date == nil && signed { date = doc.document.date }
                if !signed && !s.dates.contains(where: { $0.kind == .sameDay }) { date = nil }
                var domains: [String] = []
                for d in domainTerms.matches(in: Array(t[span])) where !domains.contains(d.payload) { domains.append(d.payload) }
                let fact = AgreementFact(kind: m.payload.kind, title: title, parties: parties, signed: date, domains: domains,
                                         evidence: s.sentence.evidence)
                if let k = out.firstIndex(where: { Self.same($0, fact) }) {
                    if out[k].signed == nil { out[k].signed = fact.signed }
                    if fact.title.count > out[k].title.count { out[k].title = fact.title; out[k].domains = fact.domains }
                } else {
                    out.append(fact)
                }
            }
        }
        return out
    }

    static let signingWords: Set<String> = ["signe", "signee", "signes", "signees", "signent", "signaient", "signature", "conclu",
                                            "conclue", "conclus", "adopte", "adoptee", "adoptes", "adoptent", "paraphe", "paraphent",
                                            "echange", "echangent", "ratifie", "ratifient"]

    /// « négocier un accord », « ont convenu de signer un protocole », « projet d'accord »: not yet a document.
    func isProspective(_ s: AnalysedSentence, before i: Int) -> Bool {
        for k in max(0, i - 4)..<i {
            let f = s.tokens[k].folded
            if ["signer", "negocier", "conclure", "elaborer", "projet", "negociation", "negociations", "futur", "prochain", "rediger"].contains(f) { return true }
        }
        return false
    }

    /// The noun phrase after the head: up to a clause boundary, a relative pronoun, a verb or the next document.
    func titleEnd(_ s: AnalysedSentence, from start: Int) -> Int {
        let t = s.tokens
        var j = start
        while j < t.count, j - start < 30 {
            let w = t[j]
            let f = w.folded
            if w.isPunctuation {
                if w.text == "(" , j + 2 < t.count, t[j + 2].text == ")" { j += 3; continue }
                if w.text == "-" || w.text == "–" { j += 1; continue }
                break
            }
            if ["qui", "que", "qu'", "dont", "lequel", "laquelle", "lors", "afin", "ainsi", "tandis", "mais", "car", "recemment",
                "deja", "egalement", "aussi", "notamment", "comme"].contains(f) { break }
            if FrenchWords.isAuxiliary(w) && f != "se" && f != "s'" { break }
            if Self.signingWords.contains(f) { break }
            if f == "et", j + 2 < t.count, FrenchWords.determiners.contains(t[j + 1].folded), heads.match(at: j + 2, in: t) != nil { break }
            if isFiniteVerb(f), j > start { break }
            j += 1
        }
        // No dangling preposition or article at the end.
        while j > start, FrenchWords.isFunctionWord(t[j - 1].folded) || t[j - 1].text == "(" { j -= 1 }
        return j
    }

    /// Third-person plural present and future forms (« contribuent », « ouvrira »), not « -ment » nouns.
    func isFiniteVerb(_ f: String) -> Bool {
        if f.hasSuffix("ent"), !f.hasSuffix("ment"), !f.hasSuffix("dent"), !f.hasSuffix("nent") || f.hasSuffix("iennent"),
           !f.hasSuffix("cent"), !f.hasSuffix("gent"), !f.hasSuffix("lent"), !f.hasSuffix("rent"), f.utf8.count > 5 { return true }
        if f.hasSuffix("era") || f.hasSuffix("eront") || f.hasSuffix("ira") || f.hasSuffix("iront") { return true }
        return false
    }

    func text(_ s: AnalysedSentence, _ r: Range<Int>) -> String {
        let b = Array(s.sentence.text.utf8)
        let base = s.sentence.range.lowerBound
        return String(decoding: b[(s.tokens[r.lowerBound].range.lowerBound - base)..<(s.tokens[r.upperBound - 1].range.upperBound - base)], as: UTF8.self)
    }

    /// A repeated mention: same kind and one title contained in the other.
    static func same(_ a: AgreementFact, _ b: AgreementFact) -> Bool {
        guard a.kind == b.kind else { return false }
        let x = Folding.fold(a.title), y = Folding.fold(b.title)
        return x.contains(y) || y.contains(x)
    }
}
