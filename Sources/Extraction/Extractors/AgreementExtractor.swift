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
        // Named documents that do not start with « accord »: only when written as a title or adopted/signed.
        ("déclaration", .declaration, false), ("vision commune", .other, false), ("partenariat", .other, false),
    ]

    /// « déclaration » alone is also a statement (« dans une déclaration, le porte-parole… »): a document
    /// only when named after a place (« déclaration de Hanoi ») or adopted on a subject (« déclaration sur… »).
    /// « vision commune » is also shared views (« partagent une vision commune »): a document when written
    /// as a title. « Partenariat » names a document only as a signed title, never a relationship
    /// level (« Partenariat stratégique global »).
    func isNamedDocument(_ s: AnalysedSentence, head: Range<Int>, signed: Bool) -> Bool {
        let t = s.tokens
        let first = t[head.lowerBound]
        let capitalised = first.isCapitalized && head.lowerBound > 0
        switch first.folded {
        case "declaration" where head.count == 1:
            let next = s.folded(head.upperBound)
            // « a fait une déclaration sur la situation »: a statement unless adopted or signed.
            if next == "sur" { return signed }
            return (next == "de" || next == "d'") && head.upperBound + 1 < t.count && t[head.upperBound + 1].isCapitalized
        case "vision":
            return capitalised
        case "partenariat":
            return capitalised && signed && !Self.relationLevels.contains(s.folded(head.upperBound))
        default:
            return true
        }
    }

    static let relationLevels: Set<String> = ["strategique", "global", "integral", "etendu", "approfondi", "privilegie", "complet", "special"]

    public init(reference: Reference, countries: CountryGazetteer? = nil, organisations: Gazetteer<String>? = nil) {
        self.reference = reference
        self.countries = countries ?? CountryGazetteer(reference: reference)
        self.organisations = organisations ?? AnalysedDocument.organisationGazetteer(reference)
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

    /// A document found in a sentence, before its parties and date are settled.
    struct Candidate {
        let head: Range<Int>
        let span: Range<Int>
        let kind: AgreementKind
    }

    func extract(_ doc: AnalysedDocument) -> [AgreementFact] {
        var out: [AgreementFact] = []
        var keys: [Set<String>] = []
        // The latest day the story has reached (« lundi 21 juillet »): what « à cette occasion, … ont signé » refers to.
        var storyDay: PartialDate?
        for s in doc.sentences {
            let t = s.tokens
            let signed = t.contains { Self.signingWords.contains($0.folded) }
            let candidates = self.candidates(s, signed: signed)
            if let day = s.dates.last(where: { $0.kind != .period && $0.start?.precision == .day })?.start,
               doc.document.date.map({ day <= $0 }) ?? true {
                storyDay = day
            }
            for c in candidates {
                let title = text(s, c.span)
                let parties = self.parties(of: c, in: s, doc)
                // A date inside a title (« pour 2025-2027 », « à l'horizon 2030 ») or naming an aim is no signing date.
                var date = s.dates.first { d in
                    d.start != nil && d.kind != .period && !candidates.contains { $0.span.contains(d.tokens.lowerBound) }
                        && !Self.aimWords.contains(s.folded(d.tokens.lowerBound - 1)) && !Self.aimWords.contains(s.folded(d.tokens.lowerBound - 2))
                }?.start
                if date == nil && signed { date = Self.recent(storyDay, before: doc.document.date) ?? doc.document.date }
                if !signed && !s.dates.contains(where: { $0.kind == .sameDay }) { date = nil }
                var domains: [String] = []
                for d in domainTerms.matches(in: Array(t[c.span])) where !domains.contains(d.payload) { domains.append(d.payload) }
                let fact = AgreementFact(kind: c.kind, title: title, parties: parties, signed: date, domains: domains,
                                         evidence: s.sentence.evidence)
                let key = contentWords(s, c.span)
                if let k = out.indices.first(where: { Self.same(out[$0], fact) || Self.sameDocument(out[$0], keys[$0], fact, key) }) {
                    if out[k].signed == nil { out[k].signed = fact.signed }
                    if fact.title.count > out[k].title.count { out[k].title = fact.title; out[k].domains = fact.domains; keys[k] = key }
                } else {
                    out.append(fact)
                    keys.append(key)
                }
            }
        }
        return out
    }

    /// The story's day when it lies in the two weeks before the article date (news reports recent events).
    static func recent(_ day: PartialDate?, before articleDate: PartialDate?) -> PartialDate? {
        guard let day, let d = day.day, let m = day.month else { return nil }
        guard let a = articleDate, let ad = a.day, let am = a.month else { return day }
        let gap = (a.year * 12 + am) * 31 + ad - ((day.year * 12 + m) * 31 + d)
        return (0...14).contains(gap) ? day : nil
    }

    /// Words before a year that make it an aim or a validity period, not a signing date.
    static let aimWords: Set<String> = ["horizon", "d'ici", "pour", "periode", "depuis", "jusqu'en", "jusqu'a"]

    /// The documents a sentence names, left to right.
    func candidates(_ s: AnalysedSentence, signed: Bool) -> [Candidate] {
        let t = s.tokens
        var out: [Candidate] = []
        var i = 0
        while i < t.count {
            guard let m = heads.match(at: i, in: t) else { i += 1; continue }
            defer { i = max(i + 1, m.tokens.upperBound) }
            if m.payload.kind == .agreement, m.tokens.count == 1, !isDocumentAccord(s, at: i) { continue }
            if isProspective(s, before: i) { continue }
            // « la Convention des Nations unies sur le droit de la mer » cited as a reference is not a bilateral document.
            if t[i].folded == "convention" && !signed { continue }
            if !isNamedDocument(s, head: m.tokens, signed: signed) { continue }
            let end = titleEnd(s, from: m.tokens.upperBound)
            if end == m.tokens.upperBound && !m.payload.specific { continue }
            out.append(Candidate(head: m.tokens, span: m.tokens.lowerBound..<end, kind: m.payload.kind))
        }
        return out
    }

    static let consensusWords: Set<String> = ["parvenir", "parvenu", "parvenus", "parvenue", "parvenues", "parviennent", "parvient",
                                              "trouver", "trouve", "trouvent", "aboutir", "abouti", "aboutissent"]

    /// « d'accord » (agree), « en accord avec », « parvenir à un accord » are no documents; « un accord
    /// intergouvernemental sur… », « un accord de coopération » are.
    func isDocumentAccord(_ s: AnalysedSentence, at i: Int) -> Bool {
        switch s.folded(i - 1) {
        case "d'", "en": return false
        case "un":
            // « parvenir à un accord », « trouver un accord »: a consensus, not a document.
            if (max(0, i - 4)..<i).contains(where: { Self.consensusWords.contains(s.folded($0)) }) { return false }
            var j = i + 1
            while j < s.tokens.count, j - i <= 2, !FrenchWords.isFunctionWord(s.tokens[j].folded), !s.tokens[j].isPunctuation { j += 1 }
            return ["de", "d'", "sur", "entre"].contains(s.folded(j))
        default: return true
        }
    }

    /// Parties named in the document's own phrase (« lettre d'intention avec l'Allemagne »), else in its
    /// sentence, else in the sentences of the paragraph leading up to it (a tour stop told just before),
    /// completed by the countries the article is mostly about.
    func parties(of c: Candidate, in s: AnalysedSentence, _ doc: AnalysedDocument) -> [String] {
        var parties: [String] = []
        func add(_ code: String) { if !parties.contains(code) { parties.append(code) } }
        var phrase = c.span
        if s.folded(c.span.upperBound) == "avec" { phrase = c.span.lowerBound..<min(s.tokens.count, c.span.upperBound + 4) }
        for x in s.countries where phrase.contains(x.tokens.lowerBound) { add(x.iso2) }
        for o in s.organisations where phrase.contains(o.tokens.lowerBound) { add(o.code) }
        if parties.isEmpty {
            var context = s.countries.map(\.iso2)
            if context.isEmpty {
                for k in stride(from: s.index - 1, through: 0, by: -1) {
                    let p = doc.sentences[k]
                    guard p.sentence.paragraph == s.sentence.paragraph else { break }
                    if !p.countries.isEmpty { context = p.countries.map(\.iso2); break }
                }
            }
            for x in context { add(x) }
        }
        for x in doc.countryRank where parties.count < 2 { add(x) }
        return parties
    }

    /// The title's own words, without grammar words, country or organisation names and parentheses:
    /// « accord de libre-échange Vietnam - UEEA » and « Accord de libre-échange entre le Vietnam et
    /// l'Union économique eurasiatique (UEEA) » both give {accord, libre-echange}.
    func contentWords(_ s: AnalysedSentence, _ span: Range<Int>) -> Set<String> {
        var names = Set<Int>()
        for x in s.countries { names.formUnion(x.tokens) }
        for o in s.organisations { names.formUnion(o.tokens) }
        var out = Set<String>()
        var depth = 0
        for k in span {
            let w = s.tokens[k]
            if w.text == "(" { depth += 1 } else if w.text == ")" { depth = max(0, depth - 1) }
            if depth > 0 || w.isPunctuation || names.contains(k) || FrenchWords.isFunctionWord(w.folded) { continue }
            out.insert(DomainExtractor.stem(w.folded))
        }
        return out
    }

    /// One document told twice (headline and body, lede and body): same kind, same parties, and the
    /// words of one title all in the other.
    static func sameDocument(_ a: AgreementFact, _ ka: Set<String>, _ b: AgreementFact, _ kb: Set<String>) -> Bool {
        a.kind == b.kind && Set(a.parties) == Set(b.parties) && !ka.isEmpty && !kb.isEmpty && (ka.isSubset(of: kb) || kb.isSubset(of: ka))
    }

    static let signingWords: Set<String> = ["signe", "signee", "signes", "signees", "signent", "signaient", "signature", "conclu",
                                            "conclue", "conclus", "adopte", "adoptee", "adoptes", "adoptent", "paraphe", "paraphent",
                                            "echange", "echangent", "ratifie", "ratifient", "adoption", "signataires"]

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
            // « … du mémorandum et d'organiser chaque année … »: a new infinitive clause, not the title.
            if f == "et" || f == ",", j + 2 < t.count, ["d'", "de"].contains(t[j + 1].folded), Self.isInfinitive(t[j + 2].folded) { break }
            if isFiniteVerb(f), j > start { break }
            j += 1
        }
        // No dangling preposition or article at the end.
        while j > start, FrenchWords.isFunctionWord(t[j - 1].folded) || t[j - 1].text == "(" { j -= 1 }
        return j
    }

    static func isInfinitive(_ f: String) -> Bool {
        f.utf8.count > 4 && (f.hasSuffix("er") || f.hasSuffix("ir")) && !f.hasSuffix("ier") && !f.hasSuffix("eur")
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
